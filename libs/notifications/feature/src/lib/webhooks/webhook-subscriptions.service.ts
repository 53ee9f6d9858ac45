// Organizations' webhook subscriptions: created by an ADMIN or OWNER, the signing secret shown
// once and kept encrypted; the delivery log and dead letters readable by the same people.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDomainEventType } from '@lattice/shared-contracts';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import type { PageRequest } from '@lattice/shared-graphql';
import { SecretBox } from '@lattice/shared-util-config';
import { inTransaction } from '@lattice/shared-data-access';
import { NOTIFICATIONS_SCHEMA } from '@lattice/notifications-data-access';
import { NotificationErrors } from '../inbox/inbox.service';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications-settings';
import { checkWebhookUrl } from './webhook-url';
import { newWebhookSecret } from './webhook-signature';

export interface WebhookSubscriptionRow {
  id: string;
  organization_id: string;
  url: string;
  events: string[];
  active: boolean;
  created_at: Date;
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

const MAX_EVENTS = 100;

@Injectable()
export class WebhookSubscriptionsService {
  private readonly box: SecretBox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    this.box = new SecretBox(settings.webhookSecretKey);
  }

  async create(principal: Principal, organizationId: string, url: string, events: readonly string[]): Promise<WebhookSubscriptionRow & { secret: string }> {
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    const unique = [...new Set(events.map((e) => e.trim()))];
    if (unique.length === 0 || unique.length > MAX_EVENTS) throw NotificationErrors.of('UNKNOWN_EVENT_TYPE', `Name between 1 and ${MAX_EVENTS} event types, or "*".`);
    const unknown = unique.filter((type) => type !== '*' && !isDomainEventType(type));
    if (unknown.length > 0) throw NotificationErrors.of('UNKNOWN_EVENT_TYPE', `Unknown event type(s): ${unknown.join(', ')}.`, { events: unknown });
    const verdict = await checkWebhookUrl(url, { production: this.settings.production });
    if (!verdict.ok) throw NotificationErrors.of('INVALID_WEBHOOK_URL', `This webhook URL cannot be used: ${verdict.reason}.`);
    const secret = newWebhookSecret();
    const rows = await inTransaction(this.dataSource, NOTIFICATIONS_SCHEMA, async ({ manager, emit }) => {
      const inserted = (await manager.query(
        `INSERT INTO "notifications"."webhook_subscriptions" ("id", "organization_id", "url", "events", "secret_ciphertext", "created_by")
         VALUES ($1, $2, $3, $4::text[], $5, $6) RETURNING "id", "organization_id", "url", "events", "active", "created_at"`,
        [randomUUID(), organizationId, verdict.url.toString(), unique, this.box.seal(secret), principal.userId],
      )) as WebhookSubscriptionRow[];
      // For the organization's audit log (identity, ADR 0015): the URL's origin only — a path or query may hold a secret.
      emit({
        type: 'notifications.webhook.changed',
        actorId: principal.userId,
        payload: { subscriptionId: inserted[0]!.id, organizationId, change: 'CREATED', urlOrigin: verdict.url.origin, events: unique },
      });
      return inserted;
    });
    return { ...rows[0]!, secret };
  }

  async list(principal: Principal, organizationId: string): Promise<WebhookSubscriptionRow[]> {
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    return (await this.dataSource.query(
      `SELECT "id", "organization_id", "url", "events", "active", "created_at" FROM "notifications"."webhook_subscriptions"
        WHERE "organization_id" = $1 AND "active" ORDER BY "created_at"`,
      [organizationId],
    )) as WebhookSubscriptionRow[];
  }

  async remove(principal: Principal, id: string): Promise<boolean> {
    const subscription = await this.authorized(principal, id);
    await inTransaction(this.dataSource, NOTIFICATIONS_SCHEMA, async ({ manager, emit }) => {
      const changed = (await manager.query(
        `UPDATE "notifications"."webhook_subscriptions" SET "active" = false WHERE "id" = $1 AND "organization_id" = $2 AND "active" RETURNING "id", "url", "events"`,
        [subscription.id, subscription.organization_id],
      )) as [Array<{ id: string; url: string; events: string[] }>, number];
      const row = changed[0]?.[0];
      if (!row) return;
      emit({
        type: 'notifications.webhook.changed',
        actorId: principal.userId,
        payload: { subscriptionId: row.id, organizationId: subscription.organization_id, change: 'DELETED', urlOrigin: new URL(row.url).origin, events: row.events },
      });
    });
    return true;
  }

  /** The subscription's deliveries, newest first; `deadOnly` lists the dead letters. */
  async deliveries(principal: Principal, subscriptionId: string, page: PageRequest, deadOnly: boolean): Promise<WebhookDeliveryRow[]> {
    const subscription = await this.authorized(principal, subscriptionId);
    const params: unknown[] = [subscription.id, page.limit + 1];
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

  /** The subscription, if the caller administers its organization; NOT_FOUND otherwise (no probing). */
  private async authorized(principal: Principal, id: string): Promise<WebhookSubscriptionRow> {
    const rows = (await this.dataSource.query(
      `SELECT "id", "organization_id", "url", "events", "active", "created_at" FROM "notifications"."webhook_subscriptions" WHERE "id" = $1`,
      [id],
    )) as WebhookSubscriptionRow[];
    const subscription = rows[0];
    if (!subscription) throw NotificationErrors.of('SUBSCRIPTION_NOT_FOUND', 'No such webhook subscription.');
    try {
      await this.authorizer.requireRole(principal, subscription.organization_id, 'ADMIN');
    } catch {
      throw NotificationErrors.of('SUBSCRIPTION_NOT_FOUND', 'No such webhook subscription.');
    }
    return subscription;
  }
}
