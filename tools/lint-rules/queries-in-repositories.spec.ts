// The rule that keeps statements in repositories: what it flags in feature code, what it leaves,
// and the ratchet of a library's budget (over it, and under it: the budget must come down).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import * as parser from '@typescript-eslint/parser';

const rule = require('./queries-in-repositories.cjs');

const root = mkdtempSync(join(tmpdir(), 'queries-in-repositories-'));
const demo = join(root, 'libs', 'demo', 'feature', 'src', 'lib');
mkdirSync(demo, { recursive: true });
writeFileSync(
  join(demo, 'a.use-case.ts'),
  'await manager.query(`SELECT 1`);\nawait manager.insert(X, row);\n',
);
writeFileSync(join(demo, 'a.use-case.spec.ts'), 'await dataSource.query(`SELECT 1`);\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const tester = new RuleTester({ languageOptions: { parser } });
const cleaned = join(root, 'libs', 'clean', 'feature', 'src', 'lib', 'x.use-case.ts');
const budgeted = join(demo, 'a.use-case.ts');
const code = 'await manager.query(`SELECT 1`);\nawait manager.insert(X, row);';

tester.run('queries-in-repositories', rule, {
  valid: [
    {
      filename: cleaned,
      code: 'await this.repository.pageOf(id); await underSavepoint(manager, "s", work); manager.transaction(work);',
      options: [{ repositoryRoot: root }],
    },
    {
      filename: cleaned,
      code: 'const q = new URLSearchParams(); q.get("a"); http.request(u);',
      options: [{ repositoryRoot: root }],
    },
    // Finding in an array is no statement, nor is building an entity.
    {
      filename: cleaned,
      code: 'rows.find((r) => r.id === id); list.findIndex(f); manager.create(X, row);',
      options: [{ repositoryRoot: root }],
    },
    // At its budget: the library's two statement lines (the spec's line does not count).
    { filename: budgeted, code, options: [{ repositoryRoot: root, budgets: { 'libs/demo/feature': 2 } }] },
  ],
  invalid: [
    {
      filename: cleaned,
      code: 'await this.dataSource.query(`SELECT 1`);',
      options: [{ repositoryRoot: root }],
      errors: [{ messageId: 'inFeature' }],
    },
    {
      filename: cleaned,
      code: 'repo.createQueryBuilder("a").getMany();',
      options: [{ repositoryRoot: root }],
      errors: [{ messageId: 'inFeature' }],
    },
    {
      filename: cleaned,
      code: 'await manager.findOneBy(X, { id }); await this.dataSource.manager.update(X, { id }, {}); await manager.save(x);',
      options: [{ repositoryRoot: root }],
      errors: [{ messageId: 'inFeature' }, { messageId: 'inFeature' }, { messageId: 'inFeature' }],
    },
    // TypeORM's find-style reads start at getRepository(…); the EntityManager's counts are statements too.
    {
      filename: cleaned,
      code: 'await this.dataSource.getRepository(X).findOneBy({ id }); await manager.countBy(X, { id }); await manager.existsBy(X, { id });',
      options: [{ repositoryRoot: root }],
      errors: [{ messageId: 'inFeature' }, { messageId: 'inFeature' }, { messageId: 'inFeature' }],
    },
    {
      filename: budgeted,
      code,
      options: [{ repositoryRoot: root, budgets: { 'libs/demo/feature': 1 } }],
      errors: [{ messageId: 'overBudget' }, { messageId: 'overBudget' }],
    },
    {
      filename: budgeted,
      code,
      options: [{ repositoryRoot: root, budgets: { 'libs/demo/feature': 5 } }],
      errors: [{ messageId: 'staleBudget' }],
    },
  ],
});
