// The outbox contract against real Postgres, for any queue driver (one Redis, a Redis Cluster, the
// in-process queue): events commit with the change or not at all, the relay sends each one with
// jobId = event id, never twice at once, and re-sends what a crash left unsent.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '@lattice/shared-contracts';
import {
  appendToOutbox,
  inTransaction,
  OutboxRelay,
  outboxMetadataSql,
  outboxRepublishSql,
  outboxTableSql,
} from '@lattice/shared-data-access';
import type { QueuePort } from '@lattice/shared-queue';
import { waitUntil } from './queue-contract';
import { testDatabaseUrl } from './test-database';

const url = testDatabaseUrl('int');

export async function scratchSchema(dataSource: DataSource): Promise<string> {
  const schema = `outbox_${randomUUID().slice(0, 8)}`;
  await dataSource.query(`CREATE SCHEMA "${schema}"`);
  for (const statement of [
    ...outboxTableSql(schema).up,
    ...outboxRepublishSql(schema).up,
    ...outboxMetadataSql(schema).up,
  ])
    await dataSource.query(statement);
  await dataSource.query(`CREATE TABLE "${schema}"."things" ("id" uuid PRIMARY KEY)`);
  return schema;
}

export function signedUp(userId: string) {
  return {
    type: 'identity.user.signed_up' as const,
    actorId: userId,
    payload: { userId, email: `${userId}@x.org`, name: 'N', locale: 'en' },
  };
}

