import type { CatalogueHit } from '@lattice/credentials-data-access';
import { ASSESSMENT_METHODS } from '@lattice/shared-contracts';
import { createCtdlCredentialValidator } from '../export-ctdl/ctdl-schema';
import { skillIdForUri } from '@lattice/shared-esco';
import { EscoSkills } from '../search-credentials/esco-skills';
import { ctdlCredential, isoHours } from './ctdl-credential';

const BASE = 'https://lattice.example';
const HASKELL = 'http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02';
const esco = EscoSkills.fromFolder('data/esco');
const validate = createCtdlCredentialValidator();

function entry(overrides: Partial<CatalogueHit> = {}): CatalogueHit {
  return {
    credentialId: '0b7e6f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    designId: '1b7e6f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    designVersion: 3,
    frameworkId: '2b7e6f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    issuerId: '3b7e6f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    title: 'CNC Mill Setup',
    description: 'Sets up and runs a CNC mill safely.',
    language: 'en',
    deliveryMode: 'HYBRID',
    hours: 40,
    price: 300,
    credit: false,
    transcriptable: true,
    careerStage: 'ENTRY',
    skillIds: [skillIdForUri(HASKELL)],
    assessmentMethods: ['EMPLOYER_ASSESSMENT'],
    endorsementCount: 0,
    endorserSectors: [],
    sponsorIds: [],
    issuerName: 'Northern College',
    issuerRegion: 'ON',
    issuerSize: 'SMALL',
    retired: false,
    publishedAt: new Date('2026-11-30T12:00:00Z'),
    rank: 0,
    sortKey: '',
    ...overrides,
  };
}

const documentOf = (e: CatalogueHit) =>
  ctdlCredential(
    e,
    e.skillIds.map((id) => esco.concept(id)).filter((c) => c !== undefined),
    BASE,
  );

