import { join } from 'node:path';
import { readEscoCatalog, readEscoDirectory } from '../esco/esco-catalog.reader';
import { SKILLS_FOR_SUCCESS } from '../skills-for-success/skills-for-success.data';
import { skillIdForUri } from '@lattice/shared-esco';
import { buildSkillTaxonomy } from './skill-taxonomy';

const FIXTURES = join(__dirname, '../esco/__fixtures__');

describe('buildSkillTaxonomy', () => {
  it('keeps the full skills_en.csv layout: URIs, labels, alt labels, type, reuse level, broader links and groups', async () => {
    const catalog = await readEscoCatalog([
      join(FIXTURES, 'skills_en.csv'),
      join(FIXTURES, 'skillGroups_en.csv'),
      join(FIXTURES, 'broaderRelationsSkillPillar_en.csv'),
    ]);
    const taxonomy = buildSkillTaxonomy(catalog);
    const haskell = taxonomy.skills.find((s) => s.labelEn === 'Haskell')!;
    expect(haskell).toMatchObject({
      uri: 'http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02',
      id: skillIdForUri('http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02'),
      framework: 'ESCO',
      kind: 'KNOWLEDGE',
      reuseLevel: 'sector-specific',
    });
    expect(haskell.altLabelsEn).toContain('Haskell techniques');
    expect(haskell.searchText).toContain('Haskell techniques');
    const teams = taxonomy.skills.find((s) => s.labelEn === 'work in teams')!;
    expect(teams.kind).toBe('SKILL');
    // Every edge and group link names stored rows.
    const ids = new Set(taxonomy.skills.map((s) => s.id));
    for (const edge of taxonomy.broader) expect(ids.has(edge.skillId) && ids.has(edge.broaderId)).toBe(true);
    for (const link of taxonomy.groups) expect(ids.has(link.skillId) && ids.has(link.groupId)).toBe(true);
  });

  it('adds the nine Skills for Success as groups of their ESCO skills', async () => {
    const taxonomy = buildSkillTaxonomy(await readEscoDirectory(FIXTURES));
    const sfs = taxonomy.skills.filter((s) => s.framework === 'SFS');
    expect(sfs).toHaveLength(SKILLS_FOR_SUCCESS.length);
    const collaboration = skillIdForUri(SKILLS_FOR_SUCCESS.find((s) => s.id === 'collaboration')!.uri);
    const teams = skillIdForUri('http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0');
    if (taxonomy.skills.some((s) => s.id === teams)) {
      expect(taxonomy.groups).toContainEqual({
        skillId: teams,
        groupId: collaboration,
        level: 2,
        nearest: true,
      });
    }
    expect(taxonomy.groups).toContainEqual({
      skillId: collaboration,
      groupId: collaboration,
      level: 2,
      nearest: true,
    });
  });
});
