// The gateway's fast path for the commonest request: a query answered by one subgraph in one
// fetch. Apollo Gateway plans every document, then per request builds an operation context,
// executes the plan, merges and re-shapes the subgraph's data, and Apollo Server runs its whole
// request pipeline around that. When the plan is a single fetch whose operation is, printed, the
// client's own operation, the subgraph's data *is* the answer, so the gateway can send the
// client's query straight to that subgraph and return its data.
//
// Safety, by construction:
// - A document reaches the fast path only after Apollo has accepted it once: parsed, validated
//   against the API schema with the operation limits, planned. Apollo tells us (the gateway's
//   `experimental_didResolveQueryPlan`) and we remember the plan for that exact query text and
//   operation name (at most MAX_DOCUMENTS of them).
// - Only queries (never mutations), only single-fetch plans without entity `requires` or
//   rewrites, and only when the fetch's operation prints the same as the client's (no fragments
//   expanded, no `__typename` added, no introspection field left to the gateway).
// - Only JSON POST bodies (a JSON content type needs a CORS preflight, so CSRF prevention holds;
//   batches are arrays and go the full way to be refused; the body limit sits in front), with
//   no persisted-query extension (those go the full way).
// - Any answer but a 200 whose body is `{ "data": {...} }` with no errors goes the full way:
//   the request is handed on to Apollo unchanged, which runs it again and answers as it always
//   does (errors masked, codes, Retry-After). Queries have no effects, so asking twice is safe.
// The differential test (e2e/gateway-direct-fetch.e2e-spec.ts) sends generated odd queries
// through a gateway with and without this path and requires byte-identical answers.
import type { NextFunction, Request, Response } from 'express';
import Negotiator from 'negotiator';
import {
  getVariableValues,
  Kind,
  parse,
  print,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { gatewayDirectFetches, logger } from '@lattice/shared-util-observability';
import { subgraphFetcher } from './subgraph-fetcher';

const MAX_DOCUMENTS = 2_000;
/**
 * Longer documents are never remembered: the table keys on the query text, and 2,000 padded
 * 200 kB documents (comments are valid GraphQL) would otherwise hold 400 MB. The web app's
 * operations are well under 4 kB.
 */
const MAX_QUERY_LENGTH = 16_384;
const REQUEST_KEYS = new Set(['query', 'operationName', 'variables', 'extensions']);
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
const CALLBACK_TYPE = 'application/json; callbackSpec=1.0; charset=utf-8';

type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];

interface DirectRoute {
  readonly url: string;
  readonly variableUsages: readonly string[];
  /** The API schema and the operation as Apollo validated them: variables are checked against these. */
  readonly schema: GraphQLSchema;
  readonly variableDefinitions: readonly VariableDefinitionNode[];
}

export interface DirectFetch {
  /** Given to ApolloGateway as `experimental_didResolveQueryPlan`. */
  readonly learn: (options: {
    readonly queryPlan: QueryPlan;
    readonly requestContext: {
      readonly request: { readonly query?: string; readonly operationName?: string | null };
    };
    readonly operationContext: {
      readonly schema: GraphQLSchema;
      readonly operation: OperationDefinitionNode;
    };
  }) => void;
  /** Express handler in front of Apollo's: answers what it can, hands on the rest. */
  readonly handle: (request: Request, response: Response, next: NextFunction) => void;
  /** How many documents it knows (tests). */
  readonly size: () => number;
}

/**
 * `subgraphUrls`: subgraph name → GraphQL URL, as the gateway routes them; `headersFor` gives the
 * headers a subgraph request carries (authorization, request id, trace, client address).
 */
