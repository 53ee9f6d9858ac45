import { join } from 'node:path';
import {
  ESCO_SKILL_PILLAR_ROOT_URIS,
  broaderAncestors,
  isSkillGroupIn,
  relatedByBroader,
  sharedBroaderGroups,
} from './broader-ancestors';
import { readEscoCatalog } from './esco-catalog.reader';
import { BroaderMap } from './esco-skill.model';

// A small pillar in the shape ESCO has: a root, groups, a skill under another skill, two parents.
const broader: BroaderMap = new Map([
  ['haskell', ['computer-programming', 'software-development']],
  ['computer-programming', ['software-development']],
  ['software-development', ['ict']],
  ['database', ['database-design']],
  ['database-design', ['ict']],
  ['ict', ['knowledge']],
  ['work-in-teams', ['collaborating']],
  ['collaborating', ['transversal']],
]);
const groups = new Set([
  'software-development',
  'database-design',
  'ict',
  'knowledge',
  'collaborating',
  'transversal',
]);
const isSkillGroup = (uri: string) => groups.has(uri);

describe('broaderAncestors', () => {
  it('walks every broader edge up to the root, nearest first', () => {
    expect([...broaderAncestors('haskell', broader)]).toEqual([
      'computer-programming',
      'software-development',
      'ict',
      'knowledge',
    ]);
  });

  it('walks through broader skills but reports only groups when asked', () => {
    expect([...broaderAncestors('haskell', broader, { isSkillGroup })]).toEqual([
      'software-development',
      'ict',
      'knowledge',
    ]);
  });

  it('is empty for a root or an unknown URI', () => {
    expect(broaderAncestors('knowledge', broader).size).toBe(0);
    expect(broaderAncestors('nowhere', broader).size).toBe(0);
  });

  it('terminates on a cycle and never lists the skill itself', () => {
    const cyclic: BroaderMap = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
    ]);
    expect([...broaderAncestors('a', cyclic)]).toEqual(['b', 'c']);
  });
});

describe('relatedByBroader', () => {
  it('unions the ancestors of several skills, leaving out what is ignored', () => {
    const related = relatedByBroader(['database', 'work-in-teams'], broader, {
      ignore: new Set(['knowledge', 'transversal']),
    });
    expect([...related].sort()).toEqual(['collaborating', 'database-design', 'ict']);
  });
});

describe('sharedBroaderGroups', () => {
  const roots = { ignore: new Set(['knowledge', 'transversal']) };

  it('finds the groups two skills sit under together', () => {
    expect([...sharedBroaderGroups('haskell', 'database', broader, { ...roots, isSkillGroup })]).toEqual([
      'ict',
    ]);
  });

  it('finds nothing between skills that only share a root', () => {
    const viaRoot: BroaderMap = new Map([...broader, ['transversal', ['knowledge']]]);
    expect(sharedBroaderGroups('haskell', 'work-in-teams', viaRoot, roots).size).toBe(0);
    expect(
      sharedBroaderGroups('haskell', 'work-in-teams', viaRoot, { ignore: new Set() }).has('knowledge'),
    ).toBe(true);
  });

  it('ignores the four ESCO pillar roots by default', () => {
    const knowledgeRoot = 'http://data.europa.eu/esco/skill/c46fcb45-5c14-4ffa-abed-5a43f104bb22';
    const esco: BroaderMap = new Map([
      ['a', [knowledgeRoot]],
      ['b', [knowledgeRoot]],
    ]);
    expect(ESCO_SKILL_PILLAR_ROOT_URIS.size).toBe(4);
    expect(ESCO_SKILL_PILLAR_ROOT_URIS.has(knowledgeRoot)).toBe(true);
    expect(sharedBroaderGroups('a', 'b', esco).size).toBe(0);
  });
});

describe('on ESCO fixture edges', () => {
  it('gives Haskell its groups up to the knowledge root, skipping the broader skill', async () => {
    const catalog = await readEscoCatalog([
      join(__dirname, '__fixtures__', 'broaderRelationsSkillPillar_en.csv'),
    ]);
    const haskell = 'http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02';
    const ancestors = broaderAncestors(haskell, catalog.broader, {
      isSkillGroup: isSkillGroupIn(catalog.conceptTypes),
    });
    expect(ancestors).toEqual(
      new Set([
        'http://data.europa.eu/esco/isced-f/0613',
        'http://data.europa.eu/esco/isced-f/061',
        'http://data.europa.eu/esco/isced-f/06',
        'http://data.europa.eu/esco/skill/c46fcb45-5c14-4ffa-abed-5a43f104bb22', // knowledge
        'http://data.europa.eu/esco/skill/98fb499f-9155-412d-a8a0-95ba97126fec', // using digital tools for collaboration and productivity
        'http://data.europa.eu/esco/skill/cacc62f3-2df4-4cc3-9d5d-0d014db56bd9',
        'http://data.europa.eu/esco/skill/243eb885-07c7-4b77-ab9c-827551d83dc4', // working with computers
        'http://data.europa.eu/esco/skill/335228d2-297d-4e0e-a6ee-bc6a8dc110d9', // skills
      ]),
    );
  });
});
