// Voluntary self-identification, in the categories of Canada's employment-equity and
// disaggregated-data practice. Every category is optional; each may be answered yes, no or
// prefer not to say. Stored sealed, apart from everything else, counted only in groups of k.
import { EvidenceErrors } from './evidence.errors';

export const EQUITY_GROUPS = [
  'WOMEN_AND_GENDER_DIVERSE',
  'INDIGENOUS',
  'DISABILITY',
  'RACIALIZED',
  'TWO_SLGBTQ_PLUS',
  'NEWCOMER',
] as const;
export type EquityGroup = (typeof EQUITY_GROUPS)[number];
export const EQUITY_ANSWERS = ['YES', 'NO', 'PREFER_NOT_TO_SAY'] as const;
export type EquityAnswer = (typeof EQUITY_ANSWERS)[number];
export type SelfIdentification = Partial<Record<EquityGroup, EquityAnswer>>;

/** Keeps the categories answered; refuses unknown categories or answers. */
export function normalizeSelfIdentification(
  answers: ReadonlyArray<{ group: string; answer: string }>,
): SelfIdentification {
  const result: SelfIdentification = {};
  for (const { group, answer } of answers) {
    if (
      !(EQUITY_GROUPS as readonly string[]).includes(group) ||
      !(EQUITY_ANSWERS as readonly string[]).includes(answer)
    ) {
      throw EvidenceErrors.of(
        'INVALID_SELF_IDENTIFICATION',
        `Categories: ${EQUITY_GROUPS.join(', ')}; answers: ${EQUITY_ANSWERS.join(', ')}.`,
        { group: String(group).slice(0, 40) },
      );
    }
    if (result[group as EquityGroup])
      throw EvidenceErrors.of('INVALID_SELF_IDENTIFICATION', `${group} is answered twice.`, { group });
    result[group as EquityGroup] = answer as EquityAnswer;
  }
  return result;
}

/** A self-identification as bits, bit i set when the learner said yes to EQUITY_GROUPS[i]: what equity counts add up. */
export function equityBits(answers: SelfIdentification): number {
  return EQUITY_GROUPS.reduce((bits, group, i) => (answers[group] === 'YES' ? bits | (1 << i) : bits), 0);
}
