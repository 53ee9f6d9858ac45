// Sizes of the built web app (run `npm run web:build` first): every JavaScript and CSS chunk,
// raw and gzip (level 6, gzip's default), and what the first page of a few screens loads — the entry chunk, the
// screen's lazy chunk and the chunks both import statically, the message areas it shows in one
// language and the stylesheet. Static imports are read from the chunks themselves (`from"./x.js"`, `import"./x.js"`).
// Usage: node tools/web-bundle-sizes.mjs [--markdown]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, process.env.LATTICE_DIST ?? 'dist', 'apps/web');
const assets = join(dist, 'assets');
const markdown = process.argv.includes('--markdown');

const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
const size = new Map(
  files.map((f) => {
    const bytes = readFileSync(join(assets, f));
    return [f, { raw: bytes.length, gzip: gzipSync(bytes).length }];
  }),
);
const staticImports = (file) => {
  const code = readFileSync(join(assets, file), 'utf8');
  return [...code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
};
const closure = (start) => {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    staticImports(f).forEach(visit);
  };
  start.forEach(visit);
  return seen;
};

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)[1];
const css = [...html.matchAll(/href="\/assets\/([^"]+\.css)"/g)].map((m) => m[1]);
const chunk = (prefix) => files.find((f) => f.startsWith(prefix + '-') && f.endsWith('.js'));
const kB = (n) => (n / 1000).toFixed(1);

// Each page with the message areas it shows (i18n/<lang>/<area>.json, one chunk each): common and
// errors always, then the screen's own.
const pages = [
  ['/ (home), English', 'HomeScreen', 'en', ['org', 'auth']],
  ['/ (home), French', 'HomeScreen', 'fr', ['org', 'auth']],
  ['/log-in, English', 'LogInScreen', 'en', ['auth']],
  ['/designs/:id, English', 'DesignScreen', 'en', ['codev']],
  ['/demand, English', 'DemandScreen', 'en', ['demand', 'marketplace']],
];
const firstPages = pages.map(([label, screen, lang, areas]) => {
  const messages = ['common', 'errors', ...areas].map((area) => chunk(`messages-${lang}-${area}`));
  const loaded = closure([entry, chunk(screen), ...messages].filter(Boolean));
  const all = [...loaded, ...css];
  const sum = (k) => all.reduce((n, f) => n + size.get(f)[k], 0);
  return { label, chunks: all.length, raw: sum('raw'), gzip: sum('gzip') };
});

const rows = [...size.entries()].sort((a, b) => b[1].gzip - a[1].gzip);
if (markdown) {
  console.log('| first page | chunks | raw kB | gzip kB |\n|---|---:|---:|---:|');
  for (const p of firstPages) console.log(`| ${p.label} | ${p.chunks} | ${kB(p.raw)} | ${kB(p.gzip)} |`);
  console.log('\n| chunk | raw kB | gzip kB |\n|---|---:|---:|');
  for (const [f, s] of rows)
    console.log(`| ${f === entry ? `${f} (entry)` : f} | ${kB(s.raw)} | ${kB(s.gzip)} |`);
} else {
  for (const p of firstPages)
    console.log(
      `${p.label.padEnd(24)} ${String(p.chunks).padStart(3)} chunks ${kB(p.raw).padStart(8)} kB ${kB(p.gzip).padStart(7)} kB gzip`,
    );
  console.log();
  for (const [f, s] of rows)
    console.log(
      `${kB(s.raw).padStart(8)} kB ${kB(s.gzip).padStart(7)} kB gzip  ${f}${f === entry ? '  (entry)' : ''}`,
    );
}
