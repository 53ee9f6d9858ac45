// A compliance rule's reason in the reader's language, from the codes and parameters the server
// sends (`RuleResult.details`), instead of its English `reason` ("assessment.methods has 0; it
// needs at least 1"). Field paths become the form's labels; a code this app does not know yet
// falls back to the English reason. The rule's own label is translated per framework and rule id
// where the app has it (shipped frameworks), else shown as the framework states it.
import type { TFunction } from 'i18next';

export interface ReasonPart {
  readonly code: string;
  readonly params: unknown;
}

const CODES = new Set([
  'GIVEN',
  'MISSING',
  'NOT_SET',
  'IN_RANGE',
  'OUT_OF_RANGE',
  'COUNT',
  'COUNT_OUT_OF_RANGE',
  'EQUALS',
  'NOT_EQUAL',
  'INCLUDES',
  'INCLUDES_NONE',
  'EXPECTED_FORM',
  'UNEXPECTED_FORM',
  'EMPTY',
  'ALL_QUALIFY',
  'SOME_DO_NOT_QUALIFY',
  'NEEDS_SOME_OF',
]);

type Params = Record<string, unknown>;

/** A design field path (assessment.methods, competencies, skillId…) as the form calls it. */
export function fieldLabel(t: TFunction, path: string): string {
  const last = path.split('.').pop() ?? path;
  return t(`compliance.fields.${path.replace(/\./g, '_')}`, {
    defaultValue: t(`fields.${last}`, { defaultValue: path }),
  });
}

function value(t: TFunction, found: unknown, language: string): string {
  if (found === null || found === undefined) return t('compliance.values.notSet');
  if (typeof found === 'boolean') return t(`compliance.values.${found}`);
  if (typeof found === 'number') return new Intl.NumberFormat(language).format(found);
  if (Array.isArray(found)) return found.map((v) => value(t, v, language)).join(', ');
  return String(found);
}

function bounds(t: TFunction, params: Params, language: string): string {
  return (['min', 'above', 'max', 'below'] as const)
    .filter((name) => typeof params[name] === 'number')
    .map((name) => t(`compliance.bounds.${name}`, { n: value(t, params[name], language) }))
    .join(t('compliance.bounds.and'));
}

/** One part in words, or null for a code this app does not know. */
export function partText(t: TFunction, part: ReasonPart, language: string): string | null {
  if (!CODES.has(part.code)) return null;
  const params = (typeof part.params === 'object' && part.params !== null ? part.params : {}) as Params;
  const field = typeof params['field'] === 'string' ? fieldLabel(t, params['field']) : '';
  return t(`compliance.parts.${part.code}`, {
    field,
    value: value(t, params['value'], language),
    expected: value(t, params['expected'], language),
    values: value(t, params['values'] ?? [], language),
    count: typeof params['count'] === 'number' ? params['count'] : 0,
    total: params['total'],
    failing: params['failing'],
    item: params['item'],
    min: params['min'],
    of: params['of'],
    bounds: bounds(t, params, language),
  });
}

/** The whole reason: its parts in words, joined; the English reason when a part is not known here. */
export function reasonText(
  t: TFunction,
  rule: { reason: string; details?: readonly ReasonPart[] | null },
  language: string,
): string {
  const parts = (rule.details ?? []).map((part) => partText(t, part, language));
  if (parts.length === 0 || parts.some((p) => p === null)) return rule.reason;
  return parts.join(t('compliance.separator'));
}

/** The rule's requirement in the reader's language (shipped frameworks), else as the framework states it. */
export function ruleLabel(t: TFunction, frameworkKey: string, rule: { id: string; label: string }): string {
  return t(`compliance.ruleLabels.${frameworkKey}.${rule.id}`, { defaultValue: rule.label });
}
