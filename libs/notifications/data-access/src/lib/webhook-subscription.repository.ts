// Organizations' webhook subscriptions. Removing one deactivates it: its delivery log stays.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface WebhookSubscriptionRow {
  id: string;
  organization_id: string;
  url: string;
  events: string[];
  active: boolean;
  created_at: Date;
}

const COLUMNS = `"id", "organization_id", "url", "events", "active", "created_at"`;

@Injectable()
export class WebhookSubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    manager: EntityManager,
    subscription: {
      organizationId: string;
      url: string;
      events: readonly string[];
      secretCiphertext: string;
      createdBy: string;
    },
  ): Promise<WebhookSubscriptionRow> {
    const rows = (await manager.query(
      `INSERT INTO "notifications"."webhook_subscriptions" ("id", "organization_id", "url", "events", "secret_ciphertext", "created_by")
       VALUES ($1, $2, $3, $4::text[], $5, $6) RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        subscription.organizationId,
        subscription.url,
        [...subscription.events],
        subscription.secretCiphertext,
        subscription.createdBy,
      ],
    )) as WebhookSubscriptionRow[];
    return rows[0]!;
  }

  /** The organization's active subscriptions, oldest first. */
  async activeOf(organizationId: string): Promise<WebhookSubscriptionRow[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM "notifications"."webhook_subscriptions" WHERE "organization_id" = $1 AND "active" ORDER BY "created_at"`,
      [organizationId],
    )) as WebhookSubscriptionRow[];
  }

  /** Active subscriptions of these organizations (one statement), for routing. */
  async activeOfOrganizations(
    manager: EntityManager,
    organizationIds: readonly string[],
  ): Promise<Array<{ id: string; organization_id: string; events: string[] }>> {
    if (organizationIds.length === 0) return [];
    return (await manager.query(
      `SELECT "id", "organization_id", "events" FROM "notifications"."webhook_subscriptions" WHERE "active" AND "organization_id" = ANY($1::uuid[])`,
      [[...organizationIds]],
    )) as Array<{ id: string; organization_id: string; events: string[] }>;
  }

  async byId(id: string): Promise<WebhookSubscriptionRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM "notifications"."webhook_subscriptions" WHERE "id" = $1`,
      [id],
    )) as WebhookSubscriptionRow[];
    return rows[0] ?? null;
  }

  /** Deactivates the subscription if still active; returns what it was, null if it already was not. */
  async deactivate(
    manager: EntityManager,
    id: string,
    organizationId: string,
  ): Promise<{ id: string; url: string; events: string[] } | null> {
    const [rows] = (await manager.query(
      `UPDATE "notifications"."webhook_subscriptions" SET "active" = false WHERE "id" = $1 AND "organization_id" = $2 AND "active" RETURNING "id", "url", "events"`,
      [id, organizationId],
    )) as [Array<{ id: string; url: string; events: string[] }>, number];
    return rows[0] ?? null;
  }
}