export function directFetch(
  subgraphUrls: Readonly<Record<string, string>>,
  headersFor: (request: Request) => Record<string, string>,
): DirectFetch {
  const routes = new Map<string, DirectRoute | null>();
  const keyOf = (query: string, operationName: string | null | undefined) =>
    `${operationName ?? ''}\u0000${query}`;
  const log = logger('gateway');

  const learn: DirectFetch['learn'] = ({ queryPlan, requestContext, operationContext }) => {
    const { query, operationName } = requestContext.request;
    if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) return;
    const key = keyOf(query, operationName);
    if (routes.has(key)) return;
    if (routes.size >= MAX_DOCUMENTS) routes.delete(routes.keys().next().value as string);
    const route = routeFor(queryPlan, query, operationName ?? null, subgraphUrls);
    routes.set(
      key,
      route && {
        ...route,
        schema: operationContext.schema,
        variableDefinitions: operationContext.operation.variableDefinitions ?? [],
      },
    );
  };

  const handle: DirectFetch['handle'] = (request, response, next) => {
    const body = request.body as Record<string, unknown> | undefined;
    if (request.method !== 'POST' || !isPlainObject(body)) return next();
    const query = body['query'];
    const operationName = body['operationName'] ?? null;
    const variables = body['variables'] ?? null;
    if (typeof query !== 'string' || (operationName !== null && typeof operationName !== 'string'))
      return next();
    if (variables !== null && !isPlainObject(variables)) return next();
    for (const key of Object.keys(body)) if (!REQUEST_KEYS.has(key)) return next();
    // Extensions Apollo acts on (persisted queries) go the full way; others (a client's name) change nothing.
    const extensions = body['extensions'] ?? null;
    if (extensions !== null && (!isPlainObject(extensions) || 'persistedQuery' in extensions)) return next();
    const route = routes.get(keyOf(query, operationName as string | null));
    if (!route) return next();
    const contentType = contentTypeFor(request.headers['accept']);
    if (!contentType) return next();
    // Values the API schema refuses (an enum value, a type) are Apollo's to refuse, in its words.
    if (route.variableDefinitions.length > 0) {
      const coerced = getVariableValues(
        route.schema,
        route.variableDefinitions,
        (variables ?? {}) as Record<string, unknown>,
        {
          maxErrors: 1,
        },
      );
      if (coerced.errors) return next();
    }
    const forwarded: Record<string, unknown> = {};
    for (const name of route.variableUsages) {
      const value = (variables as Record<string, unknown> | null)?.[name];
      if (value !== undefined) forwarded[name] = value;
    }
    void answer(route, request, response, next, {
      query,
      operationName: operationName as string | null,
      variables: forwarded,
      contentType,
    });
  };

  const answer = async (
    route: DirectRoute,
    request: Request,
    response: Response,
    next: NextFunction,
    ask: {
      query: string;
      operationName: string | null;
      variables: Record<string, unknown>;
      contentType: string;
    },
  ): Promise<void> => {
    let data: Record<string, unknown> | null = null;
    try {
      const reply = await subgraphFetcher(route.url, {
        method: 'POST',
        headers: { ...headersFor(request), 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          query: ask.query,
          ...(ask.operationName !== null ? { operationName: ask.operationName } : {}),
          variables: ask.variables,
        }),
      });
      const result = reply.status === 200 ? await reply.json() : null;
      if (isPlainObject(result) && isPlainObject(result['data']) && Object.keys(result).length === 1)
        data = result['data'];
    } catch (error) {
      // The full path will meet the same fault and answer it the usual way (logged there too).
      log.warn({ err: error }, 'direct subgraph fetch failed; handing the request to the full path');
    }
    if (!data) {
      gatewayDirectFetches.inc({ outcome: 'handed_on' });
      return next();
    }
    gatewayDirectFetches.inc({ outcome: 'served' });
    response.status(200).setHeader('content-type', ask.contentType);
    response.end(`${JSON.stringify({ data })}\n`);
  };

  return { learn, handle, size: () => routes.size };
}

/** The subgraph URL and variables for a plan the fast path may serve, else null. */
function routeFor(
  plan: QueryPlan,
  query: string,
  operationName: string | null,
  subgraphUrls: Readonly<Record<string, string>>,
): Pick<DirectRoute, 'url' | 'variableUsages'> | null {
  const node = plan.node;
  if (!node || node.kind !== 'Fetch') return null;
  if (
    node.operationKind !== 'query' ||
    node.requires ||
    node.inputRewrites?.length ||
    node.outputRewrites?.length
  )
    return null;
  const url = subgraphUrls[node.serviceName];
  if (!url) return null;
  const client = onlyOperation(query, operationName);
  const fetched = onlyOperation(node.operation, null);
  if (!client || !fetched || client !== fetched) return null;
  return { url, variableUsages: node.variableUsages ?? [] };
}

/** The document's single operation printed without its name, or null (fragments, several operations, a parse error). */
function onlyOperation(text: string, operationName: string | null): string | null {
  let document: DocumentNode;
  try {
    document = parse(text, { noLocation: true });
  } catch {
    return null;
  }
  if (document.definitions.length !== 1) return null;
  const operation = document.definitions[0] as OperationDefinitionNode;
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return null;
  if (operationName !== null && operation.name?.value !== operationName) return null;
  return print({ ...operation, name: undefined });
}

/** Apollo Server's choice of content type for a single result (null: it would answer 406). */
function contentTypeFor(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  return (
    new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE, CALLBACK_TYPE]) ??
    null
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
