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

/** The bench database: BENCH_DATABASE_URL, else lattice_bench on the local server. */
export function benchDatabaseUrl() {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lattice_bench';
}

export const lib = (path) => require(join(DIST, path));
