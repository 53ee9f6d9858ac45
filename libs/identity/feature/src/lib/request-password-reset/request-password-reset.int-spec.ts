// The constant-path reset request against the real schema and Redis: a known address leaves one
// reset row and one sealed event; an unknown one leaves nothing (its decoy row and event were
// written in a savepoint and rolled back), without a failed statement; both answer the same.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDataSource } from '@lattice/shared-data-access';
import { describeWithRedis, testDatabaseUrl, testRedisUrl } from '@lattice/shared-testing';
import { RATE_LIMIT_DEFAULTS, RateLimiter } from '@lattice/shared-rate-limit';
import { createRedisClient, type RedisClient } from '@lattice/shared-redis';
import { identityDataSource, UserEntity } from '@lattice/identity-data-access';
import { PasswordResetLinks } from '../shared/password-reset-links';
import type { IdentityOptions } from '../shared/identity.options';
import { RequestPasswordResetUseCase } from './request-password-reset.use-case';

describeWithRedis('requestPasswordReset: the same work for any address', () => {
  let db: DataSource;
  let redis: RedisClient;
  let useCase: RequestPasswordResetUseCase;
  beforeAll(async () => {
    db = await openDataSource(identityDataSource(testDatabaseUrl('int'), 3));
    redis = createRedisClient(
      { url: testRedisUrl() },
      { name: 'reset-int-spec', mode: 'fail-fast', log: () => undefined },
    );
    const limits = new RateLimiter({ redis, prefix: `test:${randomUUID()}`, rules: RATE_LIMIT_DEFAULTS });
    const links = new PasswordResetLinks({
      publicBaseUrl: 'https://lattice.test',
      invitationLinkKey: Buffer.alloc(32, 3),
    } as IdentityOptions);
    useCase = new RequestPasswordResetUseCase(db, links, limits);
  });
  afterAll(async () => {
    await db?.destroy();
    redis?.disconnect();
  });

  const rows = async (email: string) => ({
    resets: (
      (await db.query(`SELECT count(*)::int AS n FROM "identity"."password_resets" WHERE "email" = $1`, [
        email,
      ])) as Array<{ n: number }>
    )[0]!.n,
    events: (
      (await db.query(
        `SELECT count(*)::int AS n FROM "identity"."outbox" WHERE "type" = 'identity.password_reset.requested' AND "payload"->>'email' = $1`,
        [email],
      )) as Array<{ n: number }>
    )[0]!.n,
  });

  it('writes a reset for a known address and nothing for an unknown one, answering the same', async () => {
    const email = `reset-${randomUUID().slice(0, 8)}@example.org`;
    await db.getRepository(UserEntity).insert({
      id: randomUUID(),
      email,
      name: 'Reset Person',
      passwordHash: 'x',
      locale: 'en',
    } as UserEntity);
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.org`;
    const failures: string[] = [];
    const logger = db.logger as { logQueryError: (...args: unknown[]) => void };
    const original = logger.logQueryError.bind(logger);
    logger.logQueryError = (error: unknown, query: unknown) => void failures.push(String(query));
    try {
      expect(await useCase.execute(email.toUpperCase(), '198.51.100.4')).toEqual(
        await useCase.execute(unknown, '198.51.100.4'),
      );
    } finally {
      logger.logQueryError = original;
    }
    expect(failures).toEqual([]);
    expect(await rows(email)).toEqual({ resets: 1, events: 1 });
    expect(await rows(unknown)).toEqual({ resets: 0, events: 0 });
    const [event] = (await db.query(
      `SELECT "payload" FROM "identity"."outbox" WHERE "type" = 'identity.password_reset.requested' AND "payload"->>'email' = $1`,
      [email],
    )) as Array<{ payload: Record<string, unknown> }>;
    expect(event!.payload['sealedResetUrl']).toEqual(expect.any(String));
    expect(JSON.stringify(event!.payload)).not.toContain('reset-password?token=');
  });
});
