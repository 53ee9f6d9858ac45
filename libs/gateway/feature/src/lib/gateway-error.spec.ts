import { formatGatewayError } from './gateway-error';

describe('formatGatewayError', () => {
  it('keeps a typed error and drops everything else', () => {
    const out = formatGatewayError({
      message: 'No such need',
      path: ['skillNeed'],
      extensions: { code: 'NOT_FOUND', reason: 'MARKETPLACE.NEED_NOT_FOUND', serviceName: 'marketplace', exception: { stacktrace: ['at x'] } },
    });
    expect(out).toEqual({ message: 'No such need', path: ['skillNeed'], locations: undefined, extensions: { code: 'NOT_FOUND', reason: 'MARKETPLACE.NEED_NOT_FOUND' } });
  });

  it('masks unknown and internal errors', () => {
    const out = formatGatewayError({ message: 'relation "identity.users" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'identity' } });
    expect(out).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(formatGatewayError({ message: 'connect ECONNREFUSED 127.0.0.1:4002' }).message).toBe('Internal server error');
  });
});
