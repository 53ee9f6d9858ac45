// Consumes every domain event: keeps the directory current (identity's events), then fans the
// event out by its routing rule — one `deliveries` row per (event, recipient, channel), keyed
// deterministically — writes the inbox rows, and queues one job per pending e-mail or webhook.
// The rows are the record: a replayed event finds its claim and only re-queues what is still
// pending. Events are routed in batches (group commit): the jobs that arrive while a batch is
// being written are routed together next, with a constant number of statements per batch.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DOMAIN_EVENT_TYPES, type DomainEvent } from '@lattice/shared-contracts';
import { GroupCommit, type JobHandlerDeclaration } from '@lattice/shared-worker';
import { QUEUE_PORT, type QueuePort } from '@lattice/shared-queue';
import { claimEvents } from '@lattice/notifications-data-access';
import { applyToDirectory } from './directory';
import { addressRecipientId, deliveryId } from './delivery-key';
import { type Audience, type Channel, type Message, messageOf, ruleFor } from './routing-rules';
import { initialStatus, type StoredPreference } from '../preferences/preference-rules';
import { enqueueDeliveries } from '../delivery/enqueue';

const CONSUMER = 'notifications.router';
/** Events routed in one transaction at most, and batches written at once. */
export const ROUTING_BATCH = { maxBatch: 200, maxInFlight: 2 } as const;

interface NewDelivery {
  id: string;
  eventId: string;
  recipient: string;
  channel: Channel;
  status: 'PENDING' | 'DIGEST' | 'SKIPPED' | 'SENT';
  /** The rule's wording for this person (Audience.variant), null for its default. */
  variant: string | null;
}

interface Routed {
  readonly deliveries: NewDelivery[];
  /** Recipients' locales, for the inbox text. */
  readonly locales: Map<string, string>;
}

