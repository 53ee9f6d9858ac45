// The router's orchestration with its repositories mocked: who gets which delivery, what is
// written to the inbox and queued, and that a batch costs one call of each kind whatever its size.
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent } from '@lattice/shared-contracts';
import type { QueuePort } from '@lattice/shared-queue';
import type {
  AudienceLookup,
  DeliveryRepository,
  DirectoryRepository,
  InboxRepository,
  NewDelivery,
  PreferenceRepository,
  WebhookSubscriptionRepository,
} from '@lattice/notifications-data-access';
import { deliveryId } from '@lattice/notifications-domain';
import { NotificationRouter } from './notification-router';

const joined = (id: string, organizationId: string): DomainEvent<'identity.umbrella.joined'> => ({
  id,
  type: 'identity.umbrella.joined',
  source: 'identity',
  occurredAt: '2026-01-01T00:00:00.000Z',
  actorId: 'actor',
  payload: { umbrellaId: 'umbrella', organizationId, by: 'actor' },
});

function world(options: { claimed?: boolean; alreadyRecorded?: boolean } = {}) {
  const organizations = [
    {
      id: 'umbrella',
      name: 'Conseil',
      kind: 'UMBRELLA',
      size: null,
      region: null,
      sector: null,
      verified: true,
    },
    {
      id: 'college',
      name: 'Collège',
      kind: 'INSTITUTION',
      size: null,
      region: null,
      sector: null,
      verified: false,
    },
  ];
  const manager = {
    query: jest.fn(async (sql: string, params: unknown[]) => {
      // claimEvents: the ids this consumer had not seen.
      if (sql.includes('"processed_events"'))
        return options.claimed === false ? [] : (params[0] as string[]).map((id) => ({ event_id: id }));
      // The directory of organizations' copy: names for the inbox; its writes answer nothing.
      if (sql.trimStart().startsWith('SELECT') && sql.includes('"directory_organizations"'))
        return organizations;
      return [];
    }),
  };
  const dataSource = {
    transaction: jest.fn(async (work: (m: EntityManager) => Promise<unknown>) =>
      work(manager as unknown as EntityManager),
    ),
  };
  const queue = { addBulk: jest.fn(async () => undefined) };
  const deliveries = {
    pendingOfEvents: jest.fn(async () => [{ id: 'pending-1', channel: 'EMAIL' as const }]),
    recordRoutedEvents: jest.fn(async () => undefined),
    recordDeliveries: jest.fn(
      async (_m: EntityManager, rows: readonly NewDelivery[]) =>
        new Set(options.alreadyRecorded ? [] : rows.map((row) => row.id)),
    ),
  };
  const directory = {
    apply: jest.fn(async () => undefined),
    // The umbrella's admins: one who reads French, and the actor (never told).
    audiences: jest.fn(async (_m: EntityManager, lookup: AudienceLookup) =>
      lookup.members.flatMap((target) => [
        { key: target.key, id: 'admin', locale: 'fr' },
        { key: target.key, id: 'actor', locale: 'en' },
      ]),
    ),
  };
  const preferences = {
    ofPeople: jest.fn(async () => [
      {
        userId: 'admin',
        eventType: 'identity.umbrella.joined',
        channel: 'EMAIL' as const,
        enabled: true,
        emailMode: 'DAILY_DIGEST' as const,
      },
    ]),
  };
  const subscriptions = {
    activeOfOrganizations: jest.fn(async () => [
      { id: 'hook-all', organization_id: 'college', events: ['*'] },
      { id: 'hook-other', organization_id: 'umbrella', events: ['marketplace.partnership.proposed'] },
    ]),
  };
  const inbox = { add: jest.fn(async () => undefined) };
  const router = new NotificationRouter(
    dataSource as unknown as DataSource,
    queue as unknown as QueuePort,
    deliveries as unknown as DeliveryRepository,
    directory as unknown as DirectoryRepository,
    preferences as unknown as PreferenceRepository,
    subscriptions as unknown as WebhookSubscriptionRepository,
    inbox as unknown as InboxRepository,
  );
  /** Statements on the directory of organizations' copy: `SELECT` reads, other writes. */
  const organizationStatements = (kind: 'SELECT' | 'write') =>
    manager.query.mock.calls.filter(
      ([sql]) =>
        /"directory_(organizations|umbrella_members)"/.test(sql) &&
        sql.trimStart().startsWith('SELECT') === (kind === 'SELECT'),
    ).length;
  return { router, queue, deliveries, directory, preferences, subscriptions, inbox, organizationStatements };
}

