// Evaluates a framework's rules against a design's facts: each rule passes, fails or (for a
// WARNING rule) warns, with a reason a person can act on — in English (`reason`) and as data
// (`details`: codes with parameters, which the app words in the reader's language).
import type { DesignContent } from '../design/design-content';
import type { Check, FrameworkRule } from './framework-rules';

export type RuleStatus = 'PASS' | 'FAIL' | 'WARNING';

/** Values a reason part's parameters hold. */
export type ReasonValue = string | number | boolean | null | ReadonlyArray<string | number | boolean | null>;

/**
 * One statement of a reason, as data: `code` says what was found, `params` the field path
 * (`field`), the value found (`value`, `count`, `values`), and what the check asks (`min`, `max`,
 * `above`, `below`, `expected`). Codes: GIVEN, MISSING, NOT_SET, IN_RANGE, OUT_OF_RANGE, COUNT,
 * COUNT_OUT_OF_RANGE, EQUALS, NOT_EQUAL, INCLUDES, INCLUDES_NONE, EXPECTED_FORM, UNEXPECTED_FORM,
 * EMPTY, ALL_QUALIFY, SOME_DO_NOT_QUALIFY (then the first failing item's parts), NEEDS_SOME_OF
 * (then every check's parts).
 */
export interface ReasonPart {
  readonly code: string;
  readonly params: Readonly<Record<string, ReasonValue>>;
}

export interface RuleResult {
  readonly id: string;
  readonly label: string;
  readonly status: RuleStatus;
  readonly reason: string;
  readonly details: readonly ReasonPart[];
}

export interface ComplianceResult {
  /** No rule failed; warnings do not block. */
  readonly passed: boolean;
  readonly rules: readonly RuleResult[];
  readonly failing: readonly string[];
}

/** What rules can read: the design's content plus facts derived from it. */
export type DesignFacts = Record<string, unknown>;

/** Hours of notional learning per credit, as NZQA counts them (1 credit = 10 hours). */
export const HOURS_PER_CREDIT = 10;

/**
 * The facts a framework sees. Derived ones:
 * - `credits` = hours / 10 (NZQA's notional hours per credit);
 * - `partnerCount` = partner organizations besides the issuer;
 * - `issuerCountry` = "CA": every Lattice organization is in a Canadian region;
 * - `awardIdentifiesLearner`, `awardRecordsIssueDate`: Lattice's awards (Open Badges 3.0) always
 *   name the learner and carry the issue date, so those EU elements hold by construction.
 */
export function designFacts(issuerId: string, content: DesignContent): DesignFacts {
  return {
    ...content,
    issuerId,
    credits: content.hours === null ? null : content.hours / HOURS_PER_CREDIT,
    partnerCount: content.partnerIds.length,
    issuerCountry: 'CA',
    awardIdentifiesLearner: true,
    awardRecordsIssueDate: true,
  };
}

export function evaluateRules(rules: readonly FrameworkRule[], facts: DesignFacts): ComplianceResult {
  const results = rules.map((rule): RuleResult => {
    const outcome = evaluate(rule, facts);
    const status: RuleStatus = outcome.ok ? 'PASS' : rule.severity === 'WARNING' ? 'WARNING' : 'FAIL';
    return {
      id: rule.id,
      label: rule.label,
      status,
      reason: `${rule.label}: ${outcome.detail}`,
      details: outcome.parts,
    };
  });
  const failing = results.filter((r) => r.status === 'FAIL').map((r) => r.id);
  return { passed: failing.length === 0, rules: results, failing };
}

interface Outcome {
  readonly ok: boolean;
  readonly detail: string;
  readonly parts: readonly ReasonPart[];
}

/** A reason part, without the parameters a check does not have. */
function part(code: string, params: Record<string, ReasonValue | undefined>): ReasonPart {
  return {
    code,
    params: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<
      string,
      ReasonValue
    >,
  };
}

/** A value found, as a reason parameter: scalars as they are, lists of scalars, anything else as JSON. */
function asParam(value: unknown): ReasonValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return typeof value === 'string' && value.length > 60 ? `${value.slice(0, 57)}...` : value;
  if (Array.isArray(value))
    return value.map((v) =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v),
    );
  return JSON.stringify(value);
}

