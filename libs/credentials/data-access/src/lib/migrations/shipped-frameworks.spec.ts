// Every shipped framework, rule by rule: a design that meets it passes every rule, and taking
// away what one rule asks for fails (or warns on) exactly that rule, with a reason.
import {
  applyPatch,
  designFacts,
  type DesignContent,
  type DesignPatch,
  evaluateRules,
  newDesignContent,
  parseFrameworkRules,
  type RuleStatus,
} from '@lattice/credentials-domain';
import { SHIPPED_FRAMEWORKS } from './shipped-frameworks';

const SKILL_A = '5d5b1e2a-4c1e-5f6a-9b8c-0d1e2f3a4b5c';
const SKILL_B = '7a0e3c44-2f1b-5d7e-8a9b-1c2d3e4f5a6b';
const ISSUER = '0f1e2d3c-4b5a-4968-8776-655443322110';
const EMPLOYER = '1f1e2d3c-4b5a-4968-8776-655443322111';

/** A design that meets every shipped framework. */
const exemplary: DesignContent = newDesignContent({
  title: 'Applied data literacy',
  description: 'Reading, cleaning and charting workplace data.',
  frameworkId: SHIPPED_FRAMEWORKS[0]!.id,
  partnerIds: [EMPLOYER],
  competencies: [{ skillId: SKILL_A }, { skillId: SKILL_B }],
  outcomes: [
    { statement: 'Cleans a messy spreadsheet', kind: 'SKILL', skillIds: [SKILL_A] },
    { statement: 'Explains a chart to a manager', kind: 'ATTITUDE', skillIds: [SKILL_B] },
  ],
  assessment: {
    methods: ['EMPLOYER_ASSESSMENT', 'PORTFOLIO'],
    masteryThreshold: 90,
    attemptsAllowed: 2,
    authentic: true,
    evidenceVisibleToEmployers: true,
    evidenceRequirements: 'A cleaned dataset and a one-page chart brief.',
  },
  hours: 60,
  weeks: 8,
  deliveryMode: 'HYBRID',
  credit: false,
  transcriptable: true,
  stackableInto: ['Business analytics certificate'],
  careerStage: 'MID_CAREER',
  price: 450,
  language: 'en',
  level: 'EQF 5',
  qualityAssurance: 'College program review, annual',
  evidenceOfNeed: 'Regional employer survey, 2025',
  annualReview: true,
});

function report(key: string, patch: DesignPatch = {}, partnerIds?: string[]) {
  const framework = SHIPPED_FRAMEWORKS.find((f) => f.key === key)!;
  const content = { ...applyPatch(exemplary, patch), ...(partnerIds ? { partnerIds } : {}) };
  return evaluateRules(parseFrameworkRules(framework.rules), designFacts(ISSUER, content));
}

function statuses(key: string, patch: DesignPatch = {}, partnerIds?: string[]): Record<string, RuleStatus> {
  return Object.fromEntries(report(key, patch, partnerIds).rules.map((r) => [r.id, r.status]));
}

/** Every rule passes except `changed`, which has the given status. */
function expectOnly(
  key: string,
  changed: Record<string, RuleStatus>,
  patch: DesignPatch = {},
  partnerIds?: string[],
) {
  const ids = parseFrameworkRules(SHIPPED_FRAMEWORKS.find((f) => f.key === key)!.rules).map((r) => r.id);
  const expected = Object.fromEntries(ids.map((id) => [id, changed[id] ?? 'PASS']));
  expect(statuses(key, patch, partnerIds)).toEqual(expected);
}

