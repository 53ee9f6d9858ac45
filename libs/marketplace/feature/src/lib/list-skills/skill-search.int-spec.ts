// Skill search against the committed evaluation set (bench/search-eval.json: misspellings
// generated from the labels): the intended skill must be within the first five results for at
// least 97% of one-edit and 90% of two-edit searches, and for nearly every swapped pair of
// letters, missing space, other word order, plural and unaccented French label. Bad searches are
// typed errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDataSource } from '@lattice/shared-data-access';
import { testDatabaseUrl } from '@lattice/shared-testing';
import { marketplaceDataSource, MarketplaceRepository } from '@lattice/marketplace-data-access';
import { ImportSkillTaxonomyUseCase } from '../import-skill-taxonomy/import-skill-taxonomy.use-case';
import { ListSkillsUseCase } from './list-skills.use-case';

const ROOT = join(__dirname, '../../../../../..');
const MINIMUM: Record<string, number> = {
  'one edit': 0.97,
  'two edits': 0.9,
  'swapped letters': 0.95,
  'missing space': 0.9,
  'word order': 0.95,
  plural: 0.95,
  'accents removed': 0.95,
};

describe('skill search forgives people (integration)', () => {
  let dataSource: DataSource;
  let list: ListSkillsUseCase;
  const entries: Array<{ kind: string; query: string; skillId: string }> = JSON.parse(
    readFileSync(join(ROOT, 'bench/search-eval.json'), 'utf8'),
  );

  beforeAll(async () => {
    dataSource = await openDataSource(marketplaceDataSource(testDatabaseUrl('int'), 4));
    await new ImportSkillTaxonomyUseCase(dataSource).execute(join(ROOT, 'data/esco'), { onlyIfEmpty: true });
    list = new ListSkillsUseCase(new MarketplaceRepository(dataSource));
  }, 120_000);

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('finds the intended skill within the first five on the evaluation set', async () => {
    expect(entries.length).toBeGreaterThanOrEqual(500);
    const found: Record<string, number[]> = {};
    const misses: string[] = [];
    for (const entry of entries) {
      const results = await list.execute({ search: entry.query }, { limit: 5, after: null });
      const hit = results.slice(0, 5).some((skill) => skill.id === entry.skillId);
      (found[entry.kind] ??= []).push(hit ? 1 : 0);
      if (!hit) misses.push(`${entry.kind}: ${entry.query}`);
    }
    const recall = Object.fromEntries(
      Object.entries(found).map(([kind, hits]) => [kind, hits.reduce((a, b) => a + b, 0) / hits.length]),
    );
    for (const [kind, minimum] of Object.entries(MINIMUM)) {
      if ((recall[kind] ?? 0) < minimum)
        throw new Error(
          `recall@5 for ${kind} is ${recall[kind]} (< ${minimum}); misses:\n${misses.filter((m) => m.startsWith(kind)).join('\n')}`,
        );
    }
  }, 300_000);

  it('refuses empty, overlong and control-character searches', async () => {
    for (const search of ['', '   ', 'x'.repeat(1000), 'data\u0000base', 'data\u0007']) {
      await expect(list.execute({ search }, { limit: 5, after: null })).rejects.toMatchObject({
        code: 'MARKETPLACE.INVALID_INPUT',
      });
    }
  });
});