function expectValid(document: unknown): void {
  const result = validate(document);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

describe('ctdlCredential', () => {
  it('describes a credential in ceterms: terms, competencies aligned to ESCO, and validates against the bundled CTDL schema', () => {
    const document = documentOf(entry());
    expectValid(document);
    expect(document).toMatchObject({
      '@context': 'http://credreg.net/ctdl/schema/context/json',
      '@id': `${BASE}/ctdl/credentials/0b7e6f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b`,
      '@type': 'ceterms:MicroCredential',
      'ceterms:ctid': 'ce-0b7e6f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      'ceterms:name': { en: 'CNC Mill Setup' },
      'ceterms:description': { en: 'Sets up and runs a CNC mill safely.' },
      'ceterms:subjectWebpage': `${BASE}/public/catalogue/0b7e6f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b`,
      'ceterms:ownedBy': [{ '@id': `${BASE}/issuers/3b7e6f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b` }],
      'ceterms:offeredBy': [{ '@id': `${BASE}/issuers/3b7e6f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b` }],
      'ceterms:estimatedDuration': [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': 'PT40H' }],
      'ceterms:estimatedCost': [
        { '@type': 'ceterms:CostProfile', 'ceterms:currency': 'CAD', 'ceterms:price': 300 },
      ],
      'ceterms:requires': [
        {
          '@type': 'ceterms:ConditionProfile',
          'ceterms:description': {
            en: 'Demonstrate the competency listed. Assessed by: assessment by an employer.',
          },
          'ceterms:targetCompetency': [
            {
              '@type': 'ceterms:CredentialAlignmentObject',
              'ceterms:framework': 'http://data.europa.eu/esco/concept-scheme/skills',
              'ceterms:targetNode': HASKELL,
              'ceterms:targetNodeName': { en: 'Haskell', fr: 'Haskell' },
            },
          ],
        },
      ],
    });
  });

  it('writes a French credential in French, accents intact', () => {
    const document = documentOf(
      entry({
        language: 'fr',
        title: 'Soudure à l’arc — réparations d’équipements',
        description: 'Données, sécurité et qualité «\u00a0à l’œil\u00a0».',
      }),
    );
    expectValid(document);
    expect(document['ceterms:name']).toEqual({ fr: 'Soudure à l’arc — réparations d’équipements' });
    expect(document['ceterms:inLanguage']).toEqual(['fr']);
    expect(JSON.stringify(document['ceterms:requires'])).toContain('Évaluation');
  });

  it('leaves out what is not known: no description, hours, price, skills or methods', () => {
    const document = documentOf(
      entry({
        description: null,
        hours: null,
        price: null,
        skillIds: [],
        assessmentMethods: [],
        deliveryMode: null,
        credit: null,
        transcriptable: null,
      }),
    );
    expectValid(document);
    expect(document['ceterms:description']).toEqual({ en: 'CNC Mill Setup' });
    expect(document).not.toHaveProperty('ceterms:estimatedDuration');
    expect(document).not.toHaveProperty('ceterms:estimatedCost');
    expect(document['ceterms:requires']).toEqual([
      expect.not.objectContaining({ 'ceterms:targetCompetency': expect.anything() }),
    ]);
  });

  it('keeps skills ESCO does not know out of the alignments', () => {
    const document = documentOf(entry({ skillIds: ['5d5b1e2a-4c1e-5f6a-9b8c-0d1e2f3a4b5c'] }));
    expectValid(document);
    expect(JSON.stringify(document)).not.toContain('5d5b1e2a');
  });

  it('writes huge, fractional and zero hours and a free credential as valid durations and costs', () => {
    expect(isoHours(1e9)).toBe('PT1000000000H');
    expect(isoHours(2.5)).toBe('PT2.5H');
    expect(isoHours(0)).toBe('PT0H');
    for (const hours of [0, 0.25, 2.5, 99_999.99, 1e9]) expectValid(documentOf(entry({ hours, price: 0 })));
  });

  it('validates generated credentials: odd titles, every method, many skills, any language, any sizes', () => {
    let seed = 20261205;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const words = [
      'Soudure',
      'données',
      'œuvre',
      'naïve',
      'Ärger',
      '"quoted"',
      '<b>tag</b>',
      'line\nbreak',
      '😀',
      'x'.repeat(500),
      ' ',
      'ÉCOLE',
    ];
    // Real ESCO skills (computer programming and what is narrower), and some ids ESCO does not know.
    const skills = [
      ...esco
        .withNarrower([
          skillIdForUri('http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97'),
        ])
        .slice(0, 30),
      '5d5b1e2a-4c1e-5f6a-9b8c-0d1e2f3a4b5c',
    ];
    expect(skills.length).toBeGreaterThan(20);
    for (let i = 0; i < 200; i++) {
      const e = entry({
        credentialId: `${(i + 0x10000000).toString(16)}-1c2d-4e5f-8a9b-0c1d2e3f4a5b`,
        title: [...Array(1 + Math.floor(random() * 6))].map(() => pick(words)).join(' '),
        description: random() < 0.3 ? null : random() < 0.5 ? '' : pick(words),
        language: pick(['en', 'fr']),
        hours: random() < 0.2 ? null : Math.round(random() * 10 ** Math.floor(random() * 9) * 100) / 100,
        price: random() < 0.2 ? null : Math.round(random() * 100_000) / 100,
        skillIds: skills.filter(() => random() < 0.5),
        assessmentMethods: ASSESSMENT_METHODS.filter(() => random() < 0.4),
        publishedAt: new Date(Date.UTC(2000 + Math.floor(random() * 40), 0, 1)),
      });
      expectValid(documentOf(e));
    }
  });

  it('is refused by the schema when a required term is missing (the validator can fail)', () => {
    const document = documentOf(entry());
    const { 'ceterms:ctid': _ctid, ...withoutCtid } = document;
    expect(validate(withoutCtid).valid).toBe(false);
    expect(validate({ ...document, 'ceterms:notATerm': 1 }).valid).toBe(false);
    expect(validate({ ...document, 'ceterms:name': { en: 3 } }).valid).toBe(false);
  });
});
