import { timeInStages, visitDurationMs } from './stage-times';

describe('stage times', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

  it('totals time per stage across visits and counts the current stage up to now', () => {
    const visits = [
      { stage: 'DRAFT' as const, enteredAt: at(0), leftAt: at(10) },
      { stage: 'IN_REVIEW' as const, enteredAt: at(10), leftAt: at(40) },
      { stage: 'CHANGES_REQUESTED' as const, enteredAt: at(40), leftAt: at(45) },
      { stage: 'IN_REVIEW' as const, enteredAt: at(45), leftAt: null },
    ];
    expect(timeInStages(visits, at(60))).toEqual([
      { stage: 'DRAFT', visits: 1, totalMs: 600_000 },
      { stage: 'IN_REVIEW', visits: 2, totalMs: 45 * 60_000 },
      { stage: 'CHANGES_REQUESTED', visits: 1, totalMs: 300_000 },
    ]);
    expect(visitDurationMs(visits[3]!, at(50))).toBe(300_000);
  });
});
