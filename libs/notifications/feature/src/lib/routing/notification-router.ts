// Consumes every domain event: keeps the directory current (identity's events), then fans the
// event out by its routing rule — one `deliveries` row per (event, recipient, channel), keyed
// deterministically — and queues one job per pending delivery. The rows are the record: a
// replayed event finds its claim and only re-queues what is still pending.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DOMAIN_EVENT_TYPES, type DomainEvent } from '@lattice/shared-contracts';
import type { JobHandlerDeclaration } from '@lattice/shared-worker';
import { QUEUE_PORT, type QueuePort } from '@lattice/shared-queue';
import { claimEvent } from '@lattice/notifications-data-access';
import { applyToDirectory } from './directory';
import { deliveryId } from './delivery-key';
import { type Audience, type Channel, messageOf, ruleFor } from './routing-rules';
import { initialStatus, type StoredPreference } from '../preferences/preference-rules';
import { enqueueDeliveries } from '../delivery/enqueue';

const CONSUMER = 'notifications.router';

interface Person {
  id: string;
}

interface NewDelivery {
  id: string;
  recipient: string;
  channel: Channel;
  status: 'PENDING' | 'DIGEST' | 'SKIPPED';
}

@Injectable()
export class NotificationRouter {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(QUEUE_PORT) private readonly queue: QueuePort,
  ) {}

  declarations(): JobHandlerDeclaration[] {
    return DOMAIN_EVENT_TYPES.map((type) => ({
      queue: 'notifications-events',
      name: type,
      owner: NotificationRouter.name,
      handle: (data: unknown) => this.handle(data as DomainEvent),
    }));
  }

  async handle(event: DomainEvent): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await claimEvent(manager, event.id, CONSUMER))) return;
      await applyToDirectory(manager, event);
      const deliveries = await this.fanOut(manager, event);
      await deliverInApp(manager, event, deliveries);
    });
    const pending = (await this.dataSource.query(
      `SELECT "id", "channel" FROM "notifications"."deliveries" WHERE "event_id" = $1 AND "status" = 'PENDING'`,
      [event.id],
    )) as Array<{ id: string; channel: Channel }>;
    await enqueueDeliveries(this.queue, pending);
  }

  /** Decides who hears the event on which channel, recording one row per (recipient, channel). */
  async fanOut(manager: EntityManager, event: DomainEvent): Promise<NewDelivery[]> {
    const rule = ruleFor(event.type);
    if (!rule || (rule.when && !rule.when(event))) return [];
    let people = await resolveAudience(manager, rule.audience(event));
    if (!rule.tellActor && event.actorId) people = people.filter((person) => person.id !== event.actorId);
    const deliveries: NewDelivery[] = [];
    if (people.length > 0 && rule.channels.length > 0) {
      const prefs = await preferencesOf(manager, people.map((p) => p.id), event.type);
      for (const person of people) {
        for (const channel of rule.channels) {
          const status = initialStatus(prefs.get(person.id) ?? [], event.type, channel);
          deliveries.push({ id: deliveryId(event.id, person.id, channel), recipient: person.id, channel, status });
        }
      }
    }
    const organizations = [...new Set(rule.organizations(event))];
    if (organizations.length > 0) {
      const subscriptions = (await manager.query(
        `SELECT "id" FROM "notifications"."webhook_subscriptions"
          WHERE "active" AND "organization_id" = ANY($1::uuid[]) AND ("events" @> ARRAY[$2]::text[] OR "events" @> ARRAY['*']::text[])`,
        [organizations, event.type],
      )) as Array<{ id: string }>;
      for (const { id } of subscriptions) deliveries.push({ id: deliveryId(event.id, id, 'WEBHOOK'), recipient: id, channel: 'WEBHOOK', status: 'PENDING' });
    }
    if (deliveries.length === 0) return [];
    await manager.query(
      `INSERT INTO "notifications"."routed_events" ("event_id", "type", "source", "actor_id", "occurred_at", "payload")
       VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT DO NOTHING`,
      [event.id, event.type, event.source, event.actorId, event.occurredAt, JSON.stringify(event.payload)],
    );
    await manager.query(
      `INSERT INTO "notifications"."deliveries" ("id", "event_id", "recipient", "channel", "status")
       SELECT d.id, $1, d.recipient, d.channel, d.status
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS d(id, recipient, channel, status)
       ON CONFLICT DO NOTHING`,
      [event.id, deliveries.map((d) => d.id), deliveries.map((d) => d.recipient), deliveries.map((d) => d.channel), deliveries.map((d) => d.status)],
    );
    return deliveries;
  }
}

/**
 * Writes the inbox rows of an event's pending in-app deliveries in the routing transaction itself
 * (one UPDATE, one INSERT for every recipient) instead of one job and transaction per person. The
 * guarantee is the in-app job's: a delivery moves PENDING → SENT only here, in the same transaction
 * as its inbox row, and the inbox is unique on (event, person); a delivery this misses (already
 * claimed, or recorded earlier) stays with its job and the sweep.
 */
