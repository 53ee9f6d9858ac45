// The deliveries table and the routed events it points at. A delivery is a state machine:
// PENDING → SENDING (a lease) → SENT, or back to PENDING after a failure, or DEAD after the last
// attempt. Claiming is one conditional UPDATE, so two copies of a job never both send: the
// second finds the row SENT, or leased. Routing writes a whole batch in two statements.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DomainEvent } from '@lattice/shared-contracts';

export type DeliveryChannel = 'IN_APP' | 'EMAIL' | 'WEBHOOK';
export type DeliveryStatus = 'PENDING' | 'SENDING' | 'SENT' | 'DIGEST' | 'SKIPPED' | 'DEAD';

export interface ClaimedDelivery {
  id: string;
  event_id: string;
  recipient: string;
  channel: DeliveryChannel;
  attempts: number;
  created_at: Date;
  /** The rule's wording for this recipient, null for its default. */
  variant: string | null;
}

/** A directory person, as a message needs them. */
export interface DirectoryPerson {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/** A claimed delivery with what sending it needs, read in the claiming statement. */
export interface DeliveryToSend {
  readonly delivery: ClaimedDelivery;
  readonly event: DomainEvent;
  /** The person (in-app, e-mail), null when not in the directory or for a webhook. */
  readonly person: DirectoryPerson | null;
  /** The subscription (webhook), null when removed or for a person. */
  readonly subscription: { url: string; secret_ciphertext: string; active: boolean } | null;
}

/** A delivery routing decided on, written with its batch. */
export interface NewDelivery {
  readonly id: string;
  readonly eventId: string;
  readonly recipient: string;
  readonly channel: DeliveryChannel;
  readonly status: 'PENDING' | 'DIGEST' | 'SKIPPED' | 'SENT';
  readonly variant: string | null;
}

/** A page of a keyset-paginated list: `after` is the last row's (created_at, id). */
export interface KeysetPage {
  readonly limit: number;
  readonly after: readonly [sortKey: string | number, id: string] | null;
}

export interface WebhookDeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  cursor_at: string;
}

interface RoutedEventRow {
  event_id: string;
  type: string;
  source: string;
  actor_id: string | null;
  occurred_at: Date;
  payload: unknown;
}

const toEvent = (row: RoutedEventRow): DomainEvent =>
  ({
    id: row.event_id,
    type: row.type,
    source: row.source,
    actorId: row.actor_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: row.payload,
  }) as DomainEvent;

const CLAIM = `UPDATE "notifications"."deliveries"
          SET "status" = 'SENDING', "lease_until" = now() + make_interval(secs => $2::double precision), "attempts" = "attempts" + 1, "updated_at" = now()
        WHERE "id" = $1 AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "lease_until" < now()))
        RETURNING "id", "event_id", "recipient", "channel", "attempts", "created_at", "variant"`;

