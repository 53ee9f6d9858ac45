// What leaves the gateway: a subgraph's typed error keeps its message, code, reason and details;
// everything else (stack traces, SQL, service names, unexpected failures) becomes one opaque line.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CATEGORIES, withoutSchemaSuggestions } from '@lattice/shared-util-errors';
import { activeSpan, graphqlErrors, logger, recordFailure } from '@lattice/shared-util-observability';

const CLIENT_CODES = new Set<string>([
  ...ERROR_CATEGORIES.filter((category) => category !== 'INTERNAL_SERVER_ERROR'),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** `schemaHints: false` (introspection off) strips graphql-js's "Did you mean …" suggestions. */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error?: unknown,
  options: { schemaHints?: boolean } = {},
): GraphQLFormattedError {
  if (options.schemaHints === false)
    formatted = { ...formatted, message: withoutSchemaSuggestions(formatted.message) };
  const extensions = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = clientCodeOfUncoded(extensions['code'], formatted.message, error);
  if (code && CLIENT_CODES.has(code)) {
    const kept: Record<string, unknown> = { code };
    if (typeof extensions['reason'] === 'string') kept['reason'] = extensions['reason'];
    if (extensions['details'] && typeof extensions['details'] === 'object')
      kept['details'] = extensions['details'];
    if (typeof extensions['retryAfter'] === 'number') kept['retryAfter'] = extensions['retryAfter'];
    graphqlErrors.inc({ code });
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: kept,
    };
  }
  logInternal(formatted, error, code, extensions);
  if (subgraphUnavailable(extensions, error)) {
    graphqlErrors.inc({ code: 'SERVICE_UNAVAILABLE' });
    return {
      message: 'A service did not answer; try again.',
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 1 },
    };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

const UNREACHABLE = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * A subgraph that did not answer — its replica died holding the request (a load balancer's 502 or
 * 503, or a reset connection), or none was reachable: the client may try again (the mutation may
 * or may not have been applied), so it is SERVICE_UNAVAILABLE, not an opaque internal error.
 */
export function subgraphUnavailable(extensions: Record<string, unknown>, error: unknown): boolean {
  const status = (extensions['response'] as { status?: unknown } | undefined)?.status;
  if (status === 502 || status === 503 || status === 504) return true;
  let cause: unknown = error;
  for (let depth = 0; depth < 6 && cause; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
    const response = (
      (cause as { extensions?: Record<string, unknown> }).extensions?.['response'] as
        { status?: unknown } | undefined
    )?.status;
    if (response === 502 || response === 503 || response === 504) return true;
    cause =
      (cause as { originalError?: unknown; cause?: unknown }).originalError ??
      (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The request's own faults that Apollo raises without one of our codes: the gateway's planner
 * names an unknown operation INVALID_GRAPHQL, and a persisted query whose hash does not match
 * its text comes with HTTP 400 and no code. They are the client's to fix, not internal errors.
 */
function clientCodeOfUncoded(code: unknown, message: string, error: unknown): string | undefined {
  if (code === 'INVALID_GRAPHQL')
    return /^(Unknown operation named|Must provide an operation)/.test(message)
      ? 'OPERATION_RESOLUTION_FAILURE'
      : 'GRAPHQL_VALIDATION_FAILED';
  // Apollo names an uncoded error INTERNAL_SERVER_ERROR before it reaches us; its HTTP status tells.
  if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
    const http =
      error instanceof GraphQLError
        ? (error.extensions?.['http'] as { status?: unknown } | undefined)
        : undefined;
    if (typeof http?.status === 'number' && http.status >= 400 && http.status < 500) return 'BAD_REQUEST';
  }
  return typeof code === 'string' ? code : undefined;
}

/**
 * Every error the gateway answers as INTERNAL_SERVER_ERROR leaves a line with its cause and the
 * request id: a subgraph's own internal error (that subgraph logged its stack under the same id),
 * or a failure between the gateway and a subgraph (connection reset, timeout, bad answer), which
 * only the gateway sees.
 */
function logInternal(
  formatted: GraphQLFormattedError,
  error: unknown,
  code: string | undefined,
  extensions: Record<string, unknown>,
): void {
  graphqlErrors.inc({ code: 'INTERNAL_SERVER_ERROR' });
  let cause: unknown = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  recordFailure(activeSpan(), cause ?? formatted.message);
  logger('gateway').error(
    {
      err: cause instanceof Error ? cause : new Error(formatted.message),
      path: formatted.path?.join('.'),
      code: code ?? null,
      subgraph: typeof extensions['serviceName'] === 'string' ? extensions['serviceName'] : undefined,
      message: formatted.message,
    },
    'internal server error',
  );
}
