import { collectionFromFileName, detectEscoLayout, languageFromFileName } from './esco-layout.detector';

// Headers copied verbatim from the ESCO v1.2 CSV export.
const HEADERS = {
  skills:
    'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description',
  skillGroups:
    'conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code',
  transversalCollection:
    'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT',
  digitalCollection:
    'conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,broaderConceptUri,broaderConceptPT',
  broaderRelations: 'conceptType,conceptUri,broaderType,broaderUri',
  skillsHierarchy:
    'Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term,Level 2 URI,Level 2 preferred term,Level 3 URI,Level 3 preferred term,Description,Scope note,Level 0 code,Level 1 code,Level 2 code,Level 3 code',
  occupations:
    'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code',
  iscoGroups: 'conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description',
  skillSkillRelations: 'originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri',
};

const header = (line: string) => line.split(',');

describe('detectEscoLayout', () => {
  it.each([
    ['skills', HEADERS.skills],
    ['skillGroups', HEADERS.skillGroups],
    ['skillsCollection', HEADERS.transversalCollection],
    ['skillsCollection', HEADERS.digitalCollection],
    ['broaderRelations', HEADERS.broaderRelations],
    ['skillsHierarchy', HEADERS.skillsHierarchy],
    ['occupations', HEADERS.occupations],
    ['iscoGroups', HEADERS.iscoGroups],
    ['skillSkillRelations', HEADERS.skillSkillRelations],
  ])('recognizes the %s layout', (layout, line) => {
    expect(detectEscoLayout(header(line))).toBe(layout);
  });

  it('tells occupations from skill groups although they share every skill-group column', () => {
    expect(detectEscoLayout(header(HEADERS.occupations))).not.toBe('skillGroups');
  });

  it('does not care about column order', () => {
    expect(detectEscoLayout(header(HEADERS.skills).reverse())).toBe('skills');
  });

  it('returns undefined for a header it does not know', () => {
    expect(detectEscoLayout(['uri', 'label'])).toBeUndefined();
  });
});

describe('file name hints', () => {
  it('reads the language suffix of official file names', () => {
    expect(languageFromFileName('skills_en.csv')).toBe('en');
    expect(languageFromFileName('skillGroups_FR.csv')).toBe('fr');
    expect(languageFromFileName('skills_de.csv')).toBeUndefined();
    expect(languageFromFileName('skills.csv')).toBeUndefined();
  });

  it('reads the collection name of collection files', () => {
    expect(collectionFromFileName('/data/esco/greenSkillsCollection_en.csv')).toBe('green');
    expect(collectionFromFileName('digCompSkillsCollection_fr.csv')).toBe('digComp');
    expect(collectionFromFileName('skills_en.csv')).toBeUndefined();
  });
});
