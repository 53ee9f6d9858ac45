// Consumes every domain event: keeps the directory current (identity's events), then fans the
// event out by its routing rule — one `deliveries` row per (event, recipient, channel), keyed
// deterministically — writes the inbox rows, and queues one job per pending e-mail or webhook.
// The rows are the record: a replayed event finds its claim and only re-queues what is still
// pending. Events are routed in batches (group commit): the jobs that arrive while a batch is
// being written are routed together next, with a constant number of statements per batch.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DOMAIN_EVENT_TYPES, type DomainEvent } from '@lattice/shared-contracts';
import { GroupCommit, type JobHandlerDeclaration } from '@lattice/shared-worker';
import { QUEUE_PORT, type QueuePort } from '@lattice/shared-queue';
import {
  type AudienceLookup,
  changesDirectory,
  claimEvents,
  DeliveryRepository,
  DirectoryRepository,
  InboxRepository,
  type NewDelivery,
  PreferenceRepository,
  WebhookSubscriptionRepository,
} from '@lattice/notifications-data-access';
import {
  addressRecipientId,
  type Audience,
  deliveryId,
  initialStatus,
  type Message,
  messageOf,
  notificationOf,
  ruleFor,
  type StoredPreference,
} from '@lattice/notifications-domain';
import { enqueueDeliveries } from '../delivery/enqueue';
import { NOTIFICATIONS_ORGANIZATIONS, organizationNames } from '../directory/organizations';

const CONSUMER = 'notifications.router';
/** Events routed in one transaction at most, and batches written at once. */
export const ROUTING_BATCH = { maxBatch: 200, maxInFlight: 2 } as const;
/**
 * A batch that changes the directory (a sign-up, a membership) is routed alone: two batches in
 * flight would each read the directory before the other committed, so an event right after a
 * sign-up could miss the person it is for. Those events are few; the rest still overlap.
 */
const ROUTING = { ...ROUTING_BATCH, runsAlone: changesDirectory };

interface Routed {
  readonly deliveries: NewDelivery[];
  /** Recipients' locales, for the inbox text. */
  readonly locales: Map<string, string>;
}

