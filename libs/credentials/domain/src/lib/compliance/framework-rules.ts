// Frameworks are data: a framework version is a list of rules stored as JSON. This file defines
// the rule language (a handful of check kinds that compose) and parses untrusted rule JSON, so an
// operator can add a framework or a new version without a deploy.
import { CredentialsErrors } from '../credentials.errors';

/** How a failed rule is reported: FAIL blocks publication, WARNING only informs. */
export type RuleSeverity = 'FAIL' | 'WARNING';

export type Check =
  /** The field has a value: not null, not blank, not an empty list. */
  | { readonly kind: 'present'; readonly field: string }
  /** A number within bounds; `below` / `above` are exclusive. A missing value fails. */
  | {
      readonly kind: 'range';
      readonly field: string;
      readonly min?: number;
      readonly max?: number;
      readonly below?: number;
      readonly above?: number;
    }
  /** A list's length within bounds. */
  | { readonly kind: 'count'; readonly field: string; readonly min?: number; readonly max?: number }
  | { readonly kind: 'equals'; readonly field: string; readonly value: string | number | boolean }
  /** A list contains at least one of the values. */
  | { readonly kind: 'includesAny'; readonly field: string; readonly values: ReadonlyArray<string | number> }
  /** A string (or every string of a list) matches the regular expression. */
  | { readonly kind: 'matches'; readonly field: string; readonly pattern: string }
  /** Every item of a list passes the check (fields are read from the item); an empty list fails. */
  | { readonly kind: 'every'; readonly field: string; readonly check: Check }
  | { readonly kind: 'allOf'; readonly checks: readonly Check[] }
  /** At least `min` of the checks pass. */
  | { readonly kind: 'atLeastOf'; readonly min: number; readonly checks: readonly Check[] };

export type FrameworkRule = Check & {
  /** Stable within a framework, e.g. "summative-assessment". */
  readonly id: string;
  /** The requirement in a reader's words. */
  readonly label: string;
  readonly severity?: RuleSeverity;
};

const CHECK_KINDS = [
  'present',
  'range',
  'count',
  'equals',
  'includesAny',
  'matches',
  'every',
  'allOf',
  'atLeastOf',
] as const;
const FIELD = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;

/** Validates rule JSON from an operator; BAD_USER_INPUT names the first problem's path. */
export function parseFrameworkRules(input: unknown): FrameworkRule[] {
  if (!Array.isArray(input) || input.length === 0) fail('rules', 'must be a non-empty list of rules');
  if (input.length > 200) fail('rules', 'at most 200 rules');
  const ids = new Set<string>();
  return input.map((raw, index) => {
    const path = `rules.${index}`;
    const rule = object(raw, path);
    if (typeof rule['id'] !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(rule['id']))
      fail(`${path}.id`, 'must be a lowercase slug of up to 64 characters');
    if (ids.has(rule['id'] as string)) fail(`${path}.id`, 'is used twice');
    ids.add(rule['id'] as string);
    if (typeof rule['label'] !== 'string' || !/\S/.test(rule['label']) || rule['label'].length > 300)
      fail(`${path}.label`, 'must be 1 to 300 characters');
    if (rule['severity'] !== undefined && rule['severity'] !== 'FAIL' && rule['severity'] !== 'WARNING')
      fail(`${path}.severity`, 'must be FAIL or WARNING');
    checkOf(rule, path, 0);
    return rule as unknown as FrameworkRule;
  });
}

function checkOf(raw: Record<string, unknown>, path: string, depth: number): void {
  if (depth > 5) fail(path, 'nests too deeply');
  const kind = raw['kind'];
  if (typeof kind !== 'string' || !(CHECK_KINDS as readonly string[]).includes(kind))
    fail(`${path}.kind`, `must be one of ${CHECK_KINDS.join(', ')}`);
  const field = () => {
    if (typeof raw['field'] !== 'string' || !FIELD.test(raw['field']))
      fail(`${path}.field`, 'must be a dotted field path');
  };
  const bounds = (names: string[]) => {
    for (const name of names)
      if (raw[name] !== undefined && (typeof raw[name] !== 'number' || !Number.isFinite(raw[name])))
        fail(`${path}.${name}`, 'must be a number');
    if (names.every((name) => raw[name] === undefined))
      fail(path, `needs at least one of ${names.join(', ')}`);
  };
  const nested = (list: unknown) => {
    if (!Array.isArray(list) || list.length === 0) fail(`${path}.checks`, 'must be a non-empty list');
    (list as unknown[]).forEach((item, i) =>
      checkOf(object(item, `${path}.checks.${i}`), `${path}.checks.${i}`, depth + 1),
    );
    return (list as unknown[]).length;
  };
  switch (kind as Check['kind']) {
    case 'present':
      field();
      return;
    case 'range':
      field();
      bounds(['min', 'max', 'below', 'above']);
      return;
    case 'count':
      field();
      bounds(['min', 'max']);
      return;
    case 'equals':
      field();
      if (!['string', 'number', 'boolean'].includes(typeof raw['value']))
        fail(`${path}.value`, 'must be a string, number or boolean');
      return;
    case 'includesAny':
      field();
      if (
        !Array.isArray(raw['values']) ||
        raw['values'].length === 0 ||
        raw['values'].some((v) => typeof v !== 'string' && typeof v !== 'number')
      )
        fail(`${path}.values`, 'must be a non-empty list');
      return;
    case 'matches':
      field();
      if (typeof raw['pattern'] !== 'string' || raw['pattern'].length > 500)
        fail(`${path}.pattern`, 'must be a regular expression');
      try {
        new RegExp(raw['pattern'] as string);
      } catch {
        fail(`${path}.pattern`, 'is not a valid regular expression');
      }
      return;
    case 'every':
      field();
      checkOf(object(raw['check'], `${path}.check`), `${path}.check`, depth + 1);
      return;
    case 'allOf':
      nested(raw['checks']);
      return;
    case 'atLeastOf': {
      const length = nested(raw['checks']);
      if (!Number.isInteger(raw['min']) || (raw['min'] as number) < 1 || (raw['min'] as number) > length)
        fail(`${path}.min`, 'must be between 1 and the number of checks');
      return;
    }
  }
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  return value as Record<string, unknown>;
}

function fail(path: string, problem: string): never {
  throw CredentialsErrors.of('INVALID_FRAMEWORK', `${path} ${problem}.`, { field: path });
}