describe('shipped frameworks', () => {
  it('are valid rule sets with unique keys and versions', () => {
    expect(new Set(SHIPPED_FRAMEWORKS.map((f) => `${f.key}@${f.version}`)).size).toBe(
      SHIPPED_FRAMEWORKS.length,
    );
    for (const framework of SHIPPED_FRAMEWORKS)
      expect(() => parseFrameworkRules(framework.rules)).not.toThrow();
  });

  it.each(SHIPPED_FRAMEWORKS.map((f) => f.key))('%s: an exemplary design passes every rule', (key) => {
    const result = report(key);
    expect(result.failing).toEqual([]);
    expect(result.rules.every((r) => r.status === 'PASS' && r.reason.length > 10)).toBe(true);
  });

  describe('eCampusOntario (six elements)', () => {
    const key = 'ecampusontario';
    it('has the six elements', () => {
      expect(Object.keys(statuses(key))).toEqual([
        'issuing-body',
        'competencies-aligned',
        'outcomes',
        'summative-assessment',
        'transcriptable',
        'partner-endorsement',
      ]);
    });
    it('competencies-aligned fails without targeted skills', () =>
      expectOnly(key, { 'competencies-aligned': 'FAIL' }, { competencies: [] }));
    it('competencies-aligned fails for a skill outside the shared taxonomy', () =>
      expectOnly(
        key,
        { 'competencies-aligned': 'FAIL' },
        { competencies: [{ skillId: SKILL_A }, { skillId: 'our-own-skill' }] },
      ));
    it('outcomes fails with no outcomes', () => expectOnly(key, { outcomes: 'FAIL' }, { outcomes: [] }));
    it('outcomes fails when an outcome is tied to no skill', () =>
      expectOnly(
        key,
        { outcomes: 'FAIL' },
        { outcomes: [{ statement: 'Floats free', kind: 'KNOWLEDGE', skillIds: [] }] },
      ));
    it('summative-assessment fails without methods', () =>
      expectOnly(key, { 'summative-assessment': 'FAIL' }, { assessment: { methods: [] } }));
    it('summative-assessment fails without evidence requirements', () =>
      expectOnly(key, { 'summative-assessment': 'FAIL' }, { assessment: { evidenceRequirements: null } }));
    it('summative-assessment fails when evidence is hidden from employers', () =>
      expectOnly(
        key,
        { 'summative-assessment': 'FAIL' },
        { assessment: { evidenceVisibleToEmployers: false } },
      ));
    it('transcriptable only warns', () => {
      expectOnly(key, { transcriptable: 'WARNING' }, { transcriptable: false });
      expect(report(key, { transcriptable: false }).passed).toBe(true);
      expect(
        report(key, { transcriptable: null }).rules.find((r) => r.id === 'transcriptable')!.reason,
      ).toMatch(/transcriptable is not set/);
    });
    it('partner-endorsement fails with no partner organization', () =>
      expectOnly(key, { 'partner-endorsement': 'FAIL' }, {}, []));
    it('issuing-body always holds (a design always has an issuer)', () =>
      expect(statuses(key)['issuing-body']).toBe('PASS'));
  });

  describe('EU Council standard elements', () => {
    const key = 'eu-council-2022';
    it('checks every standard element', () => {
      expect(Object.keys(statuses(key))).toEqual([
        'learner',
        'title',
        'country',
        'awarding-body',
        'date-of-issuing',
        'learning-outcomes',
        'workload',
        'level',
        'assessment-type',
        'form-of-participation',
        'quality-assurance',
      ]);
    });
    it('learner, country, awarding body and date hold by construction of Lattice awards', () => {
      const result = statuses(key, { title: 'x' });
      for (const id of ['learner', 'country', 'awarding-body', 'date-of-issuing', 'title'])
        expect(result[id]).toBe('PASS');
    });
    it('learning-outcomes fails with none', () =>
      expectOnly(key, { 'learning-outcomes': 'FAIL' }, { outcomes: [] }));
    it('workload fails without hours', () => expectOnly(key, { workload: 'FAIL' }, { hours: null }));
    it('level only warns (if applicable)', () => {
      expectOnly(key, { level: 'WARNING' }, { level: null });
      expect(report(key, { level: null }).passed).toBe(true);
    });
    it('assessment-type fails without methods', () =>
      expectOnly(key, { 'assessment-type': 'FAIL' }, { assessment: { methods: [] } }));
    it('form-of-participation fails without a delivery mode', () =>
      expectOnly(key, { 'form-of-participation': 'FAIL' }, { deliveryMode: null }));
    it('quality-assurance fails when blank', () =>
      expectOnly(key, { 'quality-assurance': 'FAIL' }, { qualityAssurance: '  ' }));
  });

  describe('NZQA', () => {
    const key = 'nzqa';
    it.each([
      [49, 'FAIL'],
      [50, 'PASS'],
      [400, 'PASS'],
      [401, 'FAIL'],
    ] as const)('credits: %i hours (%s)', (hours, status) => expectOnly(key, { credits: status }, { hours }));
    it('credits fails when hours are unknown', () => {
      expectOnly(key, { credits: 'FAIL' }, { hours: null });
      expect(report(key, { hours: 30 }).rules[0]!.reason).toBe(
        'Between 5 and 40 credits (1 credit = 10 hours): credits is 3; it must be at least 5 and at most 40',
      );
    });
    it('evidence-of-need holds with any one of partner, partnership or stated evidence', () => {
      expectOnly(key, {}, { evidenceOfNeed: null }, [EMPLOYER]);
      expectOnly(
        key,
        {},
        { evidenceOfNeed: null, partnershipId: '2f1e2d3c-4b5a-4968-8776-655443322112' },
        [],
      );
      expectOnly(key, {}, {}, []);
      expectOnly(key, { 'evidence-of-need': 'FAIL' }, { evidenceOfNeed: null }, []);
    });
    it('annual-review fails unless committed', () => {
      expectOnly(key, { 'annual-review': 'FAIL' }, { annualReview: false });
      expectOnly(key, { 'annual-review': 'FAIL' }, { annualReview: null });
    });
  });

  describe('Ontario student aid', () => {
    const key = 'ontario-osap';
    it.each([
      [11.5, 'PASS'],
      [12, 'FAIL'],
      [20, 'FAIL'],
    ] as const)('duration: %d weeks (%s)', (weeks, status) =>
      expectOnly(key, { duration: status }, { weeks }),
    );
    it('duration fails when weeks are unknown', () => expectOnly(key, { duration: 'FAIL' }, { weeks: null }));
  });
});
