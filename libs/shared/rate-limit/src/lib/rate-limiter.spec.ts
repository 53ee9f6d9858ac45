import { loadEnv } from '@lattice/shared-util-config';
import { RateLimiter } from './rate-limiter';
import { RATE_LIMIT_DEFAULTS, rateLimitEnv, rateLimitRulesFrom } from './rate-limit.rules';
import { clientAddressOf, trustProxyEnv } from './client-address';

describe('RateLimiter (in-process)', () => {
  const rules = { ...RATE_LIMIT_DEFAULTS, LOGIN_ACCOUNT: { points: 3, seconds: 60 } };

  it('answers RATE_LIMITED with the seconds to wait once the budget is spent', async () => {
    const limiter = new RateLimiter({ redis: null, prefix: 'unit', rules });
    for (let i = 0; i < 3; i++) await limiter.consume('LOGIN_ACCOUNT', 'ada@example.org');
    await expect(limiter.consume('LOGIN_ACCOUNT', 'ada@example.org')).rejects.toMatchObject({
      category: 'RATE_LIMITED',
      code: 'COMMON.RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number), limit: 'LOGIN_ACCOUNT' },
    });
    // Case does not give an attacker a fresh budget; another subject has its own.
    await expect(limiter.consume('LOGIN_ACCOUNT', 'ADA@example.org')).rejects.toMatchObject({
      category: 'RATE_LIMITED',
    });
    await expect(limiter.consume('LOGIN_ACCOUNT', 'grace@example.org')).resolves.toBeUndefined();
  });

  it('forgets a subject on reset, and counts every rule in consumeAll', async () => {
    const limiter = new RateLimiter({ redis: null, prefix: 'unit', rules });
    for (let i = 0; i < 3; i++) await limiter.consume('LOGIN_ACCOUNT', 'a');
    await limiter.reset('LOGIN_ACCOUNT', 'a');
    await expect(limiter.consume('LOGIN_ACCOUNT', 'a')).resolves.toBeUndefined();
    await expect(
      limiter.consumeAll([
        ['LOGIN_ACCOUNT', 'a'],
        ['LOGIN_ADDRESS', '203.0.113.9'],
      ]),
    ).resolves.toBeUndefined();
    await expect(
      limiter.consumeAll([
        ['LOGIN_ACCOUNT', 'a'],
        ['LOGIN_ADDRESS', '203.0.113.9'],
      ]),
    ).resolves.toBeUndefined();
    await expect(
      limiter.consumeAll([
        ['LOGIN_ADDRESS', '203.0.113.9'],
        ['LOGIN_ACCOUNT', 'a'],
      ]),
    ).rejects.toMatchObject({ category: 'RATE_LIMITED' });
  });
});

describe('rate limit configuration', () => {
  it('reads RATE_LIMIT_<RULE>=points/seconds, with defaults', () => {
    const config = loadEnv(rateLimitEnv, { RATE_LIMIT_LOGIN_ACCOUNT: '5/60' });
    const rules = rateLimitRulesFrom(config);
    expect(rules.LOGIN_ACCOUNT).toEqual({ points: 5, seconds: 60 });
    expect(rules.SIGNUP_ADDRESS).toEqual(RATE_LIMIT_DEFAULTS.SIGNUP_ADDRESS);
  });

  it('names a malformed rule', () => {
    expect(() => loadEnv(rateLimitEnv, { RATE_LIMIT_SIGNUP_ADDRESS: 'lots' })).toThrow(
      /RATE_LIMIT_SIGNUP_ADDRESS: must be <points>\/<seconds>/,
    );
    expect(() => loadEnv(rateLimitEnv, { RATE_LIMIT_SIGNUP_ADDRESS: '0/60' })).toThrow(/at least 1/);
  });

  it('never trusts every proxy', () => {
    const schema = { TRUST_PROXY: trustProxyEnv('false') };
    expect(loadEnv(schema, {}).TRUST_PROXY).toBe(false);
    expect(loadEnv(schema, { TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
    expect(loadEnv(schema, { TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(() => loadEnv(schema, { TRUST_PROXY: 'true' })).toThrow(/trust any client/);
  });

  it('counts an IPv4 client once whether or not the socket is dual-stack', () => {
    expect(clientAddressOf({ ip: '::ffff:203.0.113.7' })).toBe('203.0.113.7');
    expect(clientAddressOf({ ip: '2001:db8::1' })).toBe('2001:db8::1');
    expect(clientAddressOf({ socket: { remoteAddress: '127.0.0.1' } })).toBe('127.0.0.1');
  });
});