@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the delivery for `leaseSeconds` if nobody has sent it and nobody holds it; null otherwise. */
  async claim(
    id: string,
    leaseSeconds: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ClaimedDelivery | null> {
    const [rows] = (await manager.query(CLAIM, [id, leaseSeconds])) as [ClaimedDelivery[], number];
    return rows[0] ?? null;
  }

  /**
   * Claims the delivery (as `claim`) and reads its event and its person or subscription in the
   * same statement: one round trip before sending instead of four.
   */
  async claimToSend(id: string, leaseSeconds: number): Promise<DeliveryToSend | null> {
    const rows = (await this.dataSource.query(
      `WITH claimed AS (${CLAIM})
       SELECT c.*, e."type", e."source", e."actor_id", e."occurred_at", e."payload",
              u."id" AS "person_id", u."email", u."name", u."locale",
              s."url", s."secret_ciphertext", s."active"
         FROM claimed c
         JOIN "notifications"."routed_events" e ON e."event_id" = c."event_id"
         LEFT JOIN "notifications"."directory_users" u ON c."channel" <> 'WEBHOOK' AND u."id" = c."recipient"
         LEFT JOIN "notifications"."webhook_subscriptions" s ON c."channel" = 'WEBHOOK' AND s."id" = c."recipient"`,
      [id, leaseSeconds],
    )) as Array<
      ClaimedDelivery &
        Omit<RoutedEventRow, 'event_id'> & {
          person_id: string | null;
          email: string | null;
          name: string | null;
          locale: string | null;
          url: string | null;
          secret_ciphertext: string | null;
          active: boolean | null;
        }
    >;
    const row = rows[0];
    if (!row) return null;
    return {
      delivery: {
        id: row.id,
        event_id: row.event_id,
        recipient: row.recipient,
        channel: row.channel,
        attempts: row.attempts,
        created_at: row.created_at,
        variant: row.variant,
      },
      event: toEvent(row),
      person: row.person_id
        ? { id: row.person_id, email: row.email ?? '', name: row.name ?? '', locale: row.locale ?? 'en' }
        : null,
      subscription: row.url
        ? { url: row.url, secret_ciphertext: row.secret_ciphertext ?? '', active: row.active === true }
        : null,
    };
  }

  /** Marks the delivery sent (a webhook's answer kept). */
  async markSent(
    id: string,
    statusCode: number | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE "notifications"."deliveries" SET "status" = 'SENT', "sent_at" = now(), "lease_until" = NULL, "updated_at" = now(), "last_error" = NULL, "last_status_code" = $2 WHERE "id" = $1`,
      [id, statusCode],
    );
  }

  /** Records a failed attempt: back to PENDING for the queue's next retry, or DEAD after the last. */
  async markFailed(
    id: string,
    status: 'PENDING' | 'DEAD',
    error: string,
    statusCode: number | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE "notifications"."deliveries" SET "status" = $2, "lease_until" = NULL, "updated_at" = now(), "last_error" = $3, "last_status_code" = $4
        WHERE "id" = $1 AND "status" IN ('PENDING', 'SENDING')`,
      [id, status, error, statusCode],
    );
  }

  async markSkipped(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "notifications"."deliveries" SET "status" = 'SKIPPED', "lease_until" = NULL, "updated_at" = now(), "last_error" = $2 WHERE "id" = $1`,
      [id, reason],
    );
  }

  /** The routed event a delivery points at, null if it was never recorded. */
  async routedEvent(
    eventId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DomainEvent | null> {
    const rows = (await manager.query(
      `SELECT "event_id", "type", "source", "actor_id", "occurred_at", "payload" FROM "notifications"."routed_events" WHERE "event_id" = $1`,
      [eventId],
    )) as RoutedEventRow[];
    return rows[0] ? toEvent(rows[0]) : null;
  }

  /** The deliveries of these events still waiting for their job. */
  async pendingOfEvents(
    eventIds: readonly string[],
  ): Promise<Array<{ id: string; channel: DeliveryChannel }>> {
    if (eventIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT "id", "channel" FROM "notifications"."deliveries" WHERE "event_id" = ANY($1::uuid[]) AND "status" = 'PENDING'`,
      [[...eventIds]],
    )) as Array<{ id: string; channel: DeliveryChannel }>;
  }

  /** Records the routed events (one statement); an event recorded before is left as it was. */
  async recordRoutedEvents(manager: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO "notifications"."routed_events" ("event_id", "type", "source", "actor_id", "occurred_at", "payload")
       SELECT e.id, e.type, e.source, e.actor_id, e.occurred_at, e.payload
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::jsonb[]) AS e(id, type, source, actor_id, occurred_at, payload)
       ON CONFLICT DO NOTHING`,
      [
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.source),
        events.map((e) => e.actorId),
        events.map((e) => e.occurredAt),
        events.map((e) => JSON.stringify(e.payload)),
      ],
    );
  }

  /**
   * Records deliveries (one statement, rows in key order so concurrent batches lock alike);
   * returns the ids this call created (not those recorded before).
   */
  async recordDeliveries(manager: EntityManager, deliveries: readonly NewDelivery[]): Promise<Set<string>> {
    if (deliveries.length === 0) return new Set();
    const sorted = [...deliveries].sort((a, b) => (a.id < b.id ? -1 : 1));
    const created = (await manager.query(
      `INSERT INTO "notifications"."deliveries" ("id", "event_id", "recipient", "channel", "status", "variant", "attempts", "sent_at")
       SELECT d.id, d.event_id, d.recipient, d.channel, d.status, d.variant, CASE WHEN d.status = 'SENT' THEN 1 ELSE 0 END, CASE WHEN d.status = 'SENT' THEN now() END
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS d(id, event_id, recipient, channel, status, variant)
       ON CONFLICT DO NOTHING
       RETURNING "id"`,
      [
        sorted.map((d) => d.id),
        sorted.map((d) => d.eventId),
        sorted.map((d) => d.recipient),
        sorted.map((d) => d.channel),
        sorted.map((d) => d.status),
        sorted.map((d) => d.variant),
      ],
    )) as Array<{ id: string }>;
    return new Set(created.map((row) => row.id));
  }

  /**
   * Marks (one more sweep) and returns the stranded deliveries: never attempted `graceMs` after
   * routing, a sender dead holding its lease, or a retry overdue by the channel's allowance.
   */
  async sweepStranded(options: {
    graceMs: number;
    webhookRetryMs: number;
    deliveryRetryMs: number;
    limit: number;
  }): Promise<Array<{ id: string; channel: DeliveryChannel; sweeps: number }>> {
    const [rows] = (await this.dataSource.query(
      `UPDATE "notifications"."deliveries" d SET "sweeps" = d."sweeps" + 1
        WHERE d."id" IN (
          SELECT "id" FROM "notifications"."deliveries"
           WHERE ("status" = 'PENDING' AND "attempts" = 0 AND "created_at" < now() - make_interval(secs => $1::double precision / 1000))
              OR ("status" = 'SENDING' AND "lease_until" < now())
              OR ("status" = 'PENDING' AND "attempts" > 0 AND "updated_at" < now() - make_interval(secs => (CASE WHEN "channel" = 'WEBHOOK' THEN $2::double precision ELSE $3::double precision END) / 1000))
           ORDER BY "created_at" LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING d."id", d."channel", d."sweeps"`,
      [options.graceMs, options.webhookRetryMs, options.deliveryRetryMs, options.limit],
    )) as [Array<{ id: string; channel: DeliveryChannel; sweeps: number }>, number];
    return rows;
  }

  /** The people with e-mails waiting for their digest, collected before `cutoff`. */
  async digestRecipients(cutoff: Date): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT "recipient" FROM "notifications"."deliveries" WHERE "status" = 'DIGEST' AND "channel" = 'EMAIL' AND "created_at" <= $1`,
      [cutoff],
    )) as Array<{ recipient: string }>;
    return rows.map((row) => row.recipient);
  }

  /** A person's digest e-mails collected before `cutoff`, oldest first, locked (skipping rows another replica holds). */
  async lockDigest(
    manager: EntityManager,
    recipient: string,
    cutoff: Date,
  ): Promise<Array<{ id: string; event_id: string; variant: string | null }>> {
    return (await manager.query(
      `SELECT "id", "event_id", "variant" FROM "notifications"."deliveries"
        WHERE "recipient" = $1 AND "status" = 'DIGEST' AND "channel" = 'EMAIL' AND "created_at" <= $2
        ORDER BY "created_at" FOR UPDATE SKIP LOCKED`,
      [recipient, cutoff],
    )) as Array<{ id: string; event_id: string; variant: string | null }>;
  }

  /** Closes digest deliveries: SENT with the digest, or SKIPPED when the person is gone. */
  async closeDigest(
    manager: EntityManager,
    ids: readonly string[],
    status: 'SENT' | 'SKIPPED',
  ): Promise<void> {
    await manager.query(
      `UPDATE "notifications"."deliveries" SET "status" = $2, "sent_at" = now(), "updated_at" = now() WHERE "id" = ANY($1::uuid[])`,
      [[...ids], status],
    );
  }

  /** A subscription's deliveries, newest first; `deadOnly` lists the dead letters. One row more than the page, to tell whether another follows. */
  async webhookDeliveries(
    subscriptionId: string,
    page: KeysetPage,
    deadOnly: boolean,
  ): Promise<WebhookDeliveryRow[]> {
    const params: unknown[] = [subscriptionId, page.limit + 1];
    let where = `d."recipient" = $1 AND d."channel" = 'WEBHOOK'`;
    if (deadOnly) where += ` AND d."status" = 'DEAD'`;
    if (page.after) {
      params.push(String(page.after[0]), page.after[1]);
      where += ` AND (d."created_at", d."id") < ($3::timestamptz, $4::uuid)`;
    }
    return (await this.dataSource.query(
      `SELECT d."id", d."event_id", e."type" AS "event_type", d."status", d."attempts", d."last_status_code", d."last_error",
              d."created_at", d."updated_at", d."sent_at", d."created_at"::text AS "cursor_at"
         FROM "notifications"."deliveries" d JOIN "notifications"."routed_events" e ON e."event_id" = d."event_id"
        WHERE ${where} ORDER BY d."created_at" DESC, d."id" DESC LIMIT $2`,
      params,
    )) as WebhookDeliveryRow[];
  }
}