@Injectable()
export class NotificationRouter {
  private readonly group = new GroupCommit<DomainEvent>((events) => this.handleBatch(events), ROUTING);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(QUEUE_PORT) private readonly queue: QueuePort,
    private readonly deliveries: DeliveryRepository,
    private readonly directory: DirectoryRepository,
    private readonly preferences: PreferenceRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly inbox: InboxRepository,
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
      await this.directory.apply(manager, fresh);
      await NOTIFICATIONS_ORGANIZATIONS.apply(manager, fresh);
      const routed = await this.plan(manager, fresh, 'SENT');
      const recorded = await this.record(manager, fresh, routed.deliveries);
      await this.writeInbox(manager, fresh, recorded, routed.locales);
      pending = recorded.filter((d) => d.status === 'PENDING');
    });
    // A replayed event (retry, republish) re-queues what is still pending; job id = delivery id.
    const stillPending = replayed.length === 0 ? [] : await this.deliveries.pendingOfEvents(replayed);
    await enqueueDeliveries(this.queue, [...pending, ...stillPending]);
  }

  /** Records the deliveries an event gets, without sending any (in-app rows stay PENDING for their job). */
  async fanOut(manager: EntityManager, event: DomainEvent): Promise<void> {
    const routed = await this.plan(manager, [event], 'PENDING');
    await this.record(manager, [event], routed.deliveries);
  }

  /** Decides who hears each event on which channel: three statements for the whole batch. */
  private async plan(
    manager: EntityManager,
    events: readonly DomainEvent[],
    inApp: 'SENT' | 'PENDING',
  ): Promise<Routed> {
    const ruled = events.flatMap((event) => {
      const rule = ruleFor(event.type);
      return rule && (!rule.when || rule.when(event)) ? [{ event, rule }] : [];
    });
    const audiences = await this.resolveAudiences(
      manager,
      ruled.flatMap(({ rule, event }) => (rule.channels.length > 0 ? rule.audience(event) : [])),
    );
    const locales = new Map<string, string>();
    for (const people of audiences.values())
      for (const person of people) locales.set(person.id, person.locale);
    const prefs = await this.preferencesOf(
      manager,
      [...locales.keys()],
      [...new Set(ruled.map(({ event }) => event.type))],
    );
    const subscriptions = await this.subscriptionsOf(manager, [
      ...new Set(ruled.flatMap(({ rule, event }) => rule.organizations(event))),
    ]);

    const deliveries: NewDelivery[] = [];
    for (const { event, rule } of ruled) {
      // person → wording; someone reached through a target with a variant gets that variant.
      const people = new Map<string, string | null>();
      if (rule.channels.length > 0) {
        for (const target of rule.audience(event)) {
          for (const person of audiences.get(audienceKey(target)) ?? [])
            people.set(person.id, target.variant ?? people.get(person.id) ?? null);
        }
      }
      if (!rule.tellActor && event.actorId) people.delete(event.actorId);
      // An address with no account is e-mailed at the address itself (no preferences to ask).
      if (rule.channels.includes('EMAIL')) {
        for (const target of rule.audience(event)) {
          if (target.kind !== 'address' || (audiences.get(audienceKey(target)) ?? []).length > 0) continue;
          const recipient = addressRecipientId(target.email);
          deliveries.push({
            id: deliveryId(event.id, recipient, 'EMAIL'),
            eventId: event.id,
            recipient,
            channel: 'EMAIL',
            status: 'PENDING',
            variant: target.variant ?? null,
          });
        }
      }
      for (const [person, variant] of people) {
        for (const channel of rule.channels) {
          const status = initialStatus(prefs.get(person) ?? [], event.type, channel);
          deliveries.push({
            id: deliveryId(event.id, person, channel),
            eventId: event.id,
            recipient: person,
            channel,
            status: channel === 'IN_APP' && status === 'PENDING' ? inApp : status,
            variant,
          });
        }
      }
      const hooks = new Set(
        rule
          .organizations(event)
          .flatMap((organizationId) => subscriptions.get(organizationId) ?? [])
          .filter((s) => s.events.includes(event.type) || s.events.includes('*'))
          .map((s) => s.id),
      );
      for (const id of hooks)
        deliveries.push({
          id: deliveryId(event.id, id, 'WEBHOOK'),
          eventId: event.id,
          recipient: id,
          channel: 'WEBHOOK',
          status: 'PENDING',
          variant: null,
        });
    }
    return { deliveries, locales };
  }

  /**
   * Records the routed events and their deliveries (two statements); returns the deliveries this
   * call created. An in-app delivery is created SENT only together with its inbox row (same
   * transaction, see writeInbox), so the inbox gets each (event, person) exactly once.
   */
  private async record(
    manager: EntityManager,
    events: readonly DomainEvent[],
    deliveries: readonly NewDelivery[],
  ): Promise<NewDelivery[]> {
    if (deliveries.length === 0) return [];
    const heardIds = new Set(deliveries.map((d) => d.eventId));
    await this.deliveries.recordRoutedEvents(
      manager,
      events.filter((event) => heardIds.has(event.id)),
    );
    const created = await this.deliveries.recordDeliveries(manager, deliveries);
    return deliveries.filter((d) => created.has(d.id));
  }

  /** The inbox rows of the in-app deliveries just created SENT: one statement for names, one for the rows. */
  private async writeInbox(
    manager: EntityManager,
    events: readonly DomainEvent[],
    created: readonly NewDelivery[],
    locales: ReadonlyMap<string, string>,
  ): Promise<void> {
    const inApp = created.filter((d) => d.channel === 'IN_APP' && d.status === 'SENT');
    if (inApp.length === 0) return;
    const byId = new Map(events.map((event) => [event.id, event]));
    const refs = new Map(
      [...new Set(inApp.map((d) => d.eventId))].map((id) => [
        id,
        ruleFor(byId.get(id)!.type)?.names?.(byId.get(id) as never) ?? {},
      ]),
    );
    const names = await organizationNames(
      manager,
      [...refs.values()].flatMap((r) => Object.values(r)),
    );
    const messages = new Map<string, Message & ReturnType<typeof notificationOf>>();
    const entries = inApp.map((delivery) => {
      const locale = locales.get(delivery.recipient) ?? 'en';
      const key = `${delivery.eventId}:${locale}:${delivery.variant ?? ''}`;
      let message = messages.get(key);
      if (!message) {
        const params = Object.fromEntries(
          Object.entries(refs.get(delivery.eventId)!).map(([param, id]) => [param, names.get(id) ?? '—']),
        );
        const event = byId.get(delivery.eventId)!;
        messages.set(
          key,
          (message = {
            ...messageOf(event, locale, params, delivery.variant),
            ...notificationOf(event, params, delivery.variant),
          }),
        );
      }
      const event = byId.get(delivery.eventId)!;
      return {
        userId: delivery.recipient,
        eventId: event.id,
        type: event.type,
        title: message.title,
        body: message.body,
        link: message.link,
        code: message.code,
        params: message.params,
      };
    });
    await this.inbox.add(manager, entries);
  }

  /** The people of every distinct audience target, in one statement: audience key → people. */
  private async resolveAudiences(
    manager: EntityManager,
    targets: readonly Audience[],
  ): Promise<Map<string, Person[]>> {
    const distinct = new Map(targets.map((target) => [audienceKey(target), target]));
    const result = new Map<string, Person[]>([...distinct.keys()].map((key) => [key, []]));
    if (distinct.size === 0) return result;
    const of = <K extends Audience['kind']>(kind: K) =>
      [...distinct.entries()].filter(
        (entry): entry is [string, Extract<Audience, { kind: K }>] => entry[1].kind === kind,
      );
    const lookup: AudienceLookup = {
      users: of('user').map(([key, t]) => ({ key, userId: t.userId })),
      emails: [...of('email'), ...of('address')].map(([key, t]) => ({ key, email: t.email })),
      verifiedEmails: of('verified-email').map(([key, t]) => ({ key, email: t.email })),
      members: of('members').map(([key, t]) => ({ key, organizationId: t.organizationId, roles: t.roles })),
      umbrellaAdmins: of('umbrella-admins').map(([key, t]) => ({ key, organizationId: t.organizationId })),
    };
    for (const row of await this.directory.audiences(manager, lookup))
      result.get(row.key)!.push({ id: row.id, locale: row.locale });
    return result;
  }

  private async preferencesOf(
    manager: EntityManager,
    userIds: string[],
    eventTypes: string[],
  ): Promise<Map<string, StoredPreference[]>> {
    const byUser = new Map<string, StoredPreference[]>();
    for (const row of await this.preferences.ofPeople(manager, userIds, eventTypes)) {
      const list = byUser.get(row.userId) ?? [];
      list.push({
        eventType: row.eventType,
        channel: row.channel,
        enabled: row.enabled,
        emailMode: row.emailMode,
      });
      byUser.set(row.userId, list);
    }
    return byUser;
  }

  /** Active webhook subscriptions of the organizations: organization → subscriptions. */
  private async subscriptionsOf(
    manager: EntityManager,
    organizationIds: string[],
  ): Promise<Map<string, Array<{ id: string; events: string[] }>>> {
    const byOrganization = new Map<string, Array<{ id: string; events: string[] }>>();
    for (const row of await this.subscriptions.activeOfOrganizations(manager, organizationIds)) {
      byOrganization.set(row.organization_id, [
        ...(byOrganization.get(row.organization_id) ?? []),
        { id: row.id, events: row.events },
      ]);
    }
    return byOrganization;
  }
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
