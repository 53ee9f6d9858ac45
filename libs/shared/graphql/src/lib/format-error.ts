// The one mapper from errors to what a client sees. Domain errors keep their message and carry
// `extensions.code` (the API category) and `extensions.reason` (the domain code). GraphQL's own
// request errors pass through. Anything else is masked: no stack, SQL or entity names leave.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isAppError, withoutSchemaSuggestions } from '@lattice/shared-util-errors';
import { activeSpan, graphqlErrors, logger, recordFailure } from '@lattice/shared-util-observability';

const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'QUERY_TOO_COMPLEX',
]);

export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Subgraphs are reached only through the gateway, which decides what the public may learn.
  formatted = { ...formatted, message: withoutSchemaSuggestions(formatted.message) };
  const original = unwrap(error);
  if (isAppError(original)) {
    if (original.category === 'INTERNAL_SERVER_ERROR') return masked(formatted, original);
    graphqlErrors.inc({ code: original.category });
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.category,
        reason: original.code,
        ...(original.details ? { details: original.details } : {}),
        ...(typeof original.details?.['retryAfterSeconds'] === 'number'
          ? { retryAfter: original.details['retryAfterSeconds'] }
          : {}),
      },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && PASS_THROUGH.has(code) && !isUnexpected(original)) {
    graphqlErrors.inc({ code });
    const {
      stacktrace: _stack,
      exception: _exception,
      ...extensions
    } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  return masked(formatted, original);
}

/** The error a resolver threw, beneath GraphQL's (and Apollo's) wrappers. */
function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/** Resolver errors that are plain Errors (TypeORM, pg, bugs) are never shown as they are. */
function isUnexpected(original: unknown): boolean {
  return original instanceof Error && !(original instanceof GraphQLError);
}

/** Every error answered as INTERNAL_SERVER_ERROR leaves one log line with its cause, stack and request id (the logger adds it), and marks the request's span failed. */
function masked(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  graphqlErrors.inc({ code: 'INTERNAL_SERVER_ERROR' });
  recordFailure(activeSpan(), original);
  logger('graphql').error(
    {
      err: original instanceof Error ? original : new Error(String(original)),
      path: formatted.path?.join('.'),
      message: formatted.message,
    },
    'internal server error',
  );
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
