import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isAppError } from '@lattice/shared-util-errors';
import { readEscoCatalog, readEscoDirectory } from './esco-catalog.reader';
import { EscoCatalog, EscoSkill } from './esco-skill.model';

const FIXTURES = join(__dirname, '__fixtures__');
const SKILL = 'http://data.europa.eu/esco/skill/';
const HASKELL = `${SKILL}000f1d3d-220f-4789-9c0a-cc742521fb02`;
const WORK_IN_TEAMS = `${SKILL}60c78287-22eb-4103-9c8c-28deaa460da0`;
const COMPUTER_PROGRAMMING = `${SKILL}21d2f96d-35f7-4e3f-9745-c533d2dd6e97`;
const DIGITAL_CONTENT_CREATION = `${SKILL}f5369f2f-e52b-43d8-8d31-79a6c11188d8`;
const COLLABORATING_IN_TEAMS = `${SKILL}036afa6e-cdde-4b38-a53a-8e7910a840e1`;
const ISCED_SOFTWARE = 'http://data.europa.eu/esco/isced-f/0613';

function skillIn(catalog: EscoCatalog, uri: string): EscoSkill {
  const skill = catalog.skills.get(uri);
  if (!skill) throw new Error(`${uri} is not in the catalog`);
  return skill;
}

function csvStream(...lines: string[]): Readable {
  return Readable.from([lines.join('\n') + '\n']);
}

async function errorOf(
  promise: Promise<unknown>,
): Promise<{ code: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected the ESCO import to be refused');
}

const SKILLS_HEADER =
  'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description';
const COLLECTION_HEADER =
  'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT';

describe('readEscoCatalog on the full skills_en.csv layout', () => {
  let catalog: EscoCatalog;

  beforeAll(async () => {
    catalog = await readEscoCatalog([join(FIXTURES, 'skills_en.csv')]);
  });

  it('reads every row as an English-labelled skill', () => {
    expect(catalog.skills.size).toBe(5);
    expect(catalog.sources).toEqual([
      { name: join(FIXTURES, 'skills_en.csv'), layout: 'skills', language: 'en', records: 5, skipped: false },
    ]);
  });

  it('splits the newline-separated altLabels and hiddenLabels cells', () => {
    const skill = skillIn(catalog, WORK_IN_TEAMS);
    expect(skill.altLabels).toEqual([
      'work in groups',
      'working in teams',
      'support colleagues',
      'cooperate with colleagues',
    ]);
    expect(skill.hiddenLabels).toEqual(['team player', 'teamwork']);
    expect(skill).toMatchObject({
      conceptType: 'KnowledgeSkillCompetence',
      preferredLabel: 'work in teams',
      skillType: 'skill/competence',
      reuseLevel: 'transversal',
      description: 'Work confidently within a group with each doing their part in the service of the whole.',
      labels: { en: { preferred: 'work in teams' } },
    });
  });

  it('keeps commas inside quoted descriptions and does not mistake the next row for a label', () => {
    expect(skillIn(catalog, HASKELL).description).toBe(
      'The techniques and principles of software development, such as analysis, algorithms, coding, testing and compiling of programming paradigms in Haskell.',
    );
    expect(skillIn(catalog, COMPUTER_PROGRAMMING).altLabels).toEqual(['OCaml', 'Object Pascal', 'bash']);
  });

  it('leaves skillType and reuseLevel out where ESCO leaves them empty', () => {
    const skill = skillIn(catalog, DIGITAL_CONTENT_CREATION);
    expect(skill.skillType).toBeUndefined();
    expect(skill.reuseLevel).toBeUndefined();
  });

  it('has no collections or broader concepts: that file carries neither', () => {
    expect(skillIn(catalog, HASKELL)).toMatchObject({ collections: [], broaderUris: [] });
  });
});