async function deliverInApp(manager: EntityManager, event: DomainEvent, deliveries: readonly NewDelivery[]): Promise<void> {
  const inApp = deliveries.filter((d) => d.channel === 'IN_APP' && d.status === 'PENDING');
  if (inApp.length === 0) return;
  const [sent] = (await manager.query(
    `UPDATE "notifications"."deliveries" SET "status" = 'SENT', "sent_at" = now(), "attempts" = "attempts" + 1, "lease_until" = NULL, "updated_at" = now()
      WHERE "id" = ANY($1::uuid[]) AND "status" = 'PENDING'
      RETURNING "recipient"`,
    [inApp.map((d) => d.id)],
  )) as [Array<{ recipient: string }>, number];
  if (sent.length === 0) return;
  const recipients = sent.map((row) => row.recipient);
  const locales = new Map(
    ((await manager.query(`SELECT "id", "locale" FROM "notifications"."directory_users" WHERE "id" = ANY($1::uuid[])`, [recipients])) as Array<{ id: string; locale: string }>).map(
      (row) => [row.id, row.locale],
    ),
  );
  const names = await organizationNames(manager, ruleFor(event.type)?.names?.(event as never) ?? {});
  const messages = new Map<string, ReturnType<typeof messageOf>>();
  const rows = recipients.map((recipient) => {
    const locale = locales.get(recipient) ?? 'en';
    let message = messages.get(locale);
    if (!message) messages.set(locale, (message = messageOf(event, locale, names)));
    return { recipient, message };
  });
  await manager.query(
    `INSERT INTO "notifications"."notifications" ("id", "user_id", "event_id", "type", "title", "body", "link")
     SELECT r.id, r.user_id, $1, $2, r.title, r.body, r.link
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[]) AS r(id, user_id, title, body, link)
     ON CONFLICT ("event_id", "user_id") DO NOTHING`,
    [event.id, event.type, rows.map(() => randomUUID()), rows.map((r) => r.recipient), rows.map((r) => r.message.title), rows.map((r) => r.message.body), rows.map((r) => r.message.link)],
  );
}

async function organizationNames(manager: EntityManager, refs: Record<string, string>): Promise<Record<string, string>> {
  const ids = [...new Set(Object.values(refs))];
  if (ids.length === 0) return {};
  const rows = (await manager.query(`SELECT "id", "name" FROM "notifications"."directory_organizations" WHERE "id" = ANY($1::uuid[])`, [ids])) as Array<{ id: string; name: string }>;
  const byId = new Map(rows.map((row) => [row.id, row.name]));
  return Object.fromEntries(Object.entries(refs).map(([param, id]) => [param, byId.get(id) ?? '—']));
}

async function resolveAudience(manager: EntityManager, audience: readonly Audience[]): Promise<Person[]> {
  const found = new Map<string, Person>();
  for (const target of audience) {
    let rows: Person[];
    switch (target.kind) {
      case 'user':
        rows = (await manager.query(`SELECT "id" FROM "notifications"."directory_users" WHERE "id" = $1`, [target.userId])) as Person[];
        break;
      case 'email':
        rows = (await manager.query(`SELECT "id" FROM "notifications"."directory_users" WHERE lower("email") = lower($1)`, [target.email])) as Person[];
        break;
      case 'members':
        rows = (await manager.query(
          `SELECT u."id" FROM "notifications"."directory_users" u
             JOIN "notifications"."directory_memberships" m ON m."user_id" = u."id"
            WHERE m."organization_id" = $1 AND m."role" = ANY($2::text[])`,
          [target.organizationId, target.roles],
        )) as Person[];
        break;
      case 'umbrella-admins':
        rows = (await manager.query(
          `SELECT DISTINCT u."id" FROM "notifications"."directory_users" u
             JOIN "notifications"."directory_memberships" m ON m."user_id" = u."id"
             JOIN "notifications"."directory_umbrella_members" um ON um."umbrella_id" = m."organization_id"
            WHERE um."organization_id" = $1 AND m."role" IN ('OWNER', 'ADMIN')`,
          [target.organizationId],
        )) as Person[];
        break;
    }
    for (const row of rows) found.set(row.id, row);
  }
  return [...found.values()];
}

async function preferencesOf(manager: EntityManager, userIds: string[], eventType: string): Promise<Map<string, StoredPreference[]>> {
  const rows = (await manager.query(
    `SELECT "user_id", "event_type", "channel", "enabled", "email_mode" FROM "notifications"."notification_preferences"
      WHERE "user_id" = ANY($1::uuid[]) AND "event_type" IN ($2, '*')`,
    [userIds, eventType],
  )) as Array<{ user_id: string; event_type: string; channel: 'IN_APP' | 'EMAIL'; enabled: boolean; email_mode: StoredPreference['emailMode'] }>;
  const byUser = new Map<string, StoredPreference[]>();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({ eventType: row.event_type, channel: row.channel, enabled: row.enabled, emailMode: row.email_mode });
    byUser.set(row.user_id, list);
  }
  return byUser;
}
