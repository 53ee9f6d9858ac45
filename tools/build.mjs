// Transpiles every app and library to dist/ with swc (decorator metadata on), rewriting
// `@lattice/*` imports to relative paths so `node dist/apps/<app>/src/main.js` runs as is.
// Type checking is `npm run typecheck` (tsc); this step only has to be fast.
import { transformFile } from '@swc/core';
import { readFileSync, mkdirSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
// LATTICE_DIST lets parallel work (several checkouts' test runs) build side by side.
const out = resolve(root, process.env.LATTICE_DIST ?? 'dist');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const paths = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths;
const aliases = Object.fromEntries(
  Object.entries(paths).map(([name, [target]]) => [name, join(root, target.replace(/\.ts$/, ''))]),
);

function* sources(dir) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (entry === 'node_modules' || entry === 'web') continue;
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (/\.ts$/.test(entry) && !/\.(spec|int-spec|e2e-spec|d)\.ts$/.test(entry)) yield full;
  }
}

const started = Date.now();
const files = [...sources(join(root, 'apps')), ...sources(join(root, 'libs'))];
let count = 0;
await Promise.all(
  files.map(async (file) => {
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(file, {
      ...swcrc,
      filename: file,
      swcrc: false,
      configFile: false,
      sourceFileName: relative(dirname(target), file),
    });
    const rewritten = code.replace(/require\("(@lattice\/[a-z-]+)"\)/g, (whole, name) => {
      const aliased = aliases[name];
      if (!aliased) throw new Error(`${file}: unknown import ${name}`);
      let rel = relative(dirname(file), aliased);
      if (!rel.startsWith('.')) rel = './' + rel;
      return `require("${rel}")`;
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, rewritten + `\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (map) writeFileSync(target + '.map', map);
    count++;
  }),
);
console.log(`build: ${count} files in ${Date.now() - started} ms → ${relative(root, out)}/`);

// The web app (apps/web): vite build into <dist>/apps/web, which the gateway serves at `/`.
// Skipped when nothing it is built from changed since the last build (the stamp records a hash),
// so the e2e setup's build stays fast; WEB_BUILD=0 skips it, WEB_BUILD=1 forces it.
if (process.env.WEB_BUILD !== '0') {
  const { createHash } = await import('node:crypto');
  const webRoot = join(root, 'apps/web');
  const webOut = join(out, 'apps/web');
  const hash = createHash('sha256');
  const inputs = (dir) =>
    readdirSync(dir).flatMap((entry) => {
      const full = join(dir, entry);
      if (entry === 'node_modules') return [];
      return statSync(full).isDirectory() ? inputs(full) : [full];
    });
  for (const file of [...inputs(webRoot).sort(), join(root, 'package-lock.json')])
    hash.update(file).update(readFileSync(file));
  const digest = hash.digest('hex');
  const stampFile = join(webOut, '.build-stamp');
  let previous = null;
  try {
    previous = readFileSync(stampFile, 'utf8');
  } catch {
    // never built
  }
  if (previous === digest && process.env.WEB_BUILD !== '1') {
    console.log(`build: web app unchanged → ${relative(root, webOut)}/`);
  } else {
    const webStarted = Date.now();
    // A production bundle even when called from jest (NODE_ENV=test would bundle React's dev build).
    process.env.NODE_ENV = 'production';
    process.env.WEB_OUT_DIR = webOut;
    const { build } = await import('vite');
    await build({ configFile: join(webRoot, 'vite.config.mjs'), logLevel: 'warn' });
    writeFileSync(stampFile, digest);
    console.log(`build: web app in ${Date.now() - webStarted} ms → ${relative(root, webOut)}/`);
  }
}
