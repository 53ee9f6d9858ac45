import { skillIdForUri } from '@lattice/shared-esco';
import { EscoSkills, MAX_NARROWER_SKILLS } from './esco-skills';

const ESCO = 'http://data.europa.eu/esco/skill/';
// A real parent/child pair of the bundled ESCO v1.2 subset: "computer programming" is broader than "Haskell".
const COMPUTER_PROGRAMMING = `${ESCO}21d2f96d-35f7-4e3f-9745-c533d2dd6e97`;
const HASKELL = `${ESCO}000f1d3d-220f-4789-9c0a-cc742521fb02`;
const SKILLS_ROOT = `${ESCO}335228d2-297d-4e0e-a6ee-bc6a8dc110d9`;

describe('skill ids of ESCO concepts', () => {
  it('are the UUID v5 of the concept URI in the URL namespace, as the marketplace gives skills', () => {
    // Computed independently: Python's uuid.uuid5(uuid.NAMESPACE_URL, uri).
    expect(skillIdForUri(HASKELL)).toBe('7bf6999f-faa2-571e-9787-b747fc16cebf');
    expect(skillIdForUri(COMPUTER_PROGRAMMING)).toBe('3290184c-85bf-51e6-ac19-795ab184f950');
  });
});

describe('EscoSkills from the bundled data/esco', () => {
  const esco = EscoSkills.fromFolder('data/esco');

  it('knows a skill by its Lattice id, with English and French labels', () => {
    expect(esco.concept(skillIdForUri(HASKELL))).toEqual({
      id: skillIdForUri(HASKELL),
      uri: HASKELL,
      labels: { en: 'Haskell', fr: 'Haskell' },
    });
    expect(esco.concept(skillIdForUri(COMPUTER_PROGRAMMING))?.labels).toEqual({
      en: 'computer programming',
      fr: 'programmation informatique',
    });
    expect(esco.concept('00000000-0000-5000-8000-000000000000')).toBeUndefined();
  });

  it('widens a skill to its narrower skills, and not the other way', () => {
    const widened = esco.withNarrower([skillIdForUri(COMPUTER_PROGRAMMING)]);
    expect(widened[0]).toBe(skillIdForUri(COMPUTER_PROGRAMMING));
    expect(widened).toContain(skillIdForUri(HASKELL));
    expect(esco.withNarrower([skillIdForUri(HASKELL)])).toEqual([skillIdForUri(HASKELL)]);
  });

  it('keeps ids ESCO does not know and caps what a root widens to', () => {
    const unknown = '5d5b1e2a-4c1e-5f6a-9b8c-0d1e2f3a4b5c';
    expect(esco.withNarrower([unknown])).toEqual([unknown]);
    const root = esco.withNarrower([skillIdForUri(SKILLS_ROOT)]);
    expect(root.length).toBeGreaterThan(1000);
    expect(root.length).toBeLessThanOrEqual(MAX_NARROWER_SKILLS);
    expect(new Set(root).size).toBe(root.length);
  });
});
