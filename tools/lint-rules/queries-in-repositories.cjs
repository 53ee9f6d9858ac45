// Statements live in repositories (issue 11, item 4): a service's feature library orchestrates,
// and every SQL statement or TypeORM query sits in its data-access library behind a named
// method. Flags, in feature code, `x.query(…)`, `x.createQueryBuilder(…)`, `x.getRepository(…)`
// (a TypeORM repository's find-style reads and writes start there) and the EntityManager's own
// reads and writes (`manager.find…`, `.count…`, `.exists…`, `.insert`, `.update`, `.save`, `.delete`).
//
// Ratchet: a library not yet cleaned gets a budget, the number of such calls it held when the
// rule came in, counted as `grep` counts them (one per line matching QUERY_LINE). Lint fails when
// the library holds more than its budget, and when it holds fewer (lower the budget then), so
// the number only ever goes down until the library leaves the list.
const fs = require('node:fs');
const path = require('node:path');

const MANAGER_METHODS = new Set([
  'query',
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'count',
  'countBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'exists',
  'existsBy',
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'increment',
  'decrement',
]);
/** The line-based count the budgets are written in (the measure). */
const QUERY_LINE =
  /\.query\(|createQueryBuilder|getRepository\(|manager\.(query|find|count|exists|save|insert|update|upsert|delete|remove)/;
const EXCLUDED = /(\.spec\.ts|\.int-spec\.ts|\.e2e-spec\.ts)$|\/testing\//;

const totals = new Map();
function libraryTotal(root) {
  if (totals.has(root)) return totals.get(root);
  const counts = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (full.endsWith('.ts') && !EXCLUDED.test(full.split(path.sep).join('/'))) {
        const n = fs
          .readFileSync(full, 'utf8')
          .split('\n')
          .filter((line) => QUERY_LINE.test(line)).length;
        if (n > 0) counts.push({ file: full, n });
      }
    }
  };
  if (fs.existsSync(root)) walk(root);
  counts.sort((a, b) => (a.file < b.file ? -1 : 1));
  const total = { n: counts.reduce((sum, c) => sum + c.n, 0), first: counts[0]?.file ?? null };
  totals.set(root, total);
  return total;
}

function isQueryCall(node) {
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier')
    return false;
  const name = callee.property.name;
  if (name === 'query' || name === 'createQueryBuilder' || name === 'getRepository') return true;
  if (!MANAGER_METHODS.has(name)) return false;
  const object = callee.object;
  return (
    (object.type === 'Identifier' && object.name === 'manager') ||
    (object.type === 'MemberExpression' && !object.computed && object.property.name === 'manager')
  );
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL and TypeORM queries belong in data-access repositories, not in feature code' },
    messages: {
      inFeature:
        'A statement in feature code: move it into {{library}}-data-access behind a named repository method, and call that.',
      overBudget:
        '{{root}} holds {{total}} statements outside its repositories, over its budget of {{budget}} (eslint.config.mjs): move this one into data-access.',
      staleBudget:
        '{{root}} holds {{total}} statements outside its repositories, under its budget of {{budget}}: lower the budget in eslint.config.mjs to {{total}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          budgets: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
          repositoryRoot: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const options = context.options[0] ?? {};
    const repositoryRoot = options.repositoryRoot ?? context.cwd;
    const file = path.relative(repositoryRoot, context.filename).split(path.sep).join('/');
    const library = /^libs\/([^/]+)\//.exec(file)?.[1] ?? 'its service';
    const root = Object.keys(options.budgets ?? {}).find((prefix) => file.startsWith(`${prefix}/`));
    const calls = [];
    return {
      CallExpression(node) {
        if (isQueryCall(node)) calls.push(node);
      },
      'Program:exit'(program) {
        if (root === undefined) {
          for (const node of calls) context.report({ node, messageId: 'inFeature', data: { library } });
          return;
        }
        const budget = options.budgets[root];
        const total = libraryTotal(path.join(repositoryRoot, root));
        if (total.n > budget) {
          for (const node of calls)
            context.report({ node, messageId: 'overBudget', data: { root, total: total.n, budget } });
        } else if (total.n < budget && (total.first === context.filename || total.first === null)) {
          context.report({
            node: calls[0] ?? program,
            messageId: 'staleBudget',
            data: { root, total: total.n, budget },
          });
        }
      },
    };
  },
};
