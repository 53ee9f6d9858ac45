import {
  wordRoot,
  ROOT_MATCH_QUALITY,
  editDistance,
  labelSearchWords,
  searchWords,
  SearchVocabulary,
  wordMatchQuality,
} from './skill-search-text';

describe('skill search text', () => {
  it('folds accents, case and plurals, and runs multi-word labels together', () => {
    expect(searchWords('Gérer les Bases de Données')).toEqual(['gerer', 'les', 'base', 'de', 'donnee']);
    expect(labelSearchWords('project management')).toEqual(['project', 'management', 'projectmanagement']);
    expect(searchWords('business')).toEqual(['business']);
  });

  it('counts an adjacent swap as one edit and stops early past the bound', () => {
    expect(editDistance('pyhton', 'python', 2)).toBe(1);
    expect(editDistance('analysys', 'analysis', 2)).toBe(1);
    expect(editDistance('dta', 'data', 1)).toBe(1);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('allows no edit in two-letter words, one up to five letters, two beyond', () => {
    expect(wordMatchQuality('pyhton', 'python')).toBeGreaterThan(0.8);
    expect(wordMatchQuality('de', 'du')).toBe(0);
    expect(wordMatchQuality('dta', 'data')).toBeGreaterThan(0);
    expect(wordMatchQuality('teams', 'team')).toBeGreaterThan(0);
    expect(wordMatchQuality('managment', 'management')).toBeGreaterThan(0.8);
    expect(wordMatchQuality('xyzzyx', 'python')).toBe(0);
  });

  it('finds misspelt words in the vocabulary, best first', () => {
    const vocabulary = new SearchVocabulary(['data', 'analysi', 'python', 'database', 'projectmanagement']);
    const matches = vocabulary.match(searchWords('pyhton dta analysys'));
    expect(matches.filter((m) => m.ord === 1)[0]).toMatchObject({ word: 'python' });
    expect(matches.filter((m) => m.ord === 2)[0]).toMatchObject({ word: 'data' });
    expect(matches.filter((m) => m.ord === 3)[0]).toMatchObject({ word: 'analysi' });
    expect(vocabulary.match(searchWords('projectmanagment'))[0]).toMatchObject({ word: 'projectmanagement' });
  });

  it('meets a word’s relatives through their root: what employers write against how ESCO labels it', () => {
    for (const [written, labelled] of [
      ['management', 'manage'],
      ['mentoring', 'mentor'],
      ['driving', 'drive'],
      ['communication', 'communicate'],
      ['adaptability', 'adapt'],
      ['programming', 'program'],
      ['sorting', 'sorted'],
    ]) {
      expect([written, wordRoot(written)]).toEqual([written, wordRoot(labelled)]);
      expect(wordMatchQuality(written, labelled)).toBe(ROOT_MATCH_QUALITY);
    }
    // Short words and different roots do not meet; an exact word still beats a relative.
    expect(wordMatchQuality('sale', 'sal')).toBeLessThan(ROOT_MATCH_QUALITY + 0.2);
    expect(wordMatchQuality('install', 'instance')).toBe(0);
    expect(wordMatchQuality('manage', 'manage')).toBe(1);
  });
});
