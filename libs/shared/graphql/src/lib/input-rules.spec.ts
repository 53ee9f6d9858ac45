import { buildSchema, parse } from 'graphql';
import { parseCalendarDate, parseDateTime } from './dates';
import { findInputProblems, hasControlCharacter } from './input-rules';

const schema = buildSchema(`
  scalar DateTime
  scalar JSON
  scalar _Any
  enum Kind { A B }
  input Recipient { email: String! name: String! }
  input AwardInput { recipient: Recipient! evidence: [String!] kind: Kind when: DateTime }
  input Filter { postedAfter: DateTime title: String }
  type Query {
    skills(search: String, first: Int): Int
    needs(filter: Filter): Int
    verify(credential: JSON!): Int
    _entities(representations: [_Any!]!): Int
  }
  type Mutation { award(input: AwardInput!): Int logIn(email: String!, password: String!): Int review(id: ID!, dueAt: DateTime): Int }
`);
const problems = (query: string, variables: Record<string, unknown> = {}) =>
  findInputProblems(schema, parse(query), variables).map((p) => p.field);

describe('control characters', () => {
  it.each(['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u007f', '\u0085', '\u009f'])(
    '%j is a control character',
    (c) => expect(hasControlCharacter(`a${c}b`)).toBe(true),
  );
  it.each(['\t', '\n', ' ', 'é', '\u200b', '\u202e', '😀', 'e\u0301'])('%j is not', (c) =>
    expect(hasControlCharacter(`a${c}b`)).toBe(false),
  );
});

describe('findInputProblems', () => {
  it('names a scalar argument by its name, a nested field by its path in the argument (as the validation pipe does)', () => {
    expect(problems('query($s: String) { skills(search: $s) }', { s: 'x\u0000' })).toEqual(['search']);
    expect(problems('mutation($e: String!) { logIn(email: $e, password: "p") }', { e: '\u0000' })).toEqual([
      'email',
    ]);
    expect(
      problems('mutation($i: AwardInput!) { award(input: $i) }', {
        i: { recipient: { email: 'a@b.c', name: 'Lee\u0000' } },
      }),
    ).toEqual(['recipient.name']);
    expect(
      problems('mutation($r: Recipient!) { award(input: { recipient: $r }) }', {
        r: { email: 'a\u0007', name: 'x' },
      }),
    ).toEqual(['recipient.email']);
    expect(
      problems('mutation($i: AwardInput!) { award(input: $i) }', {
        i: { recipient: { email: 'a', name: 'b' }, evidence: ['ok', 'bad\u001b'] },
      }),
    ).toEqual(['evidence']);
  });

  it('reads literals in the query text too', () => {
    expect(problems('{ skills(search: "x\\u0000") }')).toEqual(['search']);
    expect(problems('mutation { award(input: { recipient: { email: "a", name: "b\\u007f" } }) }')).toEqual([
      'recipient.name',
    ]);
    expect(problems('{ needs(filter: { postedAfter: "yesterday" }) }')).toEqual(['postedAfter']);
    expect(problems('{ needs(filter: { postedAfter: 1735689600 }) }')).toEqual(['postedAfter']);
  });

  it('checks every string inside a JSON argument, keys included', () => {
    expect(
      problems('query($c: JSON!) { verify(credential: $c) }', { c: { a: [{ b: 'ok' }, { c: 'no\u0000' }] } }),
    ).toEqual(['credential']);
    expect(problems('query($c: JSON!) { verify(credential: $c) }', { c: { 'k\u0000': 1 } })).toEqual([
      'credential',
    ]);
    expect(
      problems('query($c: JSON!) { verify(credential: $c) }', { c: { a: 'tab\there\nnewline' } }),
    ).toEqual([]);
  });

  it('leaves federation representations alone (built by the gateway from stored data)', () => {
    expect(
      problems('query($r: [_Any!]!) { _entities(representations: $r) }', {
        r: [{ __typename: 'User', id: 'a\u0000' }],
      }),
    ).toEqual([]);
  });

  it('checks date-times along their type, wherever they are', () => {
    expect(problems('mutation($d: DateTime) { review(id: "1", dueAt: $d) }', { d: 'next week' })).toEqual([
      'dueAt',
    ]);
    expect(problems('mutation($d: DateTime) { review(id: "1", dueAt: $d) }', { d: 1735689600000 })).toEqual([
      'dueAt',
    ]);
    expect(
      problems('mutation($d: DateTime) { review(id: "1", dueAt: $d) }', { d: '2026-03-01T09:00:00Z' }),
    ).toEqual([]);
    expect(problems('mutation($d: DateTime) { review(id: "1", dueAt: $d) }', { d: null })).toEqual([]);
    expect(
      problems('query($f: Filter) { needs(filter: $f) }', {
        f: { postedAfter: '2026-02-30T00:00:00Z', title: 'ok' },
      }),
    ).toEqual(['postedAfter']);
  });

  it('reports each field once, and nothing for good input', () => {
    expect(
      problems('query($f: Filter) { needs(filter: $f) a: skills(search: "ok") }', {
        f: { title: 'Crew\tleads\nfor the mill' },
      }),
    ).toEqual([]);
    expect(
      problems('mutation($i: AwardInput!) { award(input: $i) }', {
        i: { recipient: { email: '\u0000', name: '\u0000' } },
      }),
    ).toEqual(['recipient.email', 'recipient.name']);
  });
});

describe('dates', () => {
  it.each([['2028-02-29'], ['2000-02-29'], ['2026-12-31'], ['0001-01-01']])('%s is a calendar date', (d) =>
    expect(parseCalendarDate(d)).toBe(d),
  );
  it.each([
    ['2027-02-29'],
    ['1900-02-29'],
    ['2027-02-30'],
    ['2026-04-31'],
    ['2026-13-01'],
    ['2026-00-10'],
    ['0000-01-01'],
    ['2026-1-1'],
    ['yesterday'],
    [''],
    ['2026-01-01T00:00:00Z'],
    [20260101],
  ])('%j is not', (d) => expect(parseCalendarDate(d)).toBeNull());
  it.each([
    ['2026-01-01T00:00:00Z'],
    ['2024-02-29T23:59:59.123456+05:30'],
    ['2026-06-30t12:00:00z'],
    ['2026-06-30T12:00:00-00:00'],
  ])('%s is a date-time', (d) => expect(parseDateTime(d)).toBeInstanceOf(Date));
  it.each([
    ['2026-02-30T00:00:00Z'],
    ['2026-01-01T24:00:00Z'],
    ['2026-01-01T10:60:00Z'],
    ['2026-01-01T10:00:60Z'],
    ['2026-01-01T10:00:00'],
    ['2026-01-01'],
    ['2026-01-01 10:00:00Z'],
    ['2026-01-01T10:00:00+24:00'],
    ['yesterday'],
    [1735689600000],
  ])('%j is not', (d) => expect(parseDateTime(d)).toBeNull());
});
