// The constant path of a reset request: a known and an unknown address go through the same steps
// (look-up, token, hash, seal, the same statements in a savepoint) and get the same answer; only
// the savepoint's end differs (released for an account, rolled back for none).
import type { DataSource, EntityManager } from 'typeorm';
import type { RateLimiter } from '@lattice/shared-rate-limit';
import type { UserEntity } from '@lattice/identity-data-access';
import { PasswordResetLinks } from '../shared/password-reset-links';
import type { IdentityOptions } from '../shared/identity.options';
import { RequestPasswordResetUseCase } from './request-password-reset.use-case';

const KEY = Buffer.alloc(32, 7);
const known = {
  id: '6f1c1e0e-0000-4000-8000-000000000001',
  email: 'ada@example.org',
  name: 'Ada',
  locale: 'fr',
} as UserEntity;

/** A use case whose database is a recording fake: every statement, in order, with what it returned. */
function harness(userInDatabase: UserEntity | null) {
  const steps: string[] = [];
  const manager = {
    queryRunner: { isTransactionActive: true },
    createQueryBuilder: () => ({
      where: () => ({
        getOne: async () => {
          steps.push('look up the address');
          return userInDatabase;
        },
      }),
    }),
    query: async (sql: string) => {
      steps.push(
        sql
          .replace(/\s+/g, ' ')
          .replace(/VALUES .*/, 'VALUES …')
          .trim(),
      );
      return [];
    },
    insert: async () => {
      steps.push('INSERT password_resets');
      return {};
    },
  } as unknown as EntityManager;
  const dataSource = {
    transaction: async (work: (m: EntityManager) => Promise<unknown>) => work(manager),
  } as unknown as DataSource;
  const limits = { consumeAll: jest.fn(async () => undefined) } as unknown as RateLimiter;
  const links = new PasswordResetLinks({
    publicBaseUrl: 'https://lattice.test',
    invitationLinkKey: KEY,
  } as IdentityOptions);
  const prepare = jest.spyOn(links, 'prepare');
  const write = jest.spyOn(links, 'write');
  return {
    useCase: new RequestPasswordResetUseCase(dataSource, links, limits),
    steps,
    prepare,
    write,
    limits,
  };
}

describe('RequestPasswordResetUseCase: the same work whether or not the address has an account', () => {
  it('runs the same steps and answers the same for a known and an unknown address', async () => {
    const a = harness(known);
    const b = harness(null);
    const answerA = await a.useCase.execute('Ada@Example.org', '203.0.113.7');
    const answerB = await b.useCase.execute('nobody@example.org', '203.0.113.7');
    expect(answerA).toEqual(answerB);
    expect(answerA).toBeUndefined();

    const common = [
      'look up the address',
      'SAVEPOINT password_reset',
      'SET CONSTRAINTS "identity"."password_resets_user_id_fkey" DEFERRED',
      'INSERT INTO "identity"."outbox" ("id", "type", "actor_id", "payload", "metadata") VALUES …',
      "SELECT pg_notify('lattice_outbox', $1)",
      'INSERT password_resets',
    ];
    expect(a.steps).toEqual([...common, 'RELEASE SAVEPOINT password_reset']);
    expect(b.steps).toEqual([...common, 'ROLLBACK TO SAVEPOINT password_reset']);

    // Both prepared a real token, hash and sealed link, and an event of the same shape.
    expect(a.prepare).toHaveBeenCalledTimes(1);
    expect(b.prepare).toHaveBeenCalledTimes(1);
    const eventA = (
      a.write.mock.calls[0]![1] as { event: { type: string; payload: Record<string, unknown> } }
    ).event;
    const eventB = (
      b.write.mock.calls[0]![1] as { event: { type: string; payload: Record<string, unknown> } }
    ).event;
    expect(eventB.type).toBe(eventA.type);
    expect(Object.keys(eventB.payload).sort()).toEqual(Object.keys(eventA.payload).sort());
    expect(String(eventB.payload['sealedResetUrl']).length).toBe(
      String(eventA.payload['sealedResetUrl']).length,
    );
    expect(a.write.mock.calls[0]![2]).toBe(true);
    expect(b.write.mock.calls[0]![2]).toBe(false);
    // Both counted against the same limits.
    expect(a.limits.consumeAll).toHaveBeenCalledWith([
      ['PASSWORD_RESET_ACCOUNT', 'ada@example.org'],
      ['PASSWORD_RESET_ADDRESS', '203.0.113.7'],
    ]);
  });

  it('lets a failure for a real account through (nothing is half-written)', async () => {
    const broken = harness(known);
    const links = (broken.useCase as unknown as { links: PasswordResetLinks }).links;
    jest.spyOn(links, 'prepare').mockImplementation(() => {
      throw new Error('sealing failed');
    });
    await expect(broken.useCase.execute('ada@example.org', '203.0.113.7')).rejects.toThrow('sealing failed');
  });
});
