// Reads the real ESCO v1.2 subset the repository carries (data/esco), so a change in the reader that
// miscounts or mislabels real skills fails here and not in a demo.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { broaderAncestors, isSkillGroupIn, sharedBroaderGroups } from './broader-ancestors';
import { readEscoCatalog, readEscoDirectory } from './esco-catalog.reader';
import { EscoCatalog, EscoSkill } from './esco-skill.model';

// The ESCO subset the repository carries (data/esco, see its README).
const ESCO_DATA = resolve(__dirname, '../../../../../../data/esco');

const DATABASE = 'http://data.europa.eu/esco/skill/43ae58b9-5e56-4524-b45a-b422777a0576';
const HASKELL = 'http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02';
const ICT = 'http://data.europa.eu/esco/isced-f/061';

const values = (catalog: EscoCatalog): EscoSkill[] => [...catalog.skills.values()];

describe('the bundled ESCO v1.2 subset', () => {
  let english: EscoCatalog;
  let everything: EscoCatalog;

  beforeAll(async () => {
    const englishFiles = readdirSync(ESCO_DATA)
      .filter((name) => name.endsWith('_en.csv'))
      .map((name) => join(ESCO_DATA, name));
    english = await readEscoCatalog(englishFiles, { skipOtherLayouts: true });
    everything = await readEscoDirectory(ESCO_DATA);
  }, 30_000);

  it('has 2,334 distinct labelled skills across the English collections', () => {
    const collected = values(english).filter((skill) => skill.collections.length > 0);
    expect(collected).toHaveLength(2334);
    expect(
      collected.every((skill) => skill.conceptType === 'KnowledgeSkillCompetence' && skill.labels.en),
    ).toBe(true);
  });

  it('has 640 skill groups under 4 pillar roots', () => {
    const groups = values(english).filter((skill) => skill.conceptType === 'SkillGroup');
    expect(groups).toHaveLength(640);
    expect(
      groups
        .filter((group) => group.broaderUris.length === 0)
        .map((group) => group.preferredLabel)
        .sort(),
    ).toEqual(['knowledge', 'language skills and knowledge', 'skills', 'transversal skills and competences']);
  });

  it('types the 2,650 skills its trimmed pillar reaches and carries its 4,417 broader edges', () => {
    const skills = [...english.conceptTypes.values()].filter((type) => type === 'KnowledgeSkillCompetence');
    expect(skills).toHaveLength(2650);
    const edges = [...english.broader.values()].reduce((sum, targets) => sum + targets.length, 0);
    expect(edges).toBe(4417);
  });

  it('keeps only edges reachable upward from a concept it labels (the trim data/esco/README.md describes)', () => {
    const reached = new Set<string>();
    const walk = (uri: string): void => {
      if (reached.has(uri)) return;
      reached.add(uri);
      for (const broader of english.broader.get(uri) ?? []) walk(broader);
    };
    for (const uri of everything.skills.keys()) walk(uri);
    expect([...english.broader.keys()].filter((narrower) => !reached.has(narrower))).toEqual([]);
  });

  it('finds the French label of a known skill', () => {
    expect(everything.skills.get(DATABASE)).toMatchObject({
      preferredLabel: 'database',
      collections: ['digital'],
      labels: {
        en: { preferred: 'database' },
        fr: { preferred: 'base de données', alt: expect.arrayContaining(['banque de données']) },
      },
    });
  });

  it('labels 2,262 collection skills in both languages and falls back to French for 105', () => {
    const collected = values(everything).filter((skill) => skill.collections.length > 0);
    expect(collected.filter((skill) => skill.labels.en && skill.labels.fr)).toHaveLength(2262);
    const frenchOnly = collected.filter((skill) => !skill.labels.en);
    expect(frenchOnly).toHaveLength(105);
    expect(frenchOnly.every((skill) => skill.preferredLabel === skill.labels.fr?.preferred)).toBe(true);
  });

  it('gives French labels to all 640 skill groups', () => {
    const groups = values(everything).filter((skill) => skill.conceptType === 'SkillGroup');
    expect(groups.filter((group) => group.labels.fr)).toHaveLength(640);
  });

  it('relates database and Haskell through the ICT knowledge groups', () => {
    const options = { isSkillGroup: isSkillGroupIn(english.conceptTypes) };
    expect(broaderAncestors(DATABASE, english.broader, options).size).toBe(4);
    expect(sharedBroaderGroups(DATABASE, HASKELL, english.broader, options)).toEqual(
      new Set([ICT, 'http://data.europa.eu/esco/isced-f/06']),
    );
  });
});
