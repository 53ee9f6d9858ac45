import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import type { NextFunction, Request, Response } from 'express';
import { directFetch } from './direct-fetch';

const schema = buildSchema(
  'type Query { skill(id: ID!): Skill } type Skill { id: ID! label: String! } type Mutation { rename(id: ID!): Skill }',
);
const query = 'query($id: ID!) { skill(id: $id) { id label } }';
const fetchOf = (operation: string, extra: Record<string, unknown> = {}) => ({
  kind: 'Fetch',
  serviceName: 'marketplace',
  operation,
  operationKind: 'query',
  variableUsages: ['id'],
  ...extra,
});

/** Teaches a gateway one document and its plan; `handedOnAtOnce` says whether a request with it went the full way without a subgraph call. */
function taught(text: string, fetch: Record<string, unknown> | undefined) {
  // Port 9 refuses: a request taken by the fast path fails there and is handed on later, not at once.
  const direct = directFetch({ marketplace: 'http://127.0.0.1:9/graphql' }, () => ({}));
  direct.learn({
    queryPlan: { kind: 'QueryPlan', node: fetch } as never,
    requestContext: { request: { query: text } },
    operationContext: { schema, operation: parse(text).definitions[0] as OperationDefinitionNode },
  });
  const handedOnAtOnce = (variables: unknown = { id: 'x' }) => {
    const next = jest.fn() as unknown as NextFunction;
    direct.handle(
      { method: 'POST', body: { query: text, variables }, headers: {} } as Request,
      {} as Response,
      next,
    );
    return (next as unknown as jest.Mock).mock.calls.length === 1;
  };
  return { size: direct.size(), handedOnAtOnce };
}

describe('directFetch', () => {
  it('takes a single-fetch query whose fetch is the client operation, with variables the schema accepts', () => {
    const gateway = taught(query, fetchOf('query($id:ID!){skill(id:$id){id label}}'));
    expect(gateway.size).toBe(1);
    expect(gateway.handedOnAtOnce()).toBe(false);
    expect(gateway.handedOnAtOnce({ id: { not: 'an id' } })).toBe(true);
  });

  it('hands on what the planner changed, what needs entities, and mutations', () => {
    expect(
      taught(query, fetchOf('query($id:ID!){skill(id:$id){__typename id label}}')).handedOnAtOnce(),
    ).toBe(true);
    expect(
      taught(query, fetchOf('query($id:ID!){skill(id:$id){id label}}', { requires: [{}] })).handedOnAtOnce(),
    ).toBe(true);
    const mutation = 'mutation($id: ID!) { rename(id: $id) { id } }';
    expect(
      taught(
        mutation,
        fetchOf('mutation($id:ID!){rename(id:$id){id}}', { operationKind: 'mutation' }),
      ).handedOnAtOnce(),
    ).toBe(true);
  });

  it('never remembers an over-long document (padding with comments must not fill memory)', () => {
    const padded = `${query}\n${'# padding\n'.repeat(2_000)}`;
    const gateway = taught(padded, fetchOf('query($id:ID!){skill(id:$id){id label}}'));
    expect(gateway.size).toBe(0);
    expect(gateway.handedOnAtOnce()).toBe(true);
  });
});
