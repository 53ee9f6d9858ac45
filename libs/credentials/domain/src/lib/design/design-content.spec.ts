import {
  applyPatch,
  assertValidDesignContent,
  isDesignFieldPath,
  isSkillId,
  newDesignContent,
} from './design-content';

// Marketplace skill ids: version-5 UUIDs derived from the concept URIs.
const ESCO = '5d5b1e2a-4c1e-5f6a-9b8c-0d1e2f3a4b5c';
const SFS = '7a0e3c44-2f1b-5d7e-8a9b-1c2d3e4f5a6b';
const base = newDesignContent({
  title: 'Data literacy',
  frameworkId: 'f',
  competencies: [{ skillId: ESCO }, { skillId: SFS }],
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('design content', () => {
  it('accepts marketplace skill ids (UUIDs) and refuses anything else', () => {
    expect(isSkillId(ESCO)).toBe(true);
    expect(isSkillId(SFS)).toBe(true);
    expect(isSkillId('0b7c1b5e-8f1a-4a55-9a39-2b4d1c3c8e21')).toBe(true);
    for (const bad of [
      '',
      'python',
      'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
      '5d5b1e2a4c1e5f6a9b8c0d1e2f3a4b5c',
      `${ESCO}x`,
    ])
      expect(isSkillId(bad)).toBe(false);
  });

  it('refuses thresholds outside 0..100 and fewer than one attempt', () => {
    expect(() =>
      assertValidDesignContent(
        applyPatch(base, { assessment: { masteryThreshold: 0, attemptsAllowed: 1 } }),
        'i',
      ),
    ).not.toThrow();
    expect(() =>
      assertValidDesignContent(applyPatch(base, { assessment: { masteryThreshold: 100 } }), 'i'),
    ).not.toThrow();
    expect(
      codeOf(() =>
        assertValidDesignContent(applyPatch(base, { assessment: { masteryThreshold: 101 } }), 'i'),
      ),
    ).toBe('CREDENTIALS.INVALID_THRESHOLD');
    expect(
      codeOf(() => assertValidDesignContent(applyPatch(base, { assessment: { masteryThreshold: -1 } }), 'i')),
    ).toBe('CREDENTIALS.INVALID_THRESHOLD');
    expect(
      codeOf(() => assertValidDesignContent(applyPatch(base, { assessment: { attemptsAllowed: 0 } }), 'i')),
    ).toBe('CREDENTIALS.INVALID_ATTEMPTS');
    expect(
      codeOf(() => assertValidDesignContent(applyPatch(base, { assessment: { attemptsAllowed: 1.5 } }), 'i')),
    ).toBe('CREDENTIALS.INVALID_ATTEMPTS');
  });

  it('refuses outcomes that reference skills the design does not target', () => {
    const ok = applyPatch(base, {
      outcomes: [{ statement: 'Reads a chart', kind: 'SKILL', skillIds: [SFS] }],
    });
    expect(() => assertValidDesignContent(ok, 'i')).not.toThrow();
    const unknown = applyPatch(base, {
      outcomes: [
        { statement: 'Writes SQL', kind: 'SKILL', skillIds: ['0b7c1b5e-8f1a-4a55-9a39-2b4d1c3c8e21'] },
      ],
    });
    expect(codeOf(() => assertValidDesignContent(unknown, 'i'))).toBe('CREDENTIALS.UNKNOWN_SKILL');
    expect(
      codeOf(() =>
        assertValidDesignContent(applyPatch(base, { competencies: [{ skillId: 'not a skill' }] }), 'i'),
      ),
    ).toBe('CREDENTIALS.INVALID_SKILL_ID');
  });

  it('names every invalid field at once', () => {
    try {
      assertValidDesignContent(applyPatch(base, { title: '  ', hours: -3, price: -1 }), 'i');
      throw new Error('expected a refusal');
    } catch (error) {
      const details = (error as { details: { fields: Array<{ field: string }> } }).details;
      expect(details.fields.map((f) => f.field)).toEqual(['title', 'hours', 'price']);
    }
  });

  it('merges a patch field by field and keeps what it leaves out', () => {
    const patched = applyPatch(
      applyPatch(base, { assessment: { masteryThreshold: 90, methods: ['PORTFOLIO'] } }),
      { hours: 40, assessment: { attemptsAllowed: 2 } },
    );
    expect(patched.assessment).toMatchObject({
      masteryThreshold: 90,
      attemptsAllowed: 2,
      methods: ['PORTFOLIO'],
    });
    expect(patched.hours).toBe(40);
    expect(patched.title).toBe('Data literacy');
    expect(applyPatch(patched, { hours: null }).hours).toBeNull();
  });

  it('knows which fields a comment may anchor to', () => {
    for (const ok of [
      'title',
      'assessment.masteryThreshold',
      'outcomes.2',
      'outcomes.2.statement',
      'competencies.0.skillId',
    ])
      expect(isDesignFieldPath(ok)).toBe(true);
    for (const bad of ['', 'nonsense', 'assessment.colour', 'title.x', 'outcomes.x', '__proto__'])
      expect(isDesignFieldPath(bad)).toBe(false);
  });
});