describe('readEscoDirectory on a small ESCO download', () => {
  let catalog: EscoCatalog;

  // Reading files: on a loaded two-core machine this took over jest's default 5 s.
  beforeAll(async () => {
    catalog = await readEscoDirectory(FIXTURES);
  }, 30_000);

  it('merges a skill seen in the skills file, a collection, the broader file and French files', () => {
    const skill = skillIn(catalog, WORK_IN_TEAMS);
    expect(skill.collections).toEqual(['transversal']);
    expect(skill.broaderUris).toEqual([COLLABORATING_IN_TEAMS]);
    expect(skill.labels.fr).toEqual({
      preferred: 'travailler en équipe',
      alt: ['travailler en groupe', 'coopérer avec ses collègues'],
      hidden: [],
      description:
        'Travailler avec confiance au sein d’un groupe, chacun de ses membres prenant en charge sa partie de l’ensemble de la prestation.',
    });
    // The skills file's 4 alternative labels are among the collection's 10: kept once each.
    expect(skill.altLabels).toHaveLength(10);
    expect(skill.altLabels).toEqual(
      expect.arrayContaining(['support colleagues', 'work in squads', 'collaborate on tasks']),
    );
  });

  it('takes broader URIs from the broader-relations file and the collections, once each', () => {
    const expected = [ISCED_SOFTWARE, COMPUTER_PROGRAMMING].sort();
    expect([...skillIn(catalog, HASKELL).broaderUris].sort()).toEqual(expected);
    expect([...(catalog.broader.get(HASKELL) ?? [])].sort()).toEqual(expected);
  });

  it('reads skill groups with codes, newline-separated labels and French labels', () => {
    const groups = [...catalog.skills.values()].filter((skill) => skill.conceptType === 'SkillGroup');
    expect(groups).toHaveLength(12);
    expect(skillIn(catalog, COLLABORATING_IN_TEAMS)).toMatchObject({
      preferredLabel: 'collaborating in teams and networks',
      altLabels: ['working with others', 'acting with others to achieve aims'],
      code: 'T4.3',
      broaderUris: [`${SKILL}552c4f35-a2d1-49c2-8fda-afe26695c44a`],
      labels: { fr: { preferred: 'collaborer au sein d’équipes et de réseaux' } },
    });
  });

  it('reports what it read and what it passed over', () => {
    const byFile = Object.fromEntries(
      catalog.sources.map((source) => [
        source.name.slice(FIXTURES.length + 1),
        [source.layout, source.skipped],
      ]),
    );
    expect(byFile).toEqual({
      'broaderRelationsSkillPillar_en.csv': ['broaderRelations', false],
      'digitalSkillsCollection_en.csv': ['skillsCollection', false],
      'occupations_en.csv': ['occupations', true],
      'skillGroups_en.csv': ['skillGroups', false],
      'skillsHierarchy_en.csv': ['skillsHierarchy', false],
      'skills_en.csv': ['skills', false],
      'transversalSkillsCollection_en.csv': ['skillsCollection', false],
      'fr/digitalSkillsCollection_fr.csv': ['skillsCollection', false],
      'fr/skillGroups_fr.csv': ['skillGroups', false],
      'fr/skills_fr.csv': ['skills', false],
      'fr/transversalSkillsCollection_fr.csv': ['skillsCollection', false],
    });
  });

  it('knows the type of every URI in the broader file, labelled or not', () => {
    expect(catalog.conceptTypes.get(COMPUTER_PROGRAMMING)).toBe('KnowledgeSkillCompetence');
    expect(catalog.conceptTypes.get(ISCED_SOFTWARE)).toBe('SkillGroup');
  });
});

describe('layout detection', () => {
  it('goes by the header, not the name', async () => {
    const groups = await readEscoCatalog([
      { source: createReadStream(join(FIXTURES, 'skillGroups_en.csv')), name: 'skills_en.csv' },
    ]);
    expect(groups.sources[0]?.layout).toBe('skillGroups');
    expect([...groups.skills.values()].every((skill) => skill.conceptType === 'SkillGroup')).toBe(true);
  });

  it('reads an unnamed stream when told its language and collection', async () => {
    const catalog = await readEscoCatalog([
      {
        source: csvStream(
          COLLECTION_HEADER,
          `KnowledgeSkillCompetence,${WORK_IN_TEAMS},skill/competence,transversal,travailler en équipe,released,,,,`,
        ),
        language: 'fr',
        collection: 'transversal',
      },
    ]);
    expect(skillIn(catalog, WORK_IN_TEAMS)).toMatchObject({
      // Only French was given: the top-level label falls back to it.
      preferredLabel: 'travailler en équipe',
      collections: ['transversal'],
      labels: { fr: { preferred: 'travailler en équipe' } },
    });
    expect(skillIn(catalog, WORK_IN_TEAMS).labels.en).toBeUndefined();
  });

  it('splits collection labels on " | " and drops the stray blanks ESCO leaves', async () => {
    const catalog = await readEscoCatalog([
      {
        source: csvStream(
          COLLECTION_HEADER,
          `KnowledgeSkillCompetence,${HASKELL},knowledge,sector-specific,Haskell ,released, Haskell techniques |  functional Haskell |,,${COMPUTER_PROGRAMMING} | ${ISCED_SOFTWARE},x | y`,
        ),
        name: 'digitalSkillsCollection_en.csv',
      },
    ]);
    expect(skillIn(catalog, HASKELL)).toMatchObject({
      preferredLabel: 'Haskell',
      altLabels: ['Haskell techniques', 'functional Haskell'],
      broaderUris: [COMPUTER_PROGRAMMING, ISCED_SOFTWARE],
      collections: ['digital'],
    });
  });

  it('passes over occupation-pillar rows in a broader-relations file', async () => {
    const catalog = await readEscoCatalog([
      {
        source: csvStream(
          'conceptType,conceptUri,broaderType,broaderUri',
          'Occupation,http://data.europa.eu/esco/occupation/1,ISCOGroup,http://data.europa.eu/esco/isco/C2654',
          `KnowledgeSkillCompetence,${HASKELL},SkillGroup,${ISCED_SOFTWARE}`,
        ),
      },
    ]);
    expect([...catalog.broader.keys()]).toEqual([HASKELL]);
  });
});

