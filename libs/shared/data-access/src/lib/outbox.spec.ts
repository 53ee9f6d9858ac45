// The outbox, beside its library: events are written by the transaction that makes the change
// (never outside one), all of a transaction's events in one INSERT, then a NOTIFY the relay hears
// at commit; inTransaction appends what the work emitted, and nothing when the work throws.
import type { DataSource, EntityManager } from 'typeorm';
import { appendToOutbox } from './outbox';
import { inTransaction } from './transaction';

function recordingManager(inTransactionNow = true) {
  const statements: Array<{ sql: string; values: unknown[] }> = [];
  const manager = {
    queryRunner: { isTransactionActive: inTransactionNow },
    query: async (sql: string, values: unknown[] = []) =>
      void statements.push({ sql: sql.replace(/\s+/g, ' '), values }),
  } as unknown as EntityManager;
  return { manager, statements };
}

describe('appendToOutbox', () => {
  it('refuses to run outside a transaction', async () => {
    const { manager, statements } = recordingManager(false);
    await expect(
      appendToOutbox(manager, 'identity', [
        {
          type: 'identity.user.email_verified',
          actorId: 'u',
          payload: { userId: 'u', email: 'a@example.org' },
        },
      ]),
    ).rejects.toThrow(/inside the transaction/);
    expect(statements).toEqual([]);
  });

  it('writes every event in one INSERT into the schema’s outbox, with fresh ids, then notifies the relay', async () => {
    const { manager, statements } = recordingManager();
    const ids = await appendToOutbox(manager, 'identity', [
      {
        type: 'identity.user.email_verified',
        actorId: 'u1',
        payload: { userId: 'u1', email: 'a@example.org' },
      },
      {
        type: 'identity.user.email_verified',
        actorId: null,
        payload: { userId: 'u2', email: 'b@example.org' },
      },
    ]);
    expect(new Set(ids).size).toBe(2);
    expect(statements).toHaveLength(2);
    expect(statements[0]!.sql).toContain('INSERT INTO "identity"."outbox"');
    expect(statements[0]!.values).toEqual([
      ids[0],
      'identity.user.email_verified',
      'u1',
      JSON.stringify({ userId: 'u1', email: 'a@example.org' }),
      expect.any(String),
      ids[1],
      'identity.user.email_verified',
      null,
      expect.any(String),
      expect.any(String),
    ]);
    expect(statements[1]).toEqual({ sql: `SELECT pg_notify('lattice_outbox', $1)`, values: ['identity'] });
  });

  it('writes nothing for no events', async () => {
    const { manager, statements } = recordingManager();
    await expect(appendToOutbox(manager, 'identity', [])).resolves.toEqual([]);
    expect(statements).toEqual([]);
  });
});

describe('inTransaction', () => {
  const dataSourceOn = (manager: EntityManager) =>
    ({
      transaction: async (work: (m: EntityManager) => Promise<unknown>) => work(manager),
    }) as unknown as DataSource;

  it('appends what the work emitted, after the work, in the same transaction', async () => {
    const { manager, statements } = recordingManager();
    const result = await inTransaction(dataSourceOn(manager), 'marketplace', async ({ manager: m, emit }) => {
      await m.query('UPDATE something');
      emit({ type: 'marketplace.need.closed', actorId: 'u', payload: { needId: 'n', organizationId: 'o' } });
      return 'done';
    });
    expect(result).toBe('done');
    expect(statements.map((s) => s.sql.split(' (')[0])).toEqual([
      'UPDATE something',
      'INSERT INTO "marketplace"."outbox"',
      `SELECT pg_notify('lattice_outbox', $1)`,
    ]);
  });

  it('appends nothing when the work throws', async () => {
    const { manager, statements } = recordingManager();
    await expect(
      inTransaction(dataSourceOn(manager), 'marketplace', async ({ emit }) => {
        emit({
          type: 'marketplace.need.closed',
          actorId: 'u',
          payload: { needId: 'n', organizationId: 'o' },
        });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(statements).toEqual([]);
  });
});
