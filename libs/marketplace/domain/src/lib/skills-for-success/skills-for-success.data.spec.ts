import { resolve } from 'node:path';
import { readEscoCatalog } from '../esco/esco-catalog.reader';
import {
  SKILLS_FOR_SUCCESS,
  SKILLS_FOR_SUCCESS_BASE_URI,
  SKILL_FOR_SUCCESS_IDS,
  findSkillForSuccess,
  skillsForSuccessRelatedTo,
} from './skills-for-success.data';

// The ESCO subset the repository carries (data/esco, see its README).
const ESCO_DATA = resolve(__dirname, '../../../../../../data/esco');

describe('Skills for Success', () => {
  it('names the nine skills of the framework, in English and French', () => {
    expect(SKILLS_FOR_SUCCESS.map((sfs) => sfs.labels.en)).toEqual([
      'Reading',
      'Writing',
      'Numeracy',
      'Digital',
      'Problem Solving',
      'Communication',
      'Collaboration',
      'Adaptability',
      'Creativity and Innovation',
    ]);
    expect(SKILLS_FOR_SUCCESS.map((sfs) => sfs.labels.fr)).toEqual([
      'Lecture',
      'Rédaction',
      'Calcul',
      'Compétences numériques',
      'Résolution de problèmes',
      'Communication',
      'Collaboration',
      'Adaptabilité',
      'Créativité et innovation',
    ]);
  });

  it('gives each a stable URI under the one base', () => {
    expect(SKILLS_FOR_SUCCESS.map((sfs) => sfs.id)).toEqual([...SKILL_FOR_SUCCESS_IDS]);
    expect(findSkillForSuccess('problem-solving')?.uri).toBe('https://lattice.example/sfs/problem-solving');
    for (const sfs of SKILLS_FOR_SUCCESS) {
      expect(sfs.uri).toBe(`${SKILLS_FOR_SUCCESS_BASE_URI}${sfs.id}`);
      expect(findSkillForSuccess(sfs.uri)).toBe(sfs);
    }
  });

  it('describes each in one sentence per language', () => {
    for (const { descriptions } of SKILLS_FOR_SUCCESS) {
      for (const sentence of [descriptions.en, descriptions.fr]) {
        expect(sentence).toMatch(/^[A-ZÉ][^.]*\.$/u);
      }
    }
  });

  it('maps each to one to four ESCO transversal skills that exist under the label it records', async () => {
    const transversal = await readEscoCatalog([resolve(ESCO_DATA, 'transversalSkillsCollection_en.csv')]);
    for (const sfs of SKILLS_FOR_SUCCESS) {
      expect(sfs.relatedEscoSkills.length).toBeGreaterThanOrEqual(1);
      expect(sfs.relatedEscoSkills.length).toBeLessThanOrEqual(4);
      for (const { uri, preferredLabel } of sfs.relatedEscoSkills) {
        expect({ sfs: sfs.id, uri, label: transversal.skills.get(uri)?.preferredLabel }).toEqual({
          sfs: sfs.id,
          uri,
          label: preferredLabel,
        });
      }
    }
  });

  it('finds the Skills for Success an ESCO skill counts toward', () => {
    const reportFacts = 'http://data.europa.eu/esco/skill/be6ab363-3de1-427f-a8ef-85d5b0250822';
    expect(skillsForSuccessRelatedTo(reportFacts).map((sfs) => sfs.id)).toEqual(['writing', 'communication']);
    expect(skillsForSuccessRelatedTo('http://data.europa.eu/esco/skill/unknown')).toEqual([]);
  });
});
