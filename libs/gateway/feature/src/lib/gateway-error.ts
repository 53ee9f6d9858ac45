// What leaves the gateway: a subgraph's typed error keeps its message, code, reason and details;
// everything else (stack traces, SQL, service names, unexpected failures) becomes one opaque line.
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CATEGORIES, withoutSchemaSuggestions } from '@lattice/shared-util-errors';

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
  options: { schemaHints?: boolean } = {},
): GraphQLFormattedError {
  if (options.schemaHints === false)
    formatted = { ...formatted, message: withoutSchemaSuggestions(formatted.message) };
  const extensions = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : undefined;
  if (code && CLIENT_CODES.has(code)) {
    const kept: Record<string, unknown> = { code };
    if (typeof extensions['reason'] === 'string') kept['reason'] = extensions['reason'];
    if (extensions['details'] && typeof extensions['details'] === 'object')
      kept['details'] = extensions['details'];
    if (typeof extensions['retryAfter'] === 'number') kept['retryAfter'] = extensions['retryAfter'];
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: kept,
    };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