@Injectable()
export class NotificationRouter {
  private readonly group = new GroupCommit<DomainEvent>((events) => this.handleBatch(events), ROUTING_BATCH);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(QUEUE_PORT) private readonly queue: QueuePort,
  ) {}

  /** Jobs the events queue may run at once: enough for a full batch to gather while others are written. */
  static readonly concurrency = ROUTING_BATCH.maxBatch * ROUTING_BATCH.maxInFlight;

  declarations(): JobHandlerDeclaration[] {
    return DOMAIN_EVENT_TYPES.map((type) => ({
      queue: 'notifications-events',
      name: type,
      owner: NotificationRouter.name,
      handle: (data: unknown) => this.group.submit(data as DomainEvent),
    }));
  }

  /** Routes one event (as a batch of one). */
  handle(event: DomainEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  /** Routes events in one transaction: each event once, however often it arrives. */
  async handleBatch(batch: readonly DomainEvent[]): Promise<void> {
    const events = [...new Map(batch.map((event) => [event.id, event])).values()];
    let replayed: string[] = [];
    let pending: NewDelivery[] = [];
    await this.dataSource.transaction(async (manager) => {
      const claimed = await claimEvents(
        manager,
        events.map((event) => event.id),
        CONSUMER,
      );
      const fresh = events.filter((event) => claimed.has(event.id));
      replayed = events.filter((event) => !claimed.has(event.id)).map((event) => event.id);
      if (fresh.length === 0) return;
      await applyToDirectory(manager, fresh);
      const routed = await this.plan(manager, fresh, 'SENT');
      const recorded = await record(manager, fresh, routed.deliveries);
      await writeInbox(manager, fresh, recorded, routed.locales);
      pending = recorded.filter((d) => d.status === 'PENDING');
    });
    // A replayed event (retry, republish) re-queues what is still pending; job id = delivery id.
    const stillPending =
      replayed.length === 0
        ? []
        : ((await this.dataSource.query(
            `SELECT "id", "channel" FROM "notifications"."deliveries" WHERE "event_id" = ANY($1::uuid[]) AND "status" = 'PENDING'`,
            [replayed],
          )) as Array<{ id: string; channel: Channel }>);
    await enqueueDeliveries(this.queue, [...pending, ...stillPending]);
  }

  /** Records the deliveries an event gets, without sending any (in-app rows stay PENDING for their job). */
  async fanOut(manager: EntityManager, event: DomainEvent): Promise<void> {
    const routed = await this.plan(manager, [event], 'PENDING');
    await record(manager, [event], routed.deliveries);
  }

  /** Decides who hears each event on which channel: three statements for the whole batch. */
  private async plan(manager: EntityManager, events: readonly DomainEvent[], inApp: 'SENT' | 'PENDING'): Promise<Routed> {
    const ruled = events.flatMap((event) => {
      const rule = ruleFor(event.type);
      return rule && (!rule.when || rule.when(event)) ? [{ event, rule }] : [];
    });
    const audiences = await resolveAudiences(
      manager,
      ruled.flatMap(({ rule, event }) => (rule.channels.length > 0 ? rule.audience(event) : [])),
    );
    const locales = new Map<string, string>();
    for (const people of audiences.values()) for (const person of people) locales.set(person.id, person.locale);
    const prefs = await preferencesOf(manager, [...locales.keys()], [...new Set(ruled.map(({ event }) => event.type))]);
    const subscriptions = await subscriptionsOf(manager, [...new Set(ruled.flatMap(({ rule, event }) => rule.organizations(event)))]);

    const deliveries: NewDelivery[] = [];
    for (const { event, rule } of ruled) {
      // person → wording; someone reached through a target with a variant gets that variant.
      const people = new Map<string, string | null>();
      if (rule.channels.length > 0) {
        for (const target of rule.audience(event)) {
          for (const person of audiences.get(audienceKey(target)) ?? []) people.set(person.id, target.variant ?? people.get(person.id) ?? null);
        }
      }
      if (!rule.tellActor && event.actorId) people.delete(event.actorId);
      // An address with no account is e-mailed at the address itself (no preferences to ask).
      if (rule.channels.includes('EMAIL')) {
        for (const target of rule.audience(event)) {
          if (target.kind !== 'address' || (audiences.get(audienceKey(target)) ?? []).length > 0) continue;
          const recipient = addressRecipientId(target.email);
          deliveries.push({ id: deliveryId(event.id, recipient, 'EMAIL'), eventId: event.id, recipient, channel: 'EMAIL', status: 'PENDING', variant: target.variant ?? null });
        }
      }
      for (const [person, variant] of people) {
        for (const channel of rule.channels) {
          const status = initialStatus(prefs.get(person) ?? [], event.type, channel);
          deliveries.push({ id: deliveryId(event.id, person, channel), eventId: event.id, recipient: person, channel, status: channel === 'IN_APP' && status === 'PENDING' ? inApp : status, variant });
        }
      }
      const hooks = new Set(rule.organizations(event).flatMap((organizationId) => subscriptions.get(organizationId) ?? []).filter((s) => s.events.includes(event.type) || s.events.includes('*')).map((s) => s.id));
      for (const id of hooks) deliveries.push({ id: deliveryId(event.id, id, 'WEBHOOK'), eventId: event.id, recipient: id, channel: 'WEBHOOK', status: 'PENDING', variant: null });
    }
    return { deliveries, locales };
  }
}

/**
 * Records the routed events and their deliveries (two statements); returns the deliveries this
 * call created. An in-app delivery is created SENT only together with its inbox row (same
 * transaction, see writeInbox), so the inbox gets each (event, person) exactly once.
 */
async function record(manager: EntityManager, events: readonly DomainEvent[], deliveries: readonly NewDelivery[]): Promise<NewDelivery[]> {
  if (deliveries.length === 0) return [];
  const heardIds = new Set(deliveries.map((d) => d.eventId));
  const heard = events.filter((event) => heardIds.has(event.id));
  await manager.query(
    `INSERT INTO "notifications"."routed_events" ("event_id", "type", "source", "actor_id", "occurred_at", "payload")
     SELECT e.id, e.type, e.source, e.actor_id, e.occurred_at, e.payload
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::jsonb[]) AS e(id, type, source, actor_id, occurred_at, payload)
     ON CONFLICT DO NOTHING`,
    [heard.map((e) => e.id), heard.map((e) => e.type), heard.map((e) => e.source), heard.map((e) => e.actorId), heard.map((e) => e.occurredAt), heard.map((e) => JSON.stringify(e.payload))],
  );
  const sorted = [...deliveries].sort((a, b) => (a.id < b.id ? -1 : 1));
  const created = (await manager.query(
    `INSERT INTO "notifications"."deliveries" ("id", "event_id", "recipient", "channel", "status", "variant", "attempts", "sent_at")
     SELECT d.id, d.event_id, d.recipient, d.channel, d.status, d.variant, CASE WHEN d.status = 'SENT' THEN 1 ELSE 0 END, CASE WHEN d.status = 'SENT' THEN now() END
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS d(id, event_id, recipient, channel, status, variant)
     ON CONFLICT DO NOTHING
     RETURNING "id"`,
    [sorted.map((d) => d.id), sorted.map((d) => d.eventId), sorted.map((d) => d.recipient), sorted.map((d) => d.channel), sorted.map((d) => d.status), sorted.map((d) => d.variant)],
  )) as Array<{ id: string }>;
  const ids = new Set(created.map((row) => row.id));
  return deliveries.filter((d) => ids.has(d.id));
}

