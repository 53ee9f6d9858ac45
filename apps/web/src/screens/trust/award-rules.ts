// One set of rules for a learner's award, whether typed into the single-learner form or read from
// a row of a CSV batch: the same checks, the same words. The server checks the same again (the
// mastery threshold and attempts of the published assessment, an https:// evidence link).
export interface AwardRules {
  /** The published assessment's mastery threshold (percent), when it sets one. */
  readonly masteryThreshold?: number | null;
  /** How many attempts the published assessment allows, when it limits them. */
  readonly attemptsAllowed?: number | null;
}

export interface LearnerValues {
  readonly name: string;
  readonly email: string;
  /** As typed: "92", "92.5", "92,5" or "92%". */
  readonly score: string;
  /** As typed; blank is the first attempt. */
  readonly attempt: string;
  readonly evidenceUrl: string;
}

export type LearnerField = 'name' | 'email' | 'score' | 'attempt' | 'evidenceUrl';
export type LearnerProblem =
  | 'nameMissing'
  | 'emailInvalid'
  | 'scoreInvalid'
  | 'belowThreshold'
  | 'attemptInvalid'
  | 'attemptsExceeded'
  | 'evidenceUrlInvalid';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A score as typed, as a number (NaN when it is not one). */
export function scoreOf(text: string): number {
  const cleaned = text.trim().replace(',', '.').replace(/%$/, '');
  return /^\d{1,3}(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** An attempt as typed (blank: 1). */
export function attemptOf(text: string): number {
  const cleaned = text.trim() || '1';
  return /^[1-9]\d*$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** Evidence links are https:// (employers open them; a plain http:// link is refused). */
export function isEvidenceUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Every problem of one learner, each on its field, in the order of the form. */
export function learnerProblems(
  values: LearnerValues,
  rules: AwardRules,
): Array<{ field: LearnerField; problem: LearnerProblem }> {
  const problems: Array<{ field: LearnerField; problem: LearnerProblem }> = [];
  if (!values.name.trim()) problems.push({ field: 'name', problem: 'nameMissing' });
  if (!EMAIL.test(values.email.trim())) problems.push({ field: 'email', problem: 'emailInvalid' });
  const score = scoreOf(values.score);
  if (!Number.isFinite(score) || score > 100) problems.push({ field: 'score', problem: 'scoreInvalid' });
  else if (rules.masteryThreshold != null && score < rules.masteryThreshold)
    problems.push({ field: 'score', problem: 'belowThreshold' });
  const attempt = attemptOf(values.attempt);
  if (!Number.isInteger(attempt)) problems.push({ field: 'attempt', problem: 'attemptInvalid' });
  else if (rules.attemptsAllowed != null && attempt > rules.attemptsAllowed)
    problems.push({ field: 'attempt', problem: 'attemptsExceeded' });
  if (values.evidenceUrl.trim() && !isEvidenceUrl(values.evidenceUrl.trim()))
    problems.push({ field: 'evidenceUrl', problem: 'evidenceUrlInvalid' });
  return problems;
}
