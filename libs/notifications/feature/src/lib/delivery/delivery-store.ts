// The deliveries table as a state machine: PENDING → SENDING (a lease) → SENT, or back to
// PENDING after a failure, or DEAD after the last attempt. Claiming is one conditional UPDATE,
// so two copies of a job never both send: the second finds the row SENT, or leased.
import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DomainEvent } from '@lattice/shared-contracts';
import { deliveryFailures } from '@lattice/shared-util-observability';
import type { Channel } from '../routing/routing-rules';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications-settings';

export interface ClaimedDelivery {
  id: string;
  event_id: string;
  recipient: string;
  channel: Channel;
  attempts: number;
  created_at: Date;
  /** The rule's wording for this recipient, null for its default. */
  variant: string | null;
}

/** A claimed delivery with what sending it needs, read in the claiming statement. */
export interface DeliveryToSend {
  readonly delivery: ClaimedDelivery;
  readonly event: DomainEvent;
  /** The person (in-app, e-mail), null when not in the directory or for a webhook. */
  readonly person: { id: string; email: string; name: string; locale: string } | null;
  /** The subscription (webhook), null when removed or for a person. */
  readonly subscription: { url: string; secret_ciphertext: string; active: boolean } | null;
}

/** How long a sender may hold a delivery before the sweep assumes it died (NotificationsSettings.deliveryLeaseSeconds). */
export const LEASE_SECONDS = 120;

