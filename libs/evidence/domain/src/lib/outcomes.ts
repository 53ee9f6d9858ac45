// An employer's outcome report for a cohort of a credential's holders.
import { EvidenceErrors } from './evidence.errors';

export interface OutcomeReportInput {
  readonly cohortSize: number;
  readonly hired: number;
  readonly promoted: number;
  readonly retained: number;
  readonly assessmentReflectedJobPerformance: boolean;
  readonly ratings: ReadonlyArray<{ competency: string; rating: number }>;
}

const count = (value: number) => Number.isInteger(value) && value >= 0 && value <= 100_000;

/** Counts whole and within the cohort, each competency of the credential rated 1–5 at most once. */
export function assertValidOutcomeReport(input: OutcomeReportInput, competencies: readonly string[]): void {
  if (!count(input.cohortSize) || input.cohortSize < 1)
    throw EvidenceErrors.of('INVALID_OUTCOME', 'cohortSize is a whole number from 1 to 100000.', {
      field: 'cohortSize',
    });
  for (const field of ['hired', 'promoted', 'retained'] as const) {
    if (!count(input[field]) || input[field] > input.cohortSize)
      throw EvidenceErrors.of('INVALID_OUTCOME', `${field} is a whole number from 0 to the cohort size.`, {
        field,
      });
  }
  const seen = new Set<string>();
  for (const { competency, rating } of input.ratings) {
    if (!competencies.includes(competency))
      throw EvidenceErrors.of(
        'UNKNOWN_COMPETENCY',
        `${String(competency).slice(0, 80)} is not a competency of this credential.`,
        { competency: String(competency).slice(0, 80) },
      );
    if (seen.has(competency))
      throw EvidenceErrors.of('INVALID_OUTCOME', `${competency} is rated twice.`, { competency });
    seen.add(competency);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw EvidenceErrors.of('RATING_OUT_OF_RANGE', 'On-the-job performance is rated from 1 to 5.', {
        competency,
        min: 1,
        max: 5,
      });
  }
}