/** The inbox rows of the in-app deliveries just created SENT: one statement for names, one for the rows. */
async function writeInbox(manager: EntityManager, events: readonly DomainEvent[], created: readonly NewDelivery[], locales: ReadonlyMap<string, string>): Promise<void> {
  const inApp = created.filter((d) => d.channel === 'IN_APP' && d.status === 'SENT');
  if (inApp.length === 0) return;
  const byId = new Map(events.map((event) => [event.id, event]));
  const refs = new Map([...new Set(inApp.map((d) => d.eventId))].map((id) => [id, ruleFor(byId.get(id)!.type)?.names?.(byId.get(id) as never) ?? {}]));
  const names = await organizationNames(manager, [...refs.values()].flatMap((r) => Object.values(r)));
  const messages = new Map<string, Message>();
  const rows = inApp.map((delivery) => {
    const locale = locales.get(delivery.recipient) ?? 'en';
    const key = `${delivery.eventId}:${locale}:${delivery.variant ?? ''}`;
    let message = messages.get(key);
    if (!message) {
      const params = Object.fromEntries(Object.entries(refs.get(delivery.eventId)!).map(([param, id]) => [param, names.get(id) ?? '—']));
      messages.set(key, (message = messageOf(byId.get(delivery.eventId)!, locale, params, delivery.variant)));
    }
    return { delivery, event: byId.get(delivery.eventId)!, message };
  });
  await manager.query(
    `INSERT INTO "notifications"."notifications" ("id", "user_id", "event_id", "type", "title", "body", "link")
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
     ON CONFLICT ("event_id", "user_id") DO NOTHING`,
    [
      rows.map(() => randomUUID()),
      rows.map((r) => r.delivery.recipient),
      rows.map((r) => r.event.id),
      rows.map((r) => r.event.type),
      rows.map((r) => r.message.title),
      rows.map((r) => r.message.body),
      rows.map((r) => r.message.link),
    ],
  );
}

async function organizationNames(manager: EntityManager, organizationIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(organizationIds)];
  if (ids.length === 0) return new Map();
  const rows = (await manager.query(`SELECT "id", "name" FROM "notifications"."directory_organizations" WHERE "id" = ANY($1::uuid[])`, [ids])) as Array<{ id: string; name: string }>;
  return new Map(rows.map((row) => [row.id, row.name]));
}

interface Person {
  id: string;
  locale: string;
}

function audienceKey(target: Audience): string {
  switch (target.kind) {
    case 'user':
      return `user:${target.userId}`;
    case 'email':
    case 'address':
      return `email:${target.email.toLowerCase()}`;
    case 'verified-email':
      return `verified-email:${target.email.toLowerCase()}`;
    case 'members':
      return `members:${target.organizationId}:${[...target.roles].sort().join(',')}`;
    case 'umbrella-admins':
      return `umbrella-admins:${target.organizationId}`;
  }
}