@Injectable()
export class DeliveryStore {
  private readonly leaseSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    @Optional()
    @Inject(NOTIFICATIONS_SETTINGS)
    settings?: Pick<NotificationsSettings, 'deliveryLeaseSeconds'>,
  ) {
    this.leaseSeconds = settings?.deliveryLeaseSeconds ?? LEASE_SECONDS;
  }

  /** Takes the delivery if nobody has sent it and nobody holds it; null otherwise. */
  async claim(id: string, manager: EntityManager = this.dataSource.manager): Promise<ClaimedDelivery | null> {
    const [rows] = (await manager.query(
      `UPDATE "notifications"."deliveries"
          SET "status" = 'SENDING', "lease_until" = now() + make_interval(secs => $2::double precision), "attempts" = "attempts" + 1, "updated_at" = now()
        WHERE "id" = $1 AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "lease_until" < now()))
        RETURNING "id", "event_id", "recipient", "channel", "attempts", "created_at", "variant"`,
      [id, this.leaseSeconds],
    )) as [ClaimedDelivery[], number];
    return rows[0] ?? null;
  }

  /**
   * Claims the delivery (as `claim`) and reads its event and its person or subscription in the
   * same statement: one round trip before sending instead of four.
   */
  async claimToSend(id: string): Promise<DeliveryToSend | null> {
    const rows = (await this.dataSource.query(
      `WITH claimed AS (
         UPDATE "notifications"."deliveries"
            SET "status" = 'SENDING', "lease_until" = now() + make_interval(secs => $2::double precision), "attempts" = "attempts" + 1, "updated_at" = now()
          WHERE "id" = $1 AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "lease_until" < now()))
          RETURNING "id", "event_id", "recipient", "channel", "attempts", "created_at", "variant")
       SELECT c.*, e."type", e."source", e."actor_id", e."occurred_at", e."payload",
              u."id" AS "person_id", u."email", u."name", u."locale",
              s."url", s."secret_ciphertext", s."active"
         FROM claimed c
         JOIN "notifications"."routed_events" e ON e."event_id" = c."event_id"
         LEFT JOIN "notifications"."directory_users" u ON c."channel" <> 'WEBHOOK' AND u."id" = c."recipient"
         LEFT JOIN "notifications"."webhook_subscriptions" s ON c."channel" = 'WEBHOOK' AND s."id" = c."recipient"`,
      [id, this.leaseSeconds],
    )) as Array<
      ClaimedDelivery & {
        type: string;
        source: string;
        actor_id: string | null;
        occurred_at: Date;
        payload: unknown;
      } & Record<string, unknown>
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
      event: {
        id: row.event_id,
        type: row.type,
        source: row.source,
        actorId: row.actor_id,
        occurredAt: new Date(row.occurred_at).toISOString(),
        payload: row.payload,
      } as DomainEvent,
      person: row['person_id']
        ? {
            id: row['person_id'] as string,
            email: row['email'] as string,
            name: row['name'] as string,
            locale: row['locale'] as string,
          }
        : null,
      subscription: row['url']
        ? {
            url: row['url'] as string,
            secret_ciphertext: row['secret_ciphertext'] as string,
            active: row['active'] as boolean,
          }
        : null,
    };
  }

  async succeeded(
    id: string,
    detail: { statusCode?: number } = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const record = () =>
      manager.query(
        `UPDATE "notifications"."deliveries" SET "status" = 'SENT', "sent_at" = now(), "lease_until" = NULL, "updated_at" = now(), "last_error" = NULL, "last_status_code" = $2 WHERE "id" = $1`,
        [id, detail.statusCode ?? null],
      );
    if (manager !== this.dataSource.manager) return void (await record());
    // The message has left: failing to record that (Postgres restarting) would send it again once
    // the lease expires. Keep trying for up to a minute before giving up.
    for (let attempt = 0; ; attempt++) {
      try {
        return void (await record());
      } catch (error) {
        if (attempt >= 12) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** attempt, 10_000)));
      }
    }
  }

  /** Records a failed attempt: back to PENDING for the queue's next retry, or DEAD after the last. */
  async failed(id: string, error: string, final: boolean, statusCode: number | null = null): Promise<void> {
    deliveryFailures.inc({ outcome: final ? 'dead' : 'retry' });
    await this.dataSource.query(
      `UPDATE "notifications"."deliveries" SET "status" = $2, "lease_until" = NULL, "updated_at" = now(), "last_error" = $3, "last_status_code" = $4
        WHERE "id" = $1 AND "status" IN ('PENDING', 'SENDING')`,
      [id, final ? 'DEAD' : 'PENDING', error.slice(0, 500), statusCode],
    );
  }

  async skipped(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "notifications"."deliveries" SET "status" = 'SKIPPED', "lease_until" = NULL, "updated_at" = now(), "last_error" = $2 WHERE "id" = $1`,
      [id, reason],
    );
  }

  async event(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<DomainEvent> {
    const rows = (await manager.query(
      `SELECT "event_id", "type", "source", "actor_id", "occurred_at", "payload" FROM "notifications"."routed_events" WHERE "event_id" = $1`,
      [eventId],
    )) as Array<{
      event_id: string;
      type: string;
      source: string;
      actor_id: string | null;
      occurred_at: Date;
      payload: unknown;
    }>;
    const row = rows[0];
    if (!row) throw new Error(`routed event ${eventId} not found`);
    return {
      id: row.event_id,
      type: row.type,
      source: row.source,
      actorId: row.actor_id,
      occurredAt: new Date(row.occurred_at).toISOString(),
      payload: row.payload,
    } as DomainEvent;
  }

  /** Organization names a message needs, from the directory. */
  async names(
    refs: Record<string, string>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Record<string, string>> {
    const ids = [...new Set(Object.values(refs))];
    if (ids.length === 0) return {};
    const rows = (await manager.query(
      `SELECT "id", "name" FROM "notifications"."directory_organizations" WHERE "id" = ANY($1::uuid[])`,
      [ids],
    )) as Array<{ id: string; name: string }>;
    const byId = new Map(rows.map((row) => [row.id, row.name]));
    return Object.fromEntries(Object.entries(refs).map(([param, id]) => [param, byId.get(id) ?? '—']));
  }

  async person(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; email: string; name: string; locale: string } | null> {
    const rows = (await manager.query(
      `SELECT "id", "email", "name", "locale" FROM "notifications"."directory_users" WHERE "id" = $1`,
      [userId],
    )) as Array<{
      id: string;
      email: string;
      name: string;
      locale: string;
    }>;
    return rows[0] ?? null;
  }
}
