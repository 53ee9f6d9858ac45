import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { describeWithRedis, testRedisUrl } from '@lattice/shared-testing';
import { createRedisClient, type RedisClient } from '@lattice/shared-redis';
import { RateLimiter } from './rate-limiter';
import { RATE_LIMIT_DEFAULTS } from './rate-limit.rules';

describeWithRedis('RateLimiter on Redis', () => {
  const prefix = `lattice-test-${randomUUID()}`;
  let redis: RedisClient;
  beforeAll(async () => {
    redis = createRedisClient(
      { url: testRedisUrl() },
      { name: 'rate-limit-test', mode: 'fail-fast', log: () => undefined },
    );
    await new Promise<void>((resolve) =>
      redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve()),
    );
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('holds the default limits across processes (two limiters, one Redis)', async () => {
    const a = new RateLimiter({ redis, prefix, rules: RATE_LIMIT_DEFAULTS });
    const b = new RateLimiter({ redis, prefix, rules: RATE_LIMIT_DEFAULTS });
    const { points } = RATE_LIMIT_DEFAULTS.SIGNUP_ADDRESS;
    for (let i = 0; i < points; i++) await (i % 2 ? a : b).consume('SIGNUP_ADDRESS', '198.51.100.4');
    const refused = await a.consume('SIGNUP_ADDRESS', '198.51.100.4').catch((error: unknown) => error);
    expect(refused).toMatchObject({ category: 'RATE_LIMITED', details: { limit: 'SIGNUP_ADDRESS' } });
    const wait = (refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
    expect(wait).toBeGreaterThan(RATE_LIMIT_DEFAULTS.SIGNUP_ADDRESS.seconds - 60);
    expect(wait).toBeLessThanOrEqual(RATE_LIMIT_DEFAULTS.SIGNUP_ADDRESS.seconds);
    // The counter lives in Redis under the prefix, keyed by a hash: no address in clear.
    const keys = await redis.keys(`${prefix}:rl:SIGNUP_ADDRESS:*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('198.51.100.4');
  });

  it('fails ten-plus wrong log-ins for one account, and a reset clears them', async () => {
    const limiter = new RateLimiter({ redis, prefix, rules: RATE_LIMIT_DEFAULTS });
    const { points } = RATE_LIMIT_DEFAULTS.LOGIN_ACCOUNT;
    const answers = [];
    for (let i = 0; i < 15; i++)
      answers.push(
        await limiter.consume('LOGIN_ACCOUNT', 'victim@example.org').then(
          () => 'counted',
          (error: { category: string }) => error.category,
        ),
      );
    expect(answers.filter((a) => a === 'counted')).toHaveLength(points);
    expect(answers.slice(points).every((a) => a === 'RATE_LIMITED')).toBe(true);
    await limiter.reset('LOGIN_ACCOUNT', 'victim@example.org');
    await expect(limiter.consume('LOGIN_ACCOUNT', 'victim@example.org')).resolves.toBeUndefined();
  });
});

describe('RateLimiter without Redis', () => {
  let deadServer: Server;
  let deadUrl: string;
  beforeAll(async () => {
    // A port that accepts and closes at once: a Redis that is not there.
    deadServer = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => deadServer.listen(0, '127.0.0.1', () => resolve()));
    const address = deadServer.address();
    deadUrl = `redis://127.0.0.1:${typeof address === 'object' && address ? address.port : 1}`;
  });
  afterAll(() => new Promise<void>((resolve) => deadServer.close(() => resolve())));

  it('still limits, in process, with the same rules', async () => {
    const redis = createRedisClient(
      { url: deadUrl },
      { name: 'rate-limit-test-dead', mode: 'fail-fast', log: () => undefined },
    );
    try {
      const limiter = new RateLimiter({ redis, prefix: 'dead', rules: RATE_LIMIT_DEFAULTS });
      const { points } = RATE_LIMIT_DEFAULTS.LOGIN_ACCOUNT;
      for (let i = 0; i < points; i++) await limiter.consume('LOGIN_ACCOUNT', 'ada@example.org');
      await expect(limiter.consume('LOGIN_ACCOUNT', 'ada@example.org')).rejects.toMatchObject({
        category: 'RATE_LIMITED',
      });
    } finally {
      redis.disconnect();
    }
  });
});
