import { GraphQLError } from 'graphql';
import { formatGatewayError } from './gateway-error';

describe('formatGatewayError', () => {
  it('keeps a typed error and drops everything else', () => {
    const out = formatGatewayError({
      message: 'No such need',
      path: ['skillNeed'],
      extensions: {
        code: 'NOT_FOUND',
        reason: 'MARKETPLACE.NEED_NOT_FOUND',
        serviceName: 'marketplace',
        exception: { stacktrace: ['at x'] },
      },
    });
    expect(out).toEqual({
      message: 'No such need',
      path: ['skillNeed'],
      locations: undefined,
      extensions: { code: 'NOT_FOUND', reason: 'MARKETPLACE.NEED_NOT_FOUND' },
    });
  });

  it('masks unknown and internal errors', () => {
    const out = formatGatewayError({
      message: 'relation "identity.users" does not exist',
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'identity' },
    });
    expect(out).toEqual({
      message: 'Internal server error',
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(formatGatewayError({ message: 'connect ECONNREFUSED 127.0.0.1:4002' }).message).toBe(
      'Internal server error',
    );
  });

  it("answers the client's own faults that Apollo leaves uncoded as client errors, not internal ones", () => {
    const unknownOperation = formatGatewayError(
      { message: 'Unknown operation named "Three".', extensions: { code: 'INVALID_GRAPHQL' } },
      new GraphQLError('Unknown operation named "Three".', { extensions: { code: 'INVALID_GRAPHQL' } }),
    );
    expect(unknownOperation.extensions).toEqual({ code: 'OPERATION_RESOLUTION_FAILURE' });
    expect(unknownOperation.message).toBe('Unknown operation named "Three".');
    const mismatch = formatGatewayError(
      { message: 'provided sha does not match query', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } }),
    );
    expect(mismatch.extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('answers a subgraph that did not answer (a replica died holding the request) as SERVICE_UNAVAILABLE, retryable', () => {
    const badGateway = formatGatewayError({
      message: '502: Bad Gateway',
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'identity', response: { status: 502 } },
    });
    expect(badGateway).toEqual({
      message: 'A service did not answer; try again.',
      path: undefined,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 1 },
    });
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const wrapped = new GraphQLError(
      'Error while fetching subquery from service "marketplace": other side closed',
      { originalError: reset, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    );
    expect(
      formatGatewayError({ message: wrapped.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped)
        .extensions,
    ).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfter: 1 });
    // A subgraph's own internal error stays opaque and internal.
    expect(
      formatGatewayError({
        message: 'boom',
        extensions: { code: 'INTERNAL_SERVER_ERROR', response: { status: 500 } },
      }).extensions,
    ).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
