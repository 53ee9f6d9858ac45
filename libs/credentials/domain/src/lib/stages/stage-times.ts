import { type DesignStage } from '@lattice/shared-contracts';
// Time spent in each workflow stage, from the stage history: where a design waited, for how long.

export interface StageVisit {
  readonly stage: DesignStage;
  readonly enteredAt: Date;
  /** null for the current stage. */
  readonly leftAt: Date | null;
}

export interface StageTime {
  readonly stage: DesignStage;
  /** How often the design entered the stage (a resubmission is a second IN_REVIEW visit). */
  readonly visits: number;
  /** Milliseconds, counting the current stage up to `now`. */
  readonly totalMs: number;
}

export function visitDurationMs(visit: StageVisit, now: Date): number {
  return Math.max(0, (visit.leftAt ?? now).getTime() - visit.enteredAt.getTime());
}

/** Totals per stage, in the order stages were first entered. */
export function timeInStages(visits: readonly StageVisit[], now: Date): StageTime[] {
  const totals = new Map<DesignStage, { visits: number; totalMs: number }>();
  for (const visit of visits) {
    const entry = totals.get(visit.stage) ?? { visits: 0, totalMs: 0 };
    entry.visits += 1;
    entry.totalMs += visitDurationMs(visit, now);
    totals.set(visit.stage, entry);
  }
  return [...totals].map(([stage, { visits, totalMs }]) => ({ stage, visits, totalMs }));
}
