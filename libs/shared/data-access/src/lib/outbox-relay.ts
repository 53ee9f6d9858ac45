// Moves committed outbox rows to the queues. Rows are claimed with FOR UPDATE SKIP LOCKED, so
// several relays (replicas) share the work without sending a row twice at once; a row is marked
// sent only after the queue accepted it, in the same transaction that claimed it.
import { Pool } from 'pg';
import { ResilientPgClient } from './data-source';
import { isDomainEventType, queuesFor } from '@lattice/shared-contracts';
import type { QueuePort } from '@lattice/shared-queue';
import { logger, outboxLag, outboxRelayed, outboxUnsent } from '@lattice/shared-util-observability';
import { toDomainEvent, type OutboxRow } from './outbox';

export interface OutboxRelayOptions {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly queue: QueuePort;
  readonly batchSize?: number;
  /** Poll interval when no notification arrives (NOTIFY wakes it sooner). */
  readonly intervalMs?: number;
  /** How long after sending a row is published once more (see outboxRepublishSql). */
  readonly republishAfterMs?: number;
  readonly log?: (line: string) => void;
}

export class OutboxRelay {
  private readonly pool: Pool;
  private listener?: ResilientPgClient;
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = true;
  private wakeRequested = false;
  private lastError: string | null = null;
  private lastRunAt = 0;
  sentTotal = 0;
  republishedTotal = 0;
  private lastPrunedAt = 0;
  private lastMeasuredAt = 0;
  private readonly log = logger('outbox-relay');

