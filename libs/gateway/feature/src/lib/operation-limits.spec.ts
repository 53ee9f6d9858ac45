import { buildSchema, parse, validate } from 'graphql';
import { operationLimitsRule } from './operation-limits';

const schema = buildSchema(`
  type Query { organization(id: ID!): Organization  organizations(first: Int): OrganizationConnection! }
  type OrganizationConnection { edges: [Edge!]! }
  type Edge { node: Organization! }
  type Organization { id: ID! name: String! members: [Membership!]! }
  type Membership { organization: Organization! }
`);
const limits = { maxDepth: 6, maxAliases: 3, maxCost: 500, defaultListSize: 20 };
const errorsOf = (query: string) =>
  validate(schema, parse(query), [operationLimitsRule(limits)]).map((e) => e.message);

describe('operationLimitsRule', () => {
  it('lets an ordinary query through', () => {
    expect(errorsOf('{ organizations(first: 10) { edges { node { id name } } } }')).toEqual([]);
  });

  it('refuses a query nested deeper than the limit', () => {
    const deep =
      '{ organization(id: "1") { members { organization { members { organization { members { organization { id } } } } } } } }';
    expect(errorsOf(deep).join()).toMatch(/levels deep; the limit is 6/);
  });

  it('counts aliases, including inside fragments', () => {
    const query =
      '{ a: organization(id: "1") { ...F } b: organization(id: "2") { id } } fragment F on Organization { x: id y: name }';
    expect(errorsOf(query).join()).toMatch(/4 aliases; the limit is 3/);
  });

  it('multiplies list children by the page size asked for', () => {
    expect(
      errorsOf('{ organizations(first: 5) { edges { node { members { organization { id } } } } } }'),
    ).toEqual([]);
    expect(
      errorsOf('{ organizations(first: 100) { edges { node { members { organization { id } } } } } }').join(),
    ).toMatch(/estimated cost/);
  });
});