describe('NotificationRouter', () => {
  it('routes a batch with one call of each kind, whatever its size, and each event once', async () => {
    const w = world();
    const first = joined('00000000-0000-4000-8000-000000000001', 'college');
    const second = joined('00000000-0000-4000-8000-000000000002', 'college');
    await w.router.handleBatch([first, second, first]);

    expect(w.organizationStatements('SELECT')).toBe(1); // the names, for the whole batch
    expect(w.organizationStatements('write')).toBe(1); // the batch's umbrella memberships, in one statement
    for (const mock of [
      w.directory.apply,
      w.directory.audiences,
      w.preferences.ofPeople,
      w.subscriptions.activeOfOrganizations,
      w.deliveries.recordRoutedEvents,
      w.deliveries.recordDeliveries,
      w.inbox.add,
    ]) {
      expect(mock).toHaveBeenCalledTimes(1);
    }
    expect(w.directory.apply).toHaveBeenCalledWith(expect.anything(), [first, second]);
    expect(w.deliveries.pendingOfEvents).not.toHaveBeenCalled();
  });

  it('tells the admins in-app at once and by e-mail in their digest, never the actor, and the webhooks that asked for the event', async () => {
    const w = world();
    const event = joined('00000000-0000-4000-8000-000000000001', 'college');
    await w.router.handleBatch([event]);

    const recorded = w.deliveries.recordDeliveries.mock.calls[0]![1];
    expect([...recorded].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        {
          id: deliveryId(event.id, 'admin', 'IN_APP'),
          eventId: event.id,
          recipient: 'admin',
          channel: 'IN_APP',
          status: 'SENT',
          variant: null,
        },
        {
          id: deliveryId(event.id, 'admin', 'EMAIL'),
          eventId: event.id,
          recipient: 'admin',
          channel: 'EMAIL',
          status: 'DIGEST',
          variant: null,
        },
        {
          id: deliveryId(event.id, 'hook-all', 'WEBHOOK'),
          eventId: event.id,
          recipient: 'hook-all',
          channel: 'WEBHOOK',
          status: 'PENDING',
          variant: null,
        },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    // The inbox row is written with the delivery, in the reader's language, with the directory's names.
    expect(w.inbox.add).toHaveBeenCalledWith(expect.anything(), [
      expect.objectContaining({
        userId: 'admin',
        eventId: event.id,
        type: 'identity.umbrella.joined',
        title: 'Collège s’est jointe à votre regroupement',
        code: 'IDENTITY_UMBRELLA_JOINED',
        params: expect.objectContaining({ organization: 'Collège' }),
      }),
    ]);
    // Only what is still pending is queued: the webhook (the digest waits for its schedule).
    expect(w.queue.addBulk).toHaveBeenCalledWith('notifications-deliveries', []);
    expect(w.queue.addBulk).toHaveBeenCalledWith('notifications-webhooks', [
      {
        name: 'webhook',
        data: { deliveryId: deliveryId(event.id, 'hook-all', 'WEBHOOK') },
        options: { jobId: deliveryId(event.id, 'hook-all', 'WEBHOOK') },
      },
    ]);
  });

  it('re-queues only what is still pending for an event it has routed before, and writes nothing', async () => {
    const w = world({ claimed: false });
    const event = joined('00000000-0000-4000-8000-000000000001', 'college');
    await w.router.handleBatch([event]);

    expect(w.directory.apply).not.toHaveBeenCalled();
    expect(w.organizationStatements('write')).toBe(0);
    expect(w.deliveries.recordDeliveries).not.toHaveBeenCalled();
    expect(w.inbox.add).not.toHaveBeenCalled();
    expect(w.deliveries.pendingOfEvents).toHaveBeenCalledWith([event.id]);
    expect(w.queue.addBulk).toHaveBeenCalledWith('notifications-deliveries', [
      { name: 'email', data: { deliveryId: 'pending-1' }, options: { jobId: 'pending-1' } },
    ]);
  });

  it('neither writes the inbox nor queues deliveries another copy of the batch recorded first', async () => {
    const w = world({ alreadyRecorded: true });
    await w.router.handleBatch([joined('00000000-0000-4000-8000-000000000001', 'college')]);

    expect(w.inbox.add).not.toHaveBeenCalled();
    expect(w.queue.addBulk).toHaveBeenCalledWith('notifications-webhooks', []);
  });
});
