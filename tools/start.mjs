// `npm start`: the whole product on a machine with only Node. Embedded Postgres when DATABASE_URL
// is unset; the in-process queue (with a loud warning) when no Redis answers. Builds, migrates
// (each service at start), seeds demo data and prints where to go.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { devKeys } from './dev-keys.mjs';
import { startEmbeddedPostgres } from './embedded-db.mjs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed-demo.mjs';

const require = createRequire(import.meta.url);
const { startStack, ROOT } = require('./stack.cjs');
const started = Date.now();

execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs')], { stdio: 'inherit' });

let database;
if (process.env.DATABASE_URL) {
  database = { url: process.env.DATABASE_URL, stop: async () => undefined };
  console.log('Using DATABASE_URL');
} else {
  console.log('No DATABASE_URL: starting embedded Postgres (data in .lattice/)…');
  database = await startEmbeddedPostgres({ root: ROOT, name: 'lattice' });
}

const portBase = Number(process.env.PORT ?? 4000);
const operator = {
  email: process.env.OPERATOR_EMAIL ?? 'operator@demo.lattice.ca',
  password: process.env.OPERATOR_PASSWORD ?? DEMO_PASSWORD,
};
let stack;
try {
  stack = await startStack({
    portBase,
    databaseUrl: database.url,
    keys: devKeys(ROOT),
    redisUrl: process.env.REDIS_URL,
    queueDriver: process.env.QUEUE_DRIVER,
    extraEnv: { identity: { OPERATOR_EMAIL: operator.email, OPERATOR_PASSWORD: operator.password } },
  });
} catch (error) {
  console.error(`Lattice did not start: ${error.message}`);
  await database.stop();
  process.exit(1);
}

const shutdown = async () => {
  await stack.stop();
  await database.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

if (process.env.SEED !== '0') {
  console.log('Seeding demo data…');
  await seedDemo(stack.gatewayUrl);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`
──────────────────────────────────────────────────────────────
  Lattice is running (${seconds} s)
  Web app:   http://localhost:${portBase}/
  GraphQL:   ${stack.gatewayUrl}
  Health:    http://localhost:${portBase}/health/ready

  Demo logins (password: ${DEMO_PASSWORD}):
${[...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(28)} ${a.org.kind.toLowerCase()} — ${a.org.name}`), `    ${operator.email.padEnd(28)} operator — Lattice Operations`].join('\n')}

  Ctrl-C stops everything.
──────────────────────────────────────────────────────────────`);
