import type { Principal } from '@lattice/shared-auth';
import { buildAchievement } from '@lattice/credentials-openbadges';
import { type CatalogSkill, resolveSkillAlignments, SkillCatalog, skillAlignments } from './skill-catalog';

const ESCO_ID = '5d5b1e2a-4c1e-5f6a-9b8c-0d1e2f3a4b5c';
const SFS_ID = '7a0e3c44-2f1b-5d7e-8a9b-1c2d3e4f5a6b';
const UNKNOWN_ID = '0b7c1b5e-8f1a-4a55-9a39-2b4d1c3c8e21';
const ESCO_URI = 'http://data.europa.eu/esco/skill/a1b2c3d4-0000-0000-0000-000000000001';
const SFS_URI = 'https://www.canada.ca/en/services/jobs/training/initiatives/skills-success/digital';
const skills: CatalogSkill[] = [
  { id: SFS_ID, uri: SFS_URI, label: 'Digital', framework: 'SFS' },
  { id: ESCO_ID, uri: ESCO_URI, label: 'manage databases', framework: 'ESCO' },
];
const principal = { userId: 'u', token: 't', memberships: [] } as unknown as Principal;

describe('skillAlignments', () => {
  it('maps ESCO and Skills for Success skills to OB 3.0 alignments, in the design order, leaving unknown ids out', () => {
    const alignments = skillAlignments([ESCO_ID.toUpperCase(), UNKNOWN_ID, SFS_ID, ESCO_ID], skills);
    expect(alignments).toEqual([
      { framework: 'ESCO', uri: ESCO_URI, name: 'manage databases' },
      { framework: 'SFS', uri: SFS_URI, name: 'Digital' },
    ]);
    const achievement = buildAchievement({
      id: 'https://lattice.example/achievements/1',
      name: 'A',
      description: 'A',
      criteriaNarrative: 'A',
      alignments,
      language: 'en',
    }) as unknown as { alignment: unknown[] };
    expect(achievement.alignment).toEqual([
      expect.objectContaining({
        type: ['Alignment'],
        targetName: 'manage databases',
        targetUrl: ESCO_URI,
        targetFramework: 'ESCO',
      }),
      expect.objectContaining({
        type: ['Alignment'],
        targetName: 'Digital',
        targetUrl: SFS_URI,
        targetFramework: 'Skills for Success',
      }),
    ]);
  });

  it('aligns nothing when no id is known', () => {
    expect(skillAlignments([UNKNOWN_ID], skills)).toEqual([]);
  });
});

describe('resolveSkillAlignments', () => {
  class Failing extends SkillCatalog {
    find(): Promise<CatalogSkill[]> {
      return Promise.reject(new Error('marketplace answered 503'));
    }
  }

  it('awards without alignments when the marketplace cannot be asked', async () => {
    await expect(resolveSkillAlignments(new Failing(), principal, [ESCO_ID])).resolves.toEqual([]);
  });

  it('does not ask for a design without competencies', async () => {
    const catalog = { find: jest.fn() } as unknown as SkillCatalog;
    await expect(resolveSkillAlignments(catalog, principal, [])).resolves.toEqual([]);
    expect(catalog.find).not.toHaveBeenCalled();
  });
});
