// `npm run supergraph`: builds, starts the four subgraphs on spare ports, composes their SDL and
// writes apps/gateway/supergraph.graphql (checked in; the e2e suite fails when it is stale).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { devKeys } from './dev-keys.mjs';
import { startEmbeddedPostgres } from './embedded-db.mjs';

const require = createRequire(import.meta.url);
const { startStack, portsFor, SUBGRAPHS, ROOT } = require('./stack.cjs');
const { composeSupergraph } = require('./compose-supergraph.cjs');

execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs')], { stdio: 'inherit' });
let database = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => undefined }
  : await startEmbeddedPostgres({ root: ROOT, name: 'lattice' });
// SUPERGRAPH_PORT_BASE: checkouts composing at once on one machine must not answer for each other.
const base = Number(process.env.SUPERGRAPH_PORT_BASE ?? 4200);
const stack = await startStack({
  portBase: base,
  databaseUrl: database.url,
  keys: devKeys(ROOT),
  services: SUBGRAPHS,
  logDir: join(ROOT, 'tmp/supergraph-logs'),
});
try {
  const defaults = portsFor(4000);
  const sdl = await composeSupergraph(
    SUBGRAPHS.map((name) => ({
      name,
      url: `http://127.0.0.1:${stack.ports[name]}/graphql`,
      routingUrl: `http://127.0.0.1:${defaults[name]}/graphql`,
    })),
  );
  writeFileSync(join(ROOT, 'apps/gateway/supergraph.graphql'), sdl);
  console.log('wrote apps/gateway/supergraph.graphql');
} finally {
  await stack.stop();
  await database.stop();
}