describe('refusals', () => {
  it('refuses a layout outside the skills pillar when asked for it by name', async () => {
    const error = await errorOf(readEscoCatalog([join(FIXTURES, 'occupations_en.csv')]));
    expect(error.code).toBe('ESCO.UNSUPPORTED_LAYOUT');
    expect(error.details).toMatchObject({ layout: 'occupations' });
  });

  it('refuses a header it does not recognize', async () => {
    const error = await errorOf(readEscoCatalog([{ source: csvStream('uri,label', 'x,y') }]));
    expect(error).toMatchObject({ code: 'ESCO.UNSUPPORTED_LAYOUT', details: { layout: null } });
  });

  it('asks for a language when neither the caller nor the name gives one', async () => {
    const error = await errorOf(readEscoCatalog([{ source: csvStream(SKILLS_HEADER), name: 'export.csv' }]));
    expect(error.code).toBe('ESCO.UNKNOWN_LANGUAGE');
  });

  it('asks for a collection when the name does not say which', async () => {
    const error = await errorOf(
      readEscoCatalog([{ source: csvStream(COLLECTION_HEADER), name: 'export_en.csv' }]),
    );
    expect(error.code).toBe('ESCO.UNKNOWN_COLLECTION');
  });

  it('refuses an unknown skillType, naming the record', async () => {
    const error = await errorOf(
      readEscoCatalog([
        {
          source: csvStream(
            SKILLS_HEADER,
            `KnowledgeSkillCompetence,${HASKELL},knowledge,sector-specific,Haskell,,,released,,,,,`,
            `KnowledgeSkillCompetence,${WORK_IN_TEAMS},attitude,transversal,work in teams,,,released,,,,,`,
          ),
          name: 'skills_en.csv',
        },
      ]),
    );
    expect(error).toEqual({
      code: 'ESCO.INVALID_VALUE',
      details: { source: 'skills_en.csv', record: 2, column: 'skillType', value: 'attitude' },
    });
  });

  it('refuses a URI that is a skill in one file and a group in another', async () => {
    const error = await errorOf(
      readEscoCatalog([
        join(FIXTURES, 'skills_en.csv'),
        {
          source: csvStream(
            'conceptType,conceptUri,broaderType,broaderUri',
            `SkillGroup,${HASKELL},SkillGroup,${ISCED_SOFTWARE}`,
          ),
        },
      ]),
    );
    expect(error).toMatchObject({
      code: 'ESCO.CONFLICTING_CONCEPT_TYPE',
      details: { uri: HASKELL, conceptType: 'SkillGroup', known: 'KnowledgeSkillCompetence' },
    });
  });
});

describe('a file the size of the official skills_en.csv', () => {
  it('streams 13,939 multi-line records through the skills layout', async () => {
    const rows = 13_939;
    let produced = 0;
    // ~9 MB, generated lazily so the test itself never holds the whole file either.
    async function* skillsFile(): AsyncGenerator<string> {
      yield SKILLS_HEADER + '\n';
      for (let index = 0; index < rows; index++) {
        produced++;
        const description = `Apply technique ${index}, carefully. ${'x'.repeat(520)}`;
        yield `KnowledgeSkillCompetence,${SKILL}${index},skill/competence,sector-specific,skill ${index},"alt ${index} a\nalt ${index} b","hidden ${index}",released,2023-11-23T09:12:41.317Z,,,"${SKILL}scheme, ${SKILL}other","${description}"\n`;
      }
    }
    const catalog = await readEscoCatalog([{ source: Readable.from(skillsFile()), name: 'skills_en.csv' }]);
    expect(produced).toBe(rows);
    expect(catalog.skills.size).toBe(rows);
    expect(skillIn(catalog, `${SKILL}13938`)).toMatchObject({
      preferredLabel: 'skill 13938',
      altLabels: ['alt 13938 a', 'alt 13938 b'],
      hiddenLabels: ['hidden 13938'],
    });
  });
});
