// The six elements of the micro-credential framework the evidence survey asks institutions about,
// and which of them a compliance rule tests: read from the design fields the rule checks (a rule
// on `assessment.methods` tests assessment; one on `hours`, `credits` or `weeks` tests duration).
// A rule reading none of them (issuer, title, partners) tests no element.
import type { Check, FrameworkRule } from './framework-rules';
import type { ComplianceResult } from './rule-engine';

export const FRAMEWORK_ELEMENTS = [
  'competencies',
  'outcomes',
  'assessment',
  'duration',
  'stackability',
  'quality_assurance',
] as const;
export type FrameworkElement = (typeof FRAMEWORK_ELEMENTS)[number];

const ELEMENT_OF_FIELD: Record<string, FrameworkElement> = {
  competencies: 'competencies',
  outcomes: 'outcomes',
  assessment: 'assessment',
  hours: 'duration',
  credits: 'duration',
  weeks: 'duration',
  stackableInto: 'stackability',
  transcriptable: 'stackability',
  level: 'stackability',
  qualityAssurance: 'quality_assurance',
  annualReview: 'quality_assurance',
};

/** The framework elements a rule tests (the top-level design fields its checks read, outermost only). */
export function elementsOfRule(rule: Check): FrameworkElement[] {
  const found = new Set<FrameworkElement>();
  const walk = (check: Check): void => {
    if ('field' in check) {
      const element = ELEMENT_OF_FIELD[check.field.split('.')[0]!];
      if (element) found.add(element);
      return; // fields inside `every` are read from the list's items, not the design
    }
    for (const inner of check.checks) walk(inner);
  };
  walk(rule);
  return FRAMEWORK_ELEMENTS.filter((e) => found.has(e));
}

/** Per element the framework's rules test: whether this review failed it (a FAIL rule on it; warnings do not fail). */
export function elementOutcomes(
  rules: readonly FrameworkRule[],
  result: ComplianceResult,
): Array<{ element: FrameworkElement; failed: boolean }> {
  const failing = new Set(result.failing);
  const outcome = new Map<FrameworkElement, boolean>();
  for (const rule of rules) {
    for (const element of elementsOfRule(rule))
      outcome.set(element, (outcome.get(element) ?? false) || failing.has(rule.id));
  }
  return FRAMEWORK_ELEMENTS.filter((e) => outcome.has(e)).map((element) => ({
    element,
    failed: outcome.get(element)!,
  }));
}