/** Registers the outbox relay suite as jest tests on a fresh queue from `makeQueue` per test. */
export function runRelaySuite(label: string, makeQueue: () => QueuePort): void {
  describe(`outbox relay on the ${label} driver`, () => {
    let dataSource: DataSource;
    let queue: QueuePort;
    let schema: string;
    const received: DomainEvent[] = [];

    beforeAll(async () => {
      dataSource = await new DataSource({ type: 'postgres', url }).initialize();
    });
    afterAll(async () => {
      await dataSource.destroy();
    });
    beforeEach(async () => {
      schema = await scratchSchema(dataSource);
      queue = makeQueue();
      received.length = 0;
      await queue.consume('notifications-events', async (job) => void received.push(job.data as DomainEvent));
    });
    afterEach(async () => {
      await queue.close();
    });

    it('writes events with the change, and nothing when the transaction rolls back', async () => {
      const id = randomUUID();
      await inTransaction(dataSource, schema, async ({ manager, emit }) => {
        await manager.query(`INSERT INTO "${schema}"."things" VALUES ($1)`, [id]);
        emit(signedUp(id));
      });
      await expect(
        inTransaction(dataSource, schema, async ({ manager, emit }) => {
          await manager.query(`INSERT INTO "${schema}"."things" VALUES ($1)`, [randomUUID()]);
          emit(signedUp(randomUUID()));
          throw new Error('use case failed');
        }),
      ).rejects.toThrow('use case failed');
      const rows = await dataSource.query(`SELECT type, payload FROM "${schema}"."outbox"`);
      expect(rows).toEqual([
        { type: 'identity.user.signed_up', payload: expect.objectContaining({ userId: id }) },
      ]);
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}"."things"`)).toEqual([
        { n: 1 },
      ]);
    });

    it('refuses to append outside a transaction', async () => {
      await expect(appendToOutbox(dataSource.manager, schema, [signedUp(randomUUID())])).rejects.toThrow(
        /inside the transaction/,
      );
    });

    it('relays every event once, in order, with jobId = event id, and marks them sent', async () => {
      const ids = Array.from({ length: 25 }, () => randomUUID());
      for (const id of ids) await inTransaction(dataSource, schema, async ({ emit }) => emit(signedUp(id)));
      const relay = new OutboxRelay({ databaseUrl: url, schema, queue, batchSize: 10 });
      expect(await relay.relayBatch()).toBe(10);
      expect(await relay.relayBatch()).toBe(10);
      expect(await relay.relayBatch()).toBe(5);
      expect(await relay.relayBatch()).toBe(0);
      await waitUntil(() => received.length === 25);
      expect(received.map((e) => (e.payload as { userId: string }).userId)).toEqual(
        expect.arrayContaining(ids),
      );
      const outboxIds = (await dataSource.query(
        `SELECT id FROM "${schema}"."outbox" ORDER BY seq`,
      )) as Array<{ id: string }>;
      expect(new Set(received.map((e) => e.id))).toEqual(new Set(outboxIds.map((r) => r.id)));
      expect(await relay.pending()).toBe(0);
      await relay.stop();
    });

    it('never sends a row twice when relays race', async () => {
      for (let i = 0; i < 200; i++)
        await inTransaction(dataSource, schema, async ({ emit }) => emit(signedUp(randomUUID())));
      const relays = [1, 2, 3].map(() => new OutboxRelay({ databaseUrl: url, schema, queue, batchSize: 20 }));
      let sent = 0;
      for (let round = 0; round < 20 && (await relays[0]!.pending()) > 0; round++) {
        const counts = await Promise.all(relays.map((relay) => relay.relayBatch()));
        sent += counts.reduce((a, b) => a + b, 0);
      }
      expect(sent).toBe(200);
      await waitUntil(() => received.length === 200);
      expect(new Set(received.map((e) => e.id)).size).toBe(200);
      await Promise.all(relays.map((relay) => relay.stop()));
    });

    it('re-sends rows a crashed relay left unsent, and consumers see each job once', async () => {
      const id = randomUUID();
      await inTransaction(dataSource, schema, async ({ emit }) => emit(signedUp(id)));
      const relay = new OutboxRelay({ databaseUrl: url, schema, queue });
      await relay.relayBatch();
      // Simulate a crash after the queue accepted the job but before the row was marked sent.
      await dataSource.query(`UPDATE "${schema}"."outbox" SET sent_at = NULL`);
      await relay.relayBatch();
      await waitUntil(() => received.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received.filter((e) => (e.payload as { userId: string }).userId === id)).toHaveLength(1);
      await relay.stop();
    });

    it('leaves rows unsent when the queue refuses them, and sends them once it accepts', async () => {
      await inTransaction(dataSource, schema, async ({ emit }) => emit(signedUp(randomUUID())));
      const broken: QueuePort = {
        ...queue,
        driver: queue.driver,
        addBulk: async () => Promise.reject(new Error('redis down')),
      } as QueuePort;
      const failing = new OutboxRelay({ databaseUrl: url, schema, queue: broken });
      await expect(failing.relayBatch()).rejects.toThrow('redis down');
      expect(await failing.pending()).toBe(1);
      const [row] = (await dataSource.query(
        `SELECT attempts, last_error FROM "${schema}"."outbox"`,
      )) as Array<{ attempts: number; last_error: string }>;
      expect(row).toEqual({ attempts: 1, last_error: 'redis down' });
      await failing.stop();
      const healthy = new OutboxRelay({ databaseUrl: url, schema, queue });
      expect(await healthy.relayBatch()).toBe(1);
      await healthy.stop();
    });

    it('publishes each sent row once more after the delay, so a Redis that lost the job loses no event', async () => {
      const id = randomUUID();
      await inTransaction(dataSource, schema, async ({ emit }) => emit(signedUp(id)));
      const relay = new OutboxRelay({ databaseUrl: url, schema, queue, republishAfterMs: 60_000 });
      expect(await relay.relayBatch()).toBe(1);
      await waitUntil(() => received.length === 1);
      // Not yet due: nothing is published again.
      await relay.relayBatch();
      expect(relay.republishedTotal).toBe(0);
      // Redis loses everything (a new, empty queue), and the row is now past the delay.
      await queue.close();
      queue = makeQueue();
      await queue.consume('notifications-events', async (job) => void received.push(job.data as DomainEvent));
      const relayAfterLoss = new OutboxRelay({ databaseUrl: url, schema, queue, republishAfterMs: 60_000 });
      await dataSource.query(`UPDATE "${schema}"."outbox" SET sent_at = now() - interval '5 minutes'`);
      expect(await relayAfterLoss.relayBatch()).toBe(0);
      expect(relayAfterLoss.republishedTotal).toBe(1);
      await waitUntil(() => received.length === 2);
      expect(received.map((e) => e.id)).toEqual([received[0]!.id, received[0]!.id]);
      // Published twice at most.
      await relayAfterLoss.relayBatch();
      expect(relayAfterLoss.republishedTotal).toBe(1);
      await dataSource.query(`UPDATE "${schema}"."outbox" SET republished_at = now() - interval '8 days'`);
      expect(await relayAfterLoss.prune()).toBe(1);
      await Promise.all([relay.stop(), relayAfterLoss.stop()]);
    });

    it('wakes on commit through LISTEN/NOTIFY, well before the poll interval', async () => {
      const relay = new OutboxRelay({ databaseUrl: url, schema, queue, intervalMs: 60_000 });
      await relay.start();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      await inTransaction(dataSource, schema, async ({ emit }) => emit(signedUp(randomUUID())));
      await waitUntil(() => received.length === 1, 5_000);
      expect(Date.now() - started).toBeLessThan(2_000);
      await relay.stop();
    });
  });
}
