import { checkPathwayDefinition, type HeldMember, pathwayProgress } from './pathway-rules';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const definition = (over: Partial<Parameters<typeof checkPathwayDefinition>[0]> = {}) =>
  checkPathwayDefinition({
    title: 'Data path',
    description: null,
    rule: 'ALL_OF',
    requiredCount: null,
    ordered: false,
    members: [1, 2, 3].map((n) => ({ credentialId: id(n), minScore: null })),
    targetCredentialId: id(9),
    ...over,
  });
const held = (
  n: number,
  day: number | null,
  score: number | null = 90,
  minScore: number | null = null,
): HeldMember => ({
  credentialId: id(n),
  position: n,
  minScore,
  bestScore: day === null ? null : score,
  earnedAt: day === null ? null : new Date(Date.UTC(2026, 0, day)),
});

describe('pathway definitions', () => {
  it('settles the required count: all of them, or n of them', () => {
    expect(definition().requiredCount).toBe(3);
    expect(definition({ rule: 'N_OF', requiredCount: 2 }).requiredCount).toBe(2);
  });

  it.each([
    [{ title: '  ' }, 'title'],
    [{ members: [] }, 'members'],
    [
      {
        members: [
          { credentialId: id(1), minScore: null },
          { credentialId: id(1).toUpperCase(), minScore: null },
        ],
      },
      'members',
    ],
    [{ members: [{ credentialId: id(1), minScore: 101 }] }, 'members.minScore'],
    [{ members: [{ credentialId: id(1), minScore: Number.NaN }] }, 'members.minScore'],
    [{ rule: 'N_OF' as const, requiredCount: 4 }, 'requiredCount'],
    [{ rule: 'N_OF' as const, requiredCount: 0 }, 'requiredCount'],
    [{ rule: 'N_OF' as const, requiredCount: null }, 'requiredCount'],
    [{ rule: 'N_OF' as const, requiredCount: 1.5 }, 'requiredCount'],
  ])('refuses %j naming %s', (over, field) => {
    expect(() => definition(over)).toThrow(
      expect.objectContaining({
        code: 'CREDENTIALS.INVALID_PATHWAY',
        details: expect.objectContaining({ field }),
      }),
    );
  });

  it('refuses a pathway that leads to one of its own steps', () => {
    expect(() => definition({ targetCredentialId: id(2) })).toThrow(
      expect.objectContaining({ code: 'CREDENTIALS.PATHWAY_CYCLE' }),
    );
  });
});

describe('pathway progress', () => {
  it('counts standing awards toward all of them', () => {
    expect(
      pathwayProgress({ requiredCount: 3, ordered: false }, [held(1, 5), held(2, 1), held(3, null)]),
    ).toMatchObject({ earned: 2, required: 3, complete: false });
    expect(
      pathwayProgress({ requiredCount: 3, ordered: false }, [held(1, 5), held(2, 1), held(3, 9)]).complete,
    ).toBe(true);
  });

  it('does not count a score below the minimum', () => {
    const progress = pathwayProgress({ requiredCount: 2, ordered: false }, [
      held(1, 1, 70, 80),
      held(2, 2, 80, 80),
    ]);
    expect(progress.members.map((m) => m.status)).toEqual(['SCORE_BELOW_MINIMUM', 'EARNED']);
    expect(progress.complete).toBe(false);
  });

  it('in order: a step earned before an earlier one does not count, n of them in order does', () => {
    const progress = pathwayProgress({ requiredCount: 3, ordered: true }, [
      held(1, 5),
      held(2, 1),
      held(3, 9),
    ]);
    expect(progress.members.map((m) => m.status)).toEqual(['EARNED', 'OUT_OF_ORDER', 'EARNED']);
    expect(
      pathwayProgress({ requiredCount: 2, ordered: true }, [held(1, 5), held(2, null), held(3, 9)]).complete,
    ).toBe(true);
  });
});
