// The repository stands alone (docs/adr/0014): no tracked file may name a path outside it — no
// link, import, test fixture or script reaching `../shared` or any other sibling folder. A clone
// with nothing beside it must build, test and read the same as this checkout.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..');
const TEXT =
  /\.(ts|tsx|js|mjs|cjs|json|md|yml|yaml|sh|graphql|html|css|csv|txt|env|toml)$|(^|\/)(Dockerfile|run|\.[\w-]+rc)$/;
// Relative paths in any notation: '../x', "../../x", (../x), `../..` (an up-only path).
const RELATIVE = /(?<![\w./@-])((?:\.\.\/)+(?:\.\.(?![\w.])|[\w@$][\w@$.-]*(?:\/[\w@$.-]+)*)?)/g;
// Absolute paths into the folders around this checkout, or the shared folder named outright.
const OUTSIDE = /\/work\/(?:shared|main|wt)\b|(?<![\w./-])shared\/(?:docs|data)\//g;

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter((file) => file && TEXT.test(file) && file !== 'package-lock.json' && !file.startsWith('data/'));
}

/** Every path a file names that leaves the repository, as `file:line: path`. */
export function pathsOutside(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const [, path] of line.matchAll(RELATIVE)) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), path));
      if (target === '..' || target.startsWith(`..${sep}`)) found.push(`${file}:${index + 1}: ${path}`);
    }
    for (const [path] of line.matchAll(OUTSIDE)) found.push(`${file}:${index + 1}: ${path}`);
  });
  return found;
}

describe('the repository stands alone', () => {
  it('names no path outside itself in any tracked file', () => {
    const outside = trackedFiles()
      .filter((file) => file !== 'tools/repository.spec.ts')
      .flatMap((file) => pathsOutside(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(outside).toEqual([]);
  });

  it('catches the ways a path can leave it', () => {
    expect(pathsOutside('README.md', 'See [the product](../shared/docs/PRODUCT.md).')).toHaveLength(1);
    expect(
      pathsOutside(
        'libs/a/b/src/lib/x/x.spec.ts',
        "resolve(__dirname, '../../../../../../../shared/data/esco')",
      ),
    ).toHaveLength(1);
    expect(pathsOutside('tools/x.mjs', "join(root, '../../..')")).toHaveLength(1);
    expect(pathsOutside('docs/x.md', 'read /work/shared/data/esco or shared/docs/API.md')).toHaveLength(2);
    expect(pathsOutside('libs/a/feature/src/lib/x/x.ts', "import { y } from '../shared/y';")).toEqual([]);
    expect(pathsOutside('docs/API.md', '[regions](../data/regions/ca-regions.csv)')).toEqual([]);
    expect(pathsOutside('README.md', '`libs/shared/data-access`, libs/shared/data/x')).toEqual([]);
  });
});