  constructor(private readonly options: OutboxRelayOptions) {
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 2, Client: ResilientPgClient });
    this.pool.on('error', () => undefined);
  }

  get schema(): string {
    return this.options.schema;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.schedule(0);
  }

  private async listen(): Promise<void> {
    try {
      const client = new ResilientPgClient({ connectionString: this.options.databaseUrl });
      client.on('error', () => {
        this.listener = undefined;
      });
      client.on('notification', (message) => {
        if (message.payload === this.options.schema) this.wake();
      });
      await client.connect();
      await client.query('LISTEN lattice_outbox');
      this.listener = client;
    } catch {
      this.listener = undefined; // polling still delivers; we retry LISTEN on the next pass
    }
  }

  wake(): void {
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    let sent = 0;
    try {
      if (!this.listener) await this.listen();
      sent = await this.relayBatch();
      if (Date.now() - this.lastPrunedAt > 10 * 60_000) await this.prune();
      if (Date.now() - this.lastMeasuredAt > 5_000) await this.measureLag();
      if (this.lastError !== null) this.log.info({ schema: this.options.schema }, 'outbox relay recovered');
      this.lastError = null;
    } catch (error) {
      // Logged once per outage, not once per retry.
      if (this.lastError === null)
        this.log.error({ err: error, schema: this.options.schema }, 'outbox relay failed; retrying');
      this.lastError = (error as Error).message;
    } finally {
      this.running = false;
      this.lastRunAt = Date.now();
      const full = sent >= (this.options.batchSize ?? 500);
      const again = full || this.wakeRequested;
      this.wakeRequested = false;
      this.schedule(again ? 0 : this.lastError ? 1_000 : (this.options.intervalMs ?? 1_000));
    }
  }

  /** Sends one batch; returns how many rows were sent. Exposed for tests and benchmarks. */
  async relayBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const limit = this.options.batchSize ?? 500;
      const { rows: unsent } = await client.query<OutboxRow>(
        `SELECT "seq", "id", "type", "actor_id", "payload", "metadata", "occurred_at", false AS "republish" FROM "${this.options.schema}"."outbox"
          WHERE "sent_at" IS NULL ORDER BY "seq" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      // Then rows sent long enough ago to be published once more (same job id; see outboxRepublishSql).
      const { rows: due } =
        unsent.length < limit
          ? await client.query<OutboxRow>(
              `SELECT "seq", "id", "type", "actor_id", "payload", "metadata", "occurred_at", true AS "republish" FROM "${this.options.schema}"."outbox"
                WHERE "republished_at" IS NULL AND "sent_at" IS NOT NULL AND "sent_at" < now() - make_interval(secs => $2)
                ORDER BY "sent_at" LIMIT $1 FOR UPDATE SKIP LOCKED`,
              [limit - unsent.length, (this.options.republishAfterMs ?? 120_000) / 1000],
            )
          : { rows: [] as OutboxRow[] };
      const rows = [...unsent, ...due];
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      const byQueue = new Map<string, ReturnType<typeof toDomainEvent>[]>();
      for (const row of rows) {
        if (!isDomainEventType(row.type)) continue; // unknown type: marked sent below, nobody subscribes
        for (const queue of queuesFor(row.type)) {
          const list = byQueue.get(queue) ?? [];
          list.push(toDomainEvent(row, this.options.schema));
          byQueue.set(queue, list);
        }
      }
      try {
        for (const [queue, events] of byQueue) {
          await this.options.queue.addBulk(
            queue as never,
            events.map((event) => ({
              name: event.type as never,
              data: event as never,
              options: { jobId: event.id },
            })),
          );
        }
      } catch (error) {
        await client.query('ROLLBACK');
        await client.query(
          `UPDATE "${this.options.schema}"."outbox" SET "attempts" = "attempts" + 1, "last_error" = $2 WHERE "seq" = ANY($1::bigint[])`,
          [rows.map((row) => row.seq), String((error as Error).message).slice(0, 500)],
        );
        throw error;
      }
      if (unsent.length > 0) {
        await client.query(
          `UPDATE "${this.options.schema}"."outbox" SET "sent_at" = now(), "attempts" = "attempts" + 1 WHERE "seq" = ANY($1::bigint[])`,
          [unsent.map((row) => row.seq)],
        );
      }
      if (due.length > 0) {
        await client.query(
          `UPDATE "${this.options.schema}"."outbox" SET "republished_at" = now() WHERE "seq" = ANY($1::bigint[])`,
          [due.map((row) => row.seq)],
        );
      }
      await client.query('COMMIT');
      this.sentTotal += unsent.length;
      this.republishedTotal += due.length;
      outboxRelayed.inc({ schema: this.options.schema }, unsent.length);
      return unsent.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Rows published twice and older than the retention are history, not work: drop them. */
  async prune(retentionDays = 7): Promise<number> {
    this.lastPrunedAt = Date.now();
    const result = await this.pool.query(
      `DELETE FROM "${this.options.schema}"."outbox" WHERE "republished_at" < now() - make_interval(days => $1)`,
      [retentionDays],
    );
    return result.rowCount ?? 0;
  }

  /** Unsent events and the age of the oldest, for /metrics (outbox_unsent_events, outbox_lag_seconds). */
  async measureLag(): Promise<void> {
    this.lastMeasuredAt = Date.now();
    const { rows } = await this.pool.query<{ count: string; age: number | null }>(
      `SELECT count(*) AS "count", extract(epoch FROM now() - min("occurred_at"))::float8 AS "age" FROM "${this.options.schema}"."outbox" WHERE "sent_at" IS NULL`,
    );
    outboxUnsent.set({ schema: this.options.schema }, Number(rows[0]?.count ?? 0));
    outboxLag.set({ schema: this.options.schema }, Math.max(0, rows[0]?.age ?? 0));
  }

  async pending(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) FROM "${this.options.schema}"."outbox" WHERE "sent_at" IS NULL`,
    );
    return Number(rows[0]?.count ?? 0);
  }

  status(): { schema: string; ok: boolean; lastError: string | null; lastRunAt: number; sentTotal: number } {
    return {
      schema: this.options.schema,
      ok: this.lastError === null,
      lastError: this.lastError,
      lastRunAt: this.lastRunAt,
      sentTotal: this.sentTotal,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