export function readField(facts: unknown, path: string): unknown {
  let current: unknown = facts;
  for (const part of path.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return /\S/.test(value);
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const show = (value: unknown) =>
  typeof value === 'string'
    ? JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
    : JSON.stringify(value);

function evaluate(check: Check, facts: unknown): Outcome {
  switch (check.kind) {
    case 'present': {
      const ok = isPresent(readField(facts, check.field));
      return {
        ok,
        detail: ok ? `${check.field} is given` : `${check.field} is missing`,
        parts: [part(ok ? 'GIVEN' : 'MISSING', { field: check.field })],
      };
    }
    case 'range': {
      const value = readField(facts, check.field);
      const bounds = [
        check.min !== undefined ? `at least ${check.min}` : null,
        check.above !== undefined ? `more than ${check.above}` : null,
        check.max !== undefined ? `at most ${check.max}` : null,
        check.below !== undefined ? `under ${check.below}` : null,
      ]
        .filter(Boolean)
        .join(' and ');
      const wanted = { min: check.min, max: check.max, above: check.above, below: check.below };
      if (typeof value !== 'number')
        return {
          ok: false,
          detail: `${check.field} is not set (it must be ${bounds})`,
          parts: [part('NOT_SET', { field: check.field, ...wanted })],
        };
      const ok =
        (check.min === undefined || value >= check.min) &&
        (check.max === undefined || value <= check.max) &&
        (check.below === undefined || value < check.below) &&
        (check.above === undefined || value > check.above);
      return {
        ok,
        detail: `${check.field} is ${round(value)}${ok ? `, ${bounds}` : `; it must be ${bounds}`}`,
        parts: [
          part(ok ? 'IN_RANGE' : 'OUT_OF_RANGE', { field: check.field, value: round(value), ...wanted }),
        ],
      };
    }
    case 'count': {
      const value = readField(facts, check.field);
      const length = Array.isArray(value) ? value.length : typeof value === 'number' ? value : 0;
      const ok =
        (check.min === undefined || length >= check.min) && (check.max === undefined || length <= check.max);
      const wanted = [
        check.min !== undefined ? `at least ${check.min}` : null,
        check.max !== undefined ? `at most ${check.max}` : null,
      ]
        .filter(Boolean)
        .join(' and ');
      return {
        ok,
        detail: `${check.field} has ${length}${ok ? '' : `; it needs ${wanted}`}`,
        parts: [
          part(ok ? 'COUNT' : 'COUNT_OUT_OF_RANGE', {
            field: check.field,
            count: length,
            min: check.min,
            max: check.max,
          }),
        ],
      };
    }
    case 'equals': {
      const value = readField(facts, check.field);
      const ok = value === check.value;
      return {
        ok,
        detail: ok
          ? `${check.field} is ${show(check.value)}`
          : `${check.field} is ${value === undefined || value === null ? 'not set' : show(value)}, not ${show(check.value)}`,
        parts: [
          ok
            ? part('EQUALS', { field: check.field, value: check.value })
            : part('NOT_EQUAL', { field: check.field, value: asParam(value), expected: check.value }),
        ],
      };
    }
    case 'includesAny': {
      const value = readField(facts, check.field);
      const list = Array.isArray(value) ? value : [];
      const found = check.values.filter((v) => list.includes(v));
      return found.length > 0
        ? {
            ok: true,
            detail: `${check.field} includes ${found.join(', ')}`,
            parts: [part('INCLUDES', { field: check.field, values: found })],
          }
        : {
            ok: false,
            detail: `${check.field} includes none of ${check.values.join(', ')}`,
            parts: [part('INCLUDES_NONE', { field: check.field, values: [...check.values] })],
          };
    }
    case 'matches': {
      const value = readField(facts, check.field);
      const pattern = new RegExp(check.pattern);
      const values = Array.isArray(value) ? value : [value];
      const bad = values.filter((v) => typeof v !== 'string' || !pattern.test(v));
      if (!isPresent(value))
        return {
          ok: false,
          detail: `${check.field} is missing`,
          parts: [part('MISSING', { field: check.field })],
        };
      return bad.length === 0
        ? {
            ok: true,
            detail: `${check.field} has the expected form`,
            parts: [part('EXPECTED_FORM', { field: check.field })],
          }
        : {
            ok: false,
            detail: `${check.field} has ${bad.map(show).join(', ')}, not of the expected form`,
            parts: [part('UNEXPECTED_FORM', { field: check.field, values: asParam(bad) })],
          };
    }
    case 'every': {
      const value = readField(facts, check.field);
      const items = Array.isArray(value) ? value : [];
      if (items.length === 0)
        return {
          ok: false,
          detail: `${check.field} is empty`,
          parts: [part('EMPTY', { field: check.field })],
        };
      const failures = items
        .map((item, index) => ({ index, outcome: evaluate(check.check, item) }))
        .filter((f) => !f.outcome.ok);
      if (failures.length === 0)
        return {
          ok: true,
          detail: `all ${items.length} of ${check.field} qualify`,
          parts: [part('ALL_QUALIFY', { field: check.field, total: items.length })],
        };
      const first = failures[0]!;
      return {
        ok: false,
        detail: `${failures.length} of ${items.length} of ${check.field} do not qualify (#${first.index + 1}: ${first.outcome.detail})`,
        parts: [
          part('SOME_DO_NOT_QUALIFY', {
            field: check.field,
            failing: failures.length,
            total: items.length,
            item: first.index + 1,
          }),
          ...first.outcome.parts,
        ],
      };
    }
    case 'allOf': {
      const outcomes = check.checks.map((c) => evaluate(c, facts));
      const failed = outcomes.filter((o) => !o.ok);
      return failed.length === 0
        ? {
            ok: true,
            detail: outcomes.map((o) => o.detail).join('; '),
            parts: outcomes.flatMap((o) => o.parts),
          }
        : {
            ok: false,
            detail: failed.map((o) => o.detail).join('; '),
            parts: failed.flatMap((o) => o.parts),
          };
    }
    case 'atLeastOf': {
      const outcomes = check.checks.map((c) => evaluate(c, facts));
      const passed = outcomes.filter((o) => o.ok);
      return passed.length >= check.min
        ? { ok: true, detail: passed.map((o) => o.detail).join('; '), parts: passed.flatMap((o) => o.parts) }
        : {
            ok: false,
            detail: `needs ${check.min} of: ${outcomes.map((o) => o.detail).join('; ')}`,
            parts: [
              part('NEEDS_SOME_OF', { min: check.min, of: outcomes.length }),
              ...outcomes.flatMap((o) => o.parts),
            ],
          };
    }
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
