// The transactional outbox. A state change and the events announcing it are written in one
// transaction; the relay later moves unsent rows to the queues with jobId = event id and marks
// them sent. If Redis or the relay dies midway, rows stay unsent and are sent again: consumers
// are idempotent by event id, so at-least-once transport gives exactly-once effect.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type {
  DomainEvent,
  DomainEventPayloads,
  DomainEventType,
  EventMetadata,
} from '@lattice/shared-contracts';
import { currentRequestId, traceCarrier } from '@lattice/shared-util-observability';

/** SQL for a service's outbox table; each service's first migration creates its own. */
export function outboxTableSql(schema: string): { up: string[]; down: string[] } {
  return {
    up: [
      `CREATE TABLE "${schema}"."outbox" (
        "seq" bigserial PRIMARY KEY,
        "id" uuid NOT NULL UNIQUE,
        "type" text NOT NULL,
        "actor_id" uuid,
        "payload" jsonb NOT NULL,
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text
      )`,
      `CREATE INDEX "outbox_unsent_idx" ON "${schema}"."outbox" ("seq") WHERE "sent_at" IS NULL`,
    ],
    down: [`DROP TABLE "${schema}"."outbox"`],
  };
}

/**
 * Second publication of sent rows. Redis is a transport, not the system of record: if it loses
 * jobs (a crash without persistence, a flush), events it had accepted would be lost. The relay
 * therefore publishes every row once more after a delay, with the same job id: BullMQ ignores it
 * while it still knows the job, and consumers ignore events they already applied.
 */
export function outboxRepublishSql(schema: string): { up: string[]; down: string[] } {
  return {
    up: [
      `ALTER TABLE "${schema}"."outbox" ADD COLUMN "republished_at" timestamptz`,
      `CREATE INDEX "outbox_republish_idx" ON "${schema}"."outbox" ("sent_at") WHERE "republished_at" IS NULL AND "sent_at" IS NOT NULL`,
    ],
    down: [
      `DROP INDEX "${schema}"."outbox_republish_idx"`,
      `ALTER TABLE "${schema}"."outbox" DROP COLUMN "republished_at"`,
    ],
  };
}

/** Each event's request id and trace context (see EventMetadata), so the jobs it starts log and trace as part of that request. */
export function outboxMetadataSql(schema: string): { up: string[]; down: string[] } {
  return {
    up: [`ALTER TABLE "${schema}"."outbox" ADD COLUMN "metadata" jsonb`],
    down: [`ALTER TABLE "${schema}"."outbox" DROP COLUMN "metadata"`],
  };
}

/** The metadata of events appended now: the current request's id and trace context. */
export function currentEventMetadata(): EventMetadata | null {
  const requestId = currentRequestId();
  const carrier = traceCarrier();
  const metadata: EventMetadata = {
    ...(requestId ? { requestId } : {}),
    ...(carrier['traceparent'] ? { traceparent: carrier['traceparent'] } : {}),
    ...(carrier['tracestate'] ? { tracestate: carrier['tracestate'] } : {}),
  };
  return Object.keys(metadata).length > 0 ? metadata : null;
}

export interface PendingEvent<T extends DomainEventType = DomainEventType> {
  readonly type: T;
  readonly payload: DomainEventPayloads[T];
  readonly actorId?: string | null;
}

/** Appends events inside the caller's transaction and wakes the relay on commit. */
export async function appendToOutbox(
  manager: EntityManager,
  schema: string,
  events: readonly PendingEvent[],
): Promise<string[]> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendToOutbox must run inside the transaction that makes the change');
  }
  if (events.length === 0) return [];
  const ids = events.map(() => randomUUID());
  const metadata = JSON.stringify(currentEventMetadata());
  const values: unknown[] = [];
  const rows = events.map((event, index) => {
    values.push(ids[index], event.type, event.actorId ?? null, JSON.stringify(event.payload), metadata);
    const base = index * 5;
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb, $${base + 5}::jsonb)`;
  });
  await manager.query(
    `INSERT INTO "${schema}"."outbox" ("id", "type", "actor_id", "payload", "metadata") VALUES ${rows.join(', ')}`,
    values,
  );
  // NOTIFY is delivered at commit only, so the relay never sees an uncommitted row.
  await manager.query(`SELECT pg_notify('lattice_outbox', $1)`, [schema]);
  return ids;
}

export interface OutboxRow {
  seq: string;
  id: string;
  type: string;
  actor_id: string | null;
  payload: unknown;
  metadata?: EventMetadata | null;
  occurred_at: Date;
  /** True when the row was sent before and is being published once more. */
  republish?: boolean;
}

export function toDomainEvent(row: OutboxRow, source: string): DomainEvent {
  return {
    id: row.id,
    type: row.type as DomainEventType,
    source,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorId: row.actor_id,
    payload: row.payload as DomainEvent['payload'],
    ...(row.metadata ? { metadata: row.metadata } : {}),
  };
}
