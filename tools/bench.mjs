// `npm run bench -- <name> [options]`: runs bench/<name>.mjs (e.g. `matching`, `seed`).
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(new URL('..', import.meta.url).pathname);
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
  .map((f) => f.replace(/\.mjs$/, ''));
if (!name || !existsSync(join(root, 'bench', `${name}.mjs`))) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(2);
}
const result = spawnSync(process.execPath, [join(root, 'bench', `${name}.mjs`), ...args], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
