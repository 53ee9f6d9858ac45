import { newDesignContent } from '../design/design-content';
import { parseFrameworkRules } from './framework-rules';
import { designFacts, evaluateRules } from './rule-engine';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('rule engine', () => {
  const facts = {
    title: 'T',
    blank: '  ',
    hours: 30,
    tags: ['a', 'b'],
    nested: { flag: true },
    items: [{ n: 1 }, { n: 5 }],
  };
  const run = (rule: Record<string, unknown>) =>
    evaluateRules(parseFrameworkRules([{ id: 'r', label: 'Rule', ...rule }]), facts).rules[0]!;

  it.each([
    ['present', { kind: 'present', field: 'title' }, 'PASS'],
    ['present (blank)', { kind: 'present', field: 'blank' }, 'FAIL'],
    ['present (missing)', { kind: 'present', field: 'nope' }, 'FAIL'],
    ['range', { kind: 'range', field: 'hours', min: 10, max: 30 }, 'PASS'],
    ['range (below is exclusive)', { kind: 'range', field: 'hours', below: 30 }, 'FAIL'],
    ['range (missing value)', { kind: 'range', field: 'nope', min: 0 }, 'FAIL'],
    ['count', { kind: 'count', field: 'tags', min: 2 }, 'PASS'],
    ['count (too few)', { kind: 'count', field: 'tags', min: 3 }, 'FAIL'],
    ['equals', { kind: 'equals', field: 'nested.flag', value: true }, 'PASS'],
    ['equals (differs)', { kind: 'equals', field: 'nested.flag', value: false }, 'FAIL'],
    ['includesAny', { kind: 'includesAny', field: 'tags', values: ['x', 'b'] }, 'PASS'],
    ['includesAny (none)', { kind: 'includesAny', field: 'tags', values: ['x'] }, 'FAIL'],
    ['matches', { kind: 'matches', field: 'tags', pattern: '^[ab]$' }, 'PASS'],
    ['matches (one off)', { kind: 'matches', field: 'tags', pattern: '^a$' }, 'FAIL'],
    ['every', { kind: 'every', field: 'items', check: { kind: 'range', field: 'n', min: 1 } }, 'PASS'],
    [
      'every (one fails)',
      { kind: 'every', field: 'items', check: { kind: 'range', field: 'n', min: 2 } },
      'FAIL',
    ],
    ['every (empty list)', { kind: 'every', field: 'nope', check: { kind: 'present', field: 'n' } }, 'FAIL'],
    [
      'allOf',
      {
        kind: 'allOf',
        checks: [
          { kind: 'present', field: 'title' },
          { kind: 'present', field: 'nope' },
        ],
      },
      'FAIL',
    ],
    [
      'atLeastOf',
      {
        kind: 'atLeastOf',
        min: 1,
        checks: [
          { kind: 'present', field: 'title' },
          { kind: 'present', field: 'nope' },
        ],
      },
      'PASS',
    ],
    [
      'atLeastOf (too few)',
      {
        kind: 'atLeastOf',
        min: 2,
        checks: [
          { kind: 'present', field: 'title' },
          { kind: 'present', field: 'nope' },
        ],
      },
      'FAIL',
    ],
    ['a WARNING rule that fails', { kind: 'present', field: 'nope', severity: 'WARNING' }, 'WARNING'],
  ])('%s', (_label, rule, status) => {
    const result = run(rule);
    expect(result.status).toBe(status);
    expect(result.reason).toMatch(/^Rule: \S/);
  });

  it('explains a failure in words a person can act on', () => {
    expect(run({ kind: 'range', field: 'hours', min: 50, max: 400 }).reason).toBe(
      'Rule: hours is 30; it must be at least 50 and at most 400',
    );
    expect(run({ kind: 'present', field: 'nope' }).reason).toBe('Rule: nope is missing');
  });

  it('gives every reason as codes with parameters too, for the app to word in the reader’s language', () => {
    expect(run({ kind: 'range', field: 'hours', min: 50, max: 400 }).details).toEqual([
      { code: 'OUT_OF_RANGE', params: { field: 'hours', value: 30, min: 50, max: 400 } },
    ]);
    expect(run({ kind: 'present', field: 'nope' }).details).toEqual([
      { code: 'MISSING', params: { field: 'nope' } },
    ]);
    expect(run({ kind: 'count', field: 'tags', min: 3 }).details).toEqual([
      { code: 'COUNT_OUT_OF_RANGE', params: { field: 'tags', count: 2, min: 3 } },
    ]);
    expect(run({ kind: 'equals', field: 'nested.flag', value: false }).details).toEqual([
      { code: 'NOT_EQUAL', params: { field: 'nested.flag', value: true, expected: false } },
    ]);
    expect(run({ kind: 'equals', field: 'nope', value: true }).details).toEqual([
      { code: 'NOT_EQUAL', params: { field: 'nope', value: null, expected: true } },
    ]);
    expect(run({ kind: 'includesAny', field: 'tags', values: ['x'] }).details).toEqual([
      { code: 'INCLUDES_NONE', params: { field: 'tags', values: ['x'] } },
    ]);
    expect(
      run({ kind: 'every', field: 'items', check: { kind: 'range', field: 'n', min: 2 } }).details,
    ).toEqual([
      { code: 'SOME_DO_NOT_QUALIFY', params: { field: 'items', failing: 1, total: 2, item: 1 } },
      { code: 'OUT_OF_RANGE', params: { field: 'n', value: 1, min: 2 } },
    ]);
    expect(
      run({
        kind: 'atLeastOf',
        min: 2,
        checks: [
          { kind: 'present', field: 'title' },
          { kind: 'present', field: 'nope' },
        ],
      }).details,
    ).toEqual([
      { code: 'NEEDS_SOME_OF', params: { min: 2, of: 2 } },
      { code: 'GIVEN', params: { field: 'title' } },
      { code: 'MISSING', params: { field: 'nope' } },
    ]);
    expect(
      run({
        kind: 'allOf',
        checks: [
          { kind: 'present', field: 'title' },
          { kind: 'present', field: 'nope' },
        ],
      }).details,
    ).toEqual([{ code: 'MISSING', params: { field: 'nope' } }]);
  });

  it('passes a report when only warnings fail, and lists failing rule ids', () => {
    const rules = parseFrameworkRules([
      { id: 'a', label: 'A', kind: 'present', field: 'title' },
      { id: 'b', label: 'B', kind: 'present', field: 'nope', severity: 'WARNING' },
    ]);
    expect(evaluateRules(rules, facts)).toMatchObject({ passed: true, failing: [] });
    const failing = parseFrameworkRules([{ id: 'c', label: 'C', kind: 'present', field: 'nope' }]);
    expect(evaluateRules(failing, facts)).toMatchObject({ passed: false, failing: ['c'] });
  });

  it.each([
    ['not a list', {}],
    ['an empty list', []],
    ['an unknown kind', [{ id: 'a', label: 'A', kind: 'magic', field: 'x' }]],
    [
      'a duplicate id',
      [
        { id: 'a', label: 'A', kind: 'present', field: 'x' },
        { id: 'a', label: 'B', kind: 'present', field: 'y' },
      ],
    ],
    ['a bad field path', [{ id: 'a', label: 'A', kind: 'present', field: '__proto__[0]' }]],
    ['a range without bounds', [{ id: 'a', label: 'A', kind: 'range', field: 'x' }]],
    ['a bad regular expression', [{ id: 'a', label: 'A', kind: 'matches', field: 'x', pattern: '(' }]],
    [
      'atLeastOf asking for more than it has',
      [{ id: 'a', label: 'A', kind: 'atLeastOf', min: 3, checks: [{ kind: 'present', field: 'x' }] }],
    ],
    ['an unknown severity', [{ id: 'a', label: 'A', kind: 'present', field: 'x', severity: 'MAYBE' }]],
  ])('refuses rule JSON with %s', (_label, rules) => {
    expect(codeOf(() => parseFrameworkRules(rules))).toBe('CREDENTIALS.INVALID_FRAMEWORK');
  });

  it('derives credits from hours (1 credit = 10 hours) and counts partners', () => {
    const content = newDesignContent({ title: 'T', frameworkId: 'f', hours: 45, partnerIds: ['p1', 'p2'] });
    expect(designFacts('issuer', content)).toMatchObject({
      issuerId: 'issuer',
      credits: 4.5,
      partnerCount: 2,
      issuerCountry: 'CA',
    });
    expect(designFacts('issuer', newDesignContent({ title: 'T', frameworkId: 'f' }))['credits']).toBeNull();
  });
});
