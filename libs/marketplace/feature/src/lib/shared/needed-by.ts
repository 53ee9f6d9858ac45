// A need's "needed by" date cannot be in the past: a need nobody can meet any more would be counted
// as open demand. "Past" means past everywhere: the date is before today in UTC−12, the last time
// zone to reach a new day, so nobody is refused the date that is still today where they are.
import { MarketplaceErrors } from './marketplace.errors';

const TWELVE_HOURS_MS = 12 * 3_600_000;

/** The earliest calendar date that is still "today" somewhere on Earth (YYYY-MM-DD). */
export function earliestToday(now: Date = new Date()): string {
  return new Date(now.getTime() - TWELVE_HOURS_MS).toISOString().slice(0, 10);
}

/** Refuses a needed-by date (YYYY-MM-DD, already a real calendar date) that is past everywhere. */
export function requireNeededByNotPast(neededBy: string | null | undefined, now: Date = new Date()): void {
  if (!neededBy) return;
  const today = earliestToday(now);
  if (neededBy < today) {
    throw MarketplaceErrors.of(
      'NEEDED_BY_PAST',
      `neededBy ${neededBy} is in the past; choose ${today} or later.`,
      {
        field: 'neededBy',
        earliest: today,
      },
    );
  }
}
