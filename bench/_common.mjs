// Shared by the benches: options, the build, the compiled libraries, a database URL.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const ROOT = resolve(new URL('..', import.meta.url).pathname);
export const DIST = join(ROOT, process.env.LATTICE_DIST ?? 'dist');
export const require = createRequire(join(ROOT, 'tools', 'x.cjs'));

export function options(defaults) {
  const args = process.argv.slice(2);
  const result = { ...defaults };
  for (let i = 0; i < args.length; i++) {
    const key = args[i].replace(/^--/, '').replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
    const value = args[i + 1] && !args[i + 1].startsWith('--') ? args[++i] : 'true';
    result[key] = typeof defaults[key] === 'number' ? Number(value) : value;
  }
  return result;
}

export function build() {
  execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs')], { stdio: 'inherit' });
}

/** Refuses a database name without "test" in it: a bench never touches a database that may hold real data. */
export function assertTestDatabase(name) {
  if (!/test/i.test(name)) throw new Error(`bench database "${name}": its name must contain "test"`);
  return name;
}

/** The bench database: BENCH_DATABASE_URL, else lattice_bench_test on the local server (created when missing, never dropped). */
export function benchDatabaseUrl() {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lattice_bench_test';
  assertTestDatabase(new URL(url).pathname.slice(1));
  return url;
}

/**
 * A database of this run's own, `<base>_<pid>_<time>`, created now: `{ url, drop }`. `drop()` removes
 * that database only — a bench never drops a database it did not create.
 */
export async function runDatabase(base, adminUrl = benchDatabaseUrl()) {
  const { Client } = require('pg');
  const name = assertTestDatabase(`${base}_${process.pid}_${Date.now().toString(36)}`);
  const admin = new Client({
    connectionString: Object.assign(new URL(adminUrl), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  return {
    url,
    name,
    async drop() {
      const client = new Client({
        connectionString: Object.assign(new URL(adminUrl), { pathname: '/postgres' }).toString(),
      });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export const lib = (path) => require(join(DIST, path));