/** The people of every distinct audience target, in one statement: audience key → people. */
async function resolveAudiences(manager: EntityManager, targets: readonly Audience[]): Promise<Map<string, Person[]>> {
  const distinct = new Map(targets.map((target) => [audienceKey(target), target]));
  const result = new Map<string, Person[]>([...distinct.keys()].map((key) => [key, []]));
  if (distinct.size === 0) return result;
  const of = <K extends Audience['kind']>(kind: K) => [...distinct.entries()].filter((entry): entry is [string, Extract<Audience, { kind: K }>] => entry[1].kind === kind);
  const users = of('user');
  const emails = [...of('email'), ...of('address')];
  const verifiedEmails = of('verified-email');
  const members = of('members');
  const umbrellas = of('umbrella-admins');
  const rows = (await manager.query(
    `SELECT t.key, u."id", u."locale" FROM unnest($1::text[], $2::uuid[]) AS t(key, user_id)
       JOIN "notifications"."directory_users" u ON u."id" = t.user_id
     UNION ALL
     SELECT t.key, u."id", u."locale" FROM unnest($3::text[], $4::text[]) AS t(key, email)
       JOIN "notifications"."directory_users" u ON lower(u."email") = lower(t.email)
     UNION ALL
     SELECT t.key, u."id", u."locale" FROM unnest($5::text[], $6::uuid[], $7::text[]) AS t(key, organization_id, roles)
       JOIN "notifications"."directory_memberships" m ON m."organization_id" = t.organization_id AND m."role" = ANY(string_to_array(t.roles, ','))
       JOIN "notifications"."directory_users" u ON u."id" = m."user_id"
     UNION ALL
     SELECT DISTINCT t.key, u."id", u."locale" FROM unnest($8::text[], $9::uuid[]) AS t(key, organization_id)
       JOIN "notifications"."directory_umbrella_members" um ON um."organization_id" = t.organization_id
       JOIN "notifications"."directory_memberships" m ON m."organization_id" = um."umbrella_id" AND m."role" IN ('OWNER', 'ADMIN')
       JOIN "notifications"."directory_users" u ON u."id" = m."user_id"
     UNION ALL
     SELECT t.key, u."id", u."locale" FROM unnest($10::text[], $11::text[]) AS t(key, email)
       JOIN "notifications"."directory_users" u ON lower(u."email") = lower(t.email) AND u."email_verified"`,
    [
      users.map(([key]) => key),
      users.map(([, t]) => t.userId),
      emails.map(([key]) => key),
      emails.map(([, t]) => t.email),
      members.map(([key]) => key),
      members.map(([, t]) => t.organizationId),
      members.map(([, t]) => t.roles.join(',')),
      umbrellas.map(([key]) => key),
      umbrellas.map(([, t]) => t.organizationId),
      verifiedEmails.map(([key]) => key),
      verifiedEmails.map(([, t]) => t.email),
    ],
  )) as Array<{ key: string; id: string; locale: string }>;
  for (const row of rows) result.get(row.key)!.push({ id: row.id, locale: row.locale });
  return result;
}

async function preferencesOf(manager: EntityManager, userIds: string[], eventTypes: string[]): Promise<Map<string, StoredPreference[]>> {
  if (userIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT "user_id", "event_type", "channel", "enabled", "email_mode" FROM "notifications"."notification_preferences"
      WHERE "user_id" = ANY($1::uuid[]) AND ("event_type" = ANY($2::text[]) OR "event_type" = '*')`,
    [userIds, eventTypes],
  )) as Array<{ user_id: string; event_type: string; channel: 'IN_APP' | 'EMAIL'; enabled: boolean; email_mode: StoredPreference['emailMode'] }>;
  const byUser = new Map<string, StoredPreference[]>();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({ eventType: row.event_type, channel: row.channel, enabled: row.enabled, emailMode: row.email_mode });
    byUser.set(row.user_id, list);
  }
  return byUser;
}

/** Active webhook subscriptions of the organizations: organization → subscriptions. */
async function subscriptionsOf(manager: EntityManager, organizationIds: string[]): Promise<Map<string, Array<{ id: string; events: string[] }>>> {
  if (organizationIds.length === 0) return new Map();
  const rows = (await manager.query(`SELECT "id", "organization_id", "events" FROM "notifications"."webhook_subscriptions" WHERE "active" AND "organization_id" = ANY($1::uuid[])`, [
    organizationIds,
  ])) as Array<{ id: string; organization_id: string; events: string[] }>;
  const byOrganization = new Map<string, Array<{ id: string; events: string[] }>>();
  for (const row of rows) byOrganization.set(row.organization_id, [...(byOrganization.get(row.organization_id) ?? []), { id: row.id, events: row.events }]);
  return byOrganization;
}
