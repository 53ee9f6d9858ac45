import {
  DEFAULT_MATCH_WEIGHTS,
  scoreMatch,
  skillCoverage,
  timelineFit,
  type MatchFacts,
} from './match-score';

const perfect: MatchFacts = {
  neededSkills: 2,
  exactCredit: 2,
  exactSkills: 2,
  relatedSkills: 0,
  regionFit: 1,
  deliveryOverlap: true,
  annualCapacity: 100,
  learnerCount: 20,
  daysUntilNeeded: 365,
  small: false,
};

describe('scoreMatch', () => {
  it('gives a full match every weight but the related and small terms', () => {
    const { score, reasons } = scoreMatch(perfect);
    const w = DEFAULT_MATCH_WEIGHTS;
    expect(score).toBeCloseTo(w.skill + w.region + w.deliveryMode + w.capacity + w.timeline, 4);
    expect(reasons.map((r) => r.kind)).toEqual([
      'SKILL_OVERLAP',
      'REGION',
      'DELIVERY_MODE',
      'CAPACITY',
      'TIMELINE',
    ]);
    expect(reasons.reduce((sum, r) => sum + r.weight, 0)).toBeCloseTo(score, 3);
  });

  it('weights skill overlap by the level reached and gives related skills half the credit of the related weight', () => {
    const partial = scoreMatch({ ...perfect, exactCredit: 0.5, exactSkills: 1, relatedSkills: 1 });
    const skill = partial.reasons.find((r) => r.kind === 'SKILL_OVERLAP')!;
    const related = partial.reasons.find((r) => r.kind === 'RELATED_SKILL')!;
    expect(skill.weight).toBeCloseTo((0.45 * 0.5) / 2, 4);
    expect(related.weight).toBeCloseTo(0.15 / 2, 4);
    expect(related.detail).toContain('1 more needed skill');
  });

  it('gives every reason as a code with parameters too, for the app to word in the reader’s language', () => {
    const { reasons } = scoreMatch(
      {
        ...perfect,
        exactCredit: 1.5,
        exactSkills: 1,
        relatedSkills: 1,
        regionFit: 0.5,
        annualCapacity: 10,
        daysUntilNeeded: 30,
        small: true,
      },
      DEFAULT_MATCH_WEIGHTS,
      {
        exactSkillLabels: ['work in teams'],
        relatedSkillLabels: ['solve problems'],
        region: 'Greater Sudbury',
      },
    );
    const byKind = Object.fromEntries(reasons.map((r) => [r.kind, { code: r.code, params: r.params }]));
    expect(byKind).toEqual({
      SKILL_OVERLAP: {
        code: 'TEACHES_SKILLS',
        params: { taught: 1, needed: 2, credit: 1.5, skills: ['work in teams'] },
      },
      RELATED_SKILL: { code: 'RELATED_SKILLS', params: { count: 1, skills: ['solve problems'] } },
      REGION: { code: 'SERVES_PART_OF_REGION', params: { region: 'Greater Sudbury' } },
      DELIVERY_MODE: { code: 'DELIVERY_MATCHES', params: {} },
      CAPACITY: { code: 'CAPACITY', params: { capacity: 10, learners: 20 } },
      TIMELINE: {
        code: 'DAYS_UNTIL_NEEDED',
        params: { days: 30, leadDays: DEFAULT_MATCH_WEIGHTS.leadTimeDays },
      },
      SMALL_INSTITUTION: { code: 'SMALL_INSTITUTION', params: {} },
    });
    expect(
      scoreMatch({ ...perfect, daysUntilNeeded: null }).reasons.find((r) => r.kind === 'TIMELINE'),
    ).toMatchObject({ code: 'NO_DEADLINE', params: {} });
    expect(scoreMatch({ ...perfect, regionFit: 0 }).reasons.find((r) => r.kind === 'REGION')).toMatchObject({
      code: 'DOES_NOT_SERVE_REGION',
      params: {},
    });
  });

  it('adds the exposure term only for capable small institutions', () => {
    const capable = scoreMatch({ ...perfect, small: true });
    expect(capable.reasons.find((r) => r.kind === 'SMALL_INSTITUTION')?.weight).toBe(
      DEFAULT_MATCH_WEIGHTS.smallInstitution,
    );
    const weak = scoreMatch({ ...perfect, small: true, exactCredit: 0.2, exactSkills: 1 });
    expect(weak.reasons.find((r) => r.kind === 'SMALL_INSTITUTION')).toBeUndefined();
    const off = scoreMatch({ ...perfect, small: true }, { ...DEFAULT_MATCH_WEIGHTS, smallInstitution: 0 });
    expect(off.score).toBeCloseTo(scoreMatch(perfect).score, 4);
  });

  it('explains what is missing: region, delivery, capacity and timeline', () => {
    const { reasons, score } = scoreMatch(
      { ...perfect, regionFit: 0, deliveryOverlap: false, annualCapacity: 5, daysUntilNeeded: 30 },
      DEFAULT_MATCH_WEIGHTS,
      { region: 'Greater Sudbury' },
    );
    expect(reasons.find((r) => r.kind === 'REGION')).toMatchObject({
      weight: 0,
      detail: 'Does not serve Greater Sudbury',
    });
    expect(reasons.find((r) => r.kind === 'DELIVERY_MODE')).toBeUndefined();
    expect(reasons.find((r) => r.kind === 'CAPACITY')?.weight).toBeCloseTo(0.1 * 0.25, 4);
    expect(reasons.find((r) => r.kind === 'TIMELINE')?.weight).toBeCloseTo(0.05 * 0.25, 4);
    expect(score).toBeLessThan(0.5);
  });
});

describe('coverage and timeline', () => {
  it('caps coverage at 1 and gives no coverage to an empty need', () => {
    expect(skillCoverage({ neededSkills: 1, exactCredit: 1, relatedSkills: 1 })).toBe(1);
    expect(skillCoverage({ neededSkills: 0, exactCredit: 0, relatedSkills: 0 })).toBe(0);
  });
  it('gives full timeline credit without a deadline and none to a past one', () => {
    expect(timelineFit(null, 120)).toBe(1);
    expect(timelineFit(-5, 120)).toBe(0);
    expect(timelineFit(60, 120)).toBe(0.5);
  });
});
