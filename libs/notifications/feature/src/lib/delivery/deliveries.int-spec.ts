// Exactly-once effect over at-least-once transport, against real Postgres and a real SMTP
// server: a duplicated event, a duplicated job and a replayed digest each send once.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '@lattice/shared-contracts';
import { migrateService, serviceDataSourceOptions } from '@lattice/shared-data-access';
import { InProcessQueueDriver } from '@lattice/shared-queue';
import { SecretBox } from '@lattice/shared-util-config';
import { testDatabaseUrl } from '@lattice/shared-testing';
import {
  DeliveryRepository,
  DirectoryRepository,
  InboxRepository,
  notificationsDataSource,
  PreferenceRepository,
  WebhookSubscriptionRepository,
} from '@lattice/notifications-data-access';
import { NotificationRouter } from '../routing/notification-router';
import { addressRecipientId } from '@lattice/notifications-domain';
import { EmailDelivery } from '../email/email.delivery';
import { SmtpMailer } from '../email/mailer';
import { DeliveryStore } from './delivery-store';
import { InAppDelivery } from './in-app.delivery';
import { DeliverySweep } from './delivery-sweep';

const ev = <T extends DomainEvent['type']>(
  type: T,
  payload: DomainEvent<T>['payload'],
  actorId: string | null = null,
): DomainEvent<T> => ({
  id: randomUUID(),
  type,
  source: 'identity',
  occurredAt: new Date().toISOString(),
  actorId,
  payload,
});

describe('notification deliveries', () => {
  const url = testDatabaseUrl('int');
  let dataSource: DataSource;
  let queue: InProcessQueueDriver;
  let smtp: SMTPServer;
  const mails: Array<{ to: string; raw: string }> = [];
  let mailer: SmtpMailer;
  let router: NotificationRouter;
  let store: DeliveryStore;
  let email: EmailDelivery;
  let deliveries: DeliveryRepository;
  let inboxes: InboxRepository;
  const settings = {
    production: false,
    webhookSecretKey: Buffer.alloc(32),
    publicBaseUrl: 'http://localhost:4000',
    mailFrom: 'Lattice <n@lattice.test>',
    webhookTimeoutMs: 1000,
  };

  beforeAll(async () => {
    await migrateService(notificationsDataSource(url));
    dataSource = new DataSource(serviceDataSourceOptions(notificationsDataSource(url)));
    await dataSource.initialize();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on(
          'end',
          () => (
            mails.push({ to: session.envelope.rcptTo[0]!.address, raw: Buffer.concat(chunks).toString() }),
            callback()
          ),
        );
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    mailer = new SmtpMailer(
      `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      settings.mailFrom,
    );
  });

  beforeEach(() => {
    queue = new InProcessQueueDriver();
    deliveries = new DeliveryRepository(dataSource);
    inboxes = new InboxRepository(dataSource);
    store = new DeliveryStore(dataSource, deliveries, new DirectoryRepository(dataSource));
    router = new NotificationRouter(
      dataSource,
      queue,
      deliveries,
      new DirectoryRepository(dataSource),
      new PreferenceRepository(dataSource),
      new WebhookSubscriptionRepository(dataSource),
      inboxes,
    );
    email = new EmailDelivery(dataSource, store, deliveries, mailer, settings);
  });

  afterEach(() => queue.close());

  afterAll(async () => {
    await mailer.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await dataSource.destroy();
  });

  async function umbrellaWithAdmin(locale = 'en') {
    const admin = {
      userId: randomUUID(),
      email: `${randomUUID().slice(0, 8)}@example.test`,
      name: 'Ada',
      locale,
    };
    const member = {
      userId: randomUUID(),
      email: `${randomUUID().slice(0, 8)}@example.test`,
      name: 'Mo',
      locale: 'en',
    };
    const umbrellaId = randomUUID();
    const collegeId = randomUUID();
    for (const event of [
      ev('identity.user.signed_up', admin),
      ev('identity.user.signed_up', member),
      ev('identity.organization.created', {
        organizationId: umbrellaId,
        name: 'Council',
        kind: 'UMBRELLA',
        size: 'SMALL',
        region: null,
        sector: null,
        createdBy: admin.userId,
      }),
      ev('identity.organization.created', {
        organizationId: collegeId,
        name: 'College',
        kind: 'INSTITUTION',
        size: 'SMALL',
        region: null,
        sector: null,
        createdBy: member.userId,
      }),
      ev('identity.membership.created', { userId: admin.userId, organizationId: umbrellaId, role: 'OWNER' }),
      ev('identity.membership.created', {
        userId: member.userId,
        organizationId: umbrellaId,
        role: 'MEMBER',
      }),
    ]) {
      await router.handle(event);
    }
    return { admin, member, umbrellaId, collegeId };
  }

  const deliveriesOf = (eventId: string) =>
    dataSource.query(
      `SELECT "recipient", "channel", "status" FROM "notifications"."deliveries" WHERE "event_id" = $1 ORDER BY "channel"`,
      [eventId],
    ) as Promise<Array<{ recipient: string; channel: string; status: string }>>;

  it('routes an event queued right after a directory change with that change, however slowly it commits', async () => {
    // umbrellaWithAdmin gives the umbrella an OWNER; a second admin joins it right before a college does.
    const { umbrellaId, collegeId } = await umbrellaWithAdmin();
    const admin = {
      userId: randomUUID(),
      email: `${randomUUID().slice(0, 8)}@example.test`,
      name: 'Di',
      locale: 'en',
    };
    await router.handle(ev('identity.user.signed_up', admin));
    const submit = (event: DomainEvent) =>
      router
        .declarations()
        .find((declaration) => declaration.name === event.type)!
        .handle(event, { attemptsMade: 0, maxAttempts: 1 } as never);
    // The membership's write waits on a lock held here, as a slow commit would: without the rule
    // that a directory batch runs alone, the umbrella.joined batch ran beside it, read the directory
    // before the new admin was in it, and committed without them.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`LOCK TABLE "notifications"."directory_memberships" IN SHARE ROW EXCLUSIVE MODE`);
    const joined = ev('identity.umbrella.joined', {
      umbrellaId,
      organizationId: collegeId,
      by: randomUUID(),
    });
    const routed = Promise.all([
      submit(
        ev('identity.membership.created', {
          userId: admin.userId,
          organizationId: umbrellaId,
          role: 'ADMIN',
        }),
      ),
      submit(joined),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await runner.commitTransaction();
    await runner.release();
    await routed;
    expect((await deliveriesOf(joined.id)).filter((d) => d.recipient === admin.userId)).toEqual([
      { recipient: admin.userId, channel: 'EMAIL', status: 'PENDING' },
      { recipient: admin.userId, channel: 'IN_APP', status: 'SENT' },
    ]);
  });

  it('records one delivery per (event, recipient, channel) however often the event arrives, and sends each once (a repeated in-app job is a no-op)', async () => {
    const { admin, umbrellaId, collegeId } = await umbrellaWithAdmin();
    const joined = ev('identity.umbrella.joined', {
      umbrellaId,
      organizationId: collegeId,
      by: randomUUID(),
    });
    await Promise.all([router.handle(joined), router.handle(joined)]);
    await router.handle(joined);
    const rows = await deliveriesOf(joined.id);
    expect(rows).toEqual([
      { recipient: admin.userId, channel: 'EMAIL', status: 'PENDING' },
      { recipient: admin.userId, channel: 'IN_APP', status: 'SENT' }, // written with the routing, in its transaction
    ]);
    expect(
      await dataSource.query(
        `SELECT count(*)::int AS n FROM "notifications"."notifications" WHERE "event_id" = $1`,
        [joined.id],
      ),
    ).toEqual([{ n: 1 }]);
    const ids = (await dataSource.query(
      `SELECT "id", "channel" FROM "notifications"."deliveries" WHERE "event_id" = $1`,
      [joined.id],
    )) as Array<{ id: string; channel: string }>;
    const inApp = new InAppDelivery(dataSource, store, inboxes);
    const emailId = ids.find((d) => d.channel === 'EMAIL')!.id;
    const inAppId = ids.find((d) => d.channel === 'IN_APP')!.id;
    await Promise.all([inApp.deliver({ deliveryId: inAppId }), inApp.deliver({ deliveryId: inAppId })]);
    await Promise.all([email.deliver({ deliveryId: emailId }), email.deliver({ deliveryId: emailId })]);
    await email.deliver({ deliveryId: emailId });
    const inbox = (await dataSource.query(
      `SELECT "title" FROM "notifications"."notifications" WHERE "event_id" = $1`,
      [joined.id],
    )) as Array<{ title: string }>;
    expect(inbox).toEqual([{ title: 'College joined your umbrella' }]);
    const sent = mails.filter((m) => m.to === admin.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.raw).toMatch(/Subject: College joined your umbrella/);
    expect(sent[0]!.raw).toContain('College is now a member of Council.');
    expect(sent[0]!.raw).toContain(`Message-ID: <${emailId}@lattice.test>`);
    expect((await deliveriesOf(joined.id)).map((d) => d.status)).toEqual(['SENT', 'SENT']);
  });

  it('routes a batch in one transaction as it would route its events one by one: each once, the later directory change winning, each person in their language', async () => {
    const en = {
      userId: randomUUID(),
      email: `${randomUUID().slice(0, 8)}@example.test`,
      name: 'Old name',
      locale: 'en',
    };
    const fr = {
      userId: randomUUID(),
      email: `${randomUUID().slice(0, 8)}@example.test`,
      name: 'Zoé',
      locale: 'fr',
    };
    const umbrellaId = randomUUID();
    const collegeId = randomUUID();
    const otherOrgId = randomUUID();
    // Directory events and routed events in one batch; the second sign-up of `en` renames them.
    const joined = ev('identity.umbrella.joined', {
      umbrellaId,
      organizationId: collegeId,
      by: randomUUID(),
    });
    await router.handleBatch([
      ev('identity.user.signed_up', en),
      ev('identity.user.signed_up', fr),
      ev('identity.user.signed_up', { ...en, name: 'Ada' }),
      ev('identity.organization.created', {
        organizationId: umbrellaId,
        name: 'Council',
        kind: 'UMBRELLA',
        size: 'SMALL',
        region: null,
        sector: null,
        createdBy: en.userId,
      }),
      ev('identity.organization.created', {
        organizationId: collegeId,
        name: 'College',
        kind: 'INSTITUTION',
        size: 'SMALL',
        region: null,
        sector: null,
        createdBy: en.userId,
      }),
      ev('identity.membership.created', { userId: en.userId, organizationId: umbrellaId, role: 'MEMBER' }),
      ev('identity.membership.created', { userId: en.userId, organizationId: umbrellaId, role: 'OWNER' }),
      ev('identity.membership.created', { userId: fr.userId, organizationId: umbrellaId, role: 'ADMIN' }),
      joined,
    ]);
    expect(
      await dataSource.query(`SELECT "name" FROM "notifications"."directory_users" WHERE "id" = $1`, [
        en.userId,
      ]),
    ).toEqual([{ name: 'Ada' }]);
    expect(
      await dataSource.query(
        `SELECT "role" FROM "notifications"."directory_memberships" WHERE "user_id" = $1`,
        [en.userId],
      ),
    ).toEqual([{ role: 'OWNER' }]);
    // The umbrella's webhook hears the event; the other organization's (other event types) does not.
    await dataSource.query(
      `INSERT INTO "notifications"."webhook_subscriptions" ("id", "organization_id", "url", "events", "secret_ciphertext", "created_by")
       VALUES ($1, $2, 'http://127.0.0.1:9/hook', ARRAY['identity.umbrella.joined'], 'x', $4), ($3, $2, 'http://127.0.0.1:9/other', ARRAY['marketplace.need.posted'], 'x', $4)`,
      [randomUUID(), umbrellaId, randomUUID(), en.userId],
    );
    const second = ev('identity.umbrella.joined', {
      umbrellaId,
      organizationId: otherOrgId,
      by: randomUUID(),
    });
    await router.handleBatch([second, joined, second]); // a duplicate in the batch and a replay of an event already routed
    const inbox = (await dataSource.query(
      `SELECT "event_id", "user_id", "title" FROM "notifications"."notifications" WHERE "event_id" = ANY($1::uuid[]) ORDER BY "event_id", "title"`,
      [[joined.id, second.id]],
    )) as Array<{ event_id: string; user_id: string; title: string }>;
    expect(
      inbox
        .filter((row) => row.event_id === joined.id)
        .map((row) => [row.user_id, row.title])
        .sort(),
    ).toEqual(
      [
        [en.userId, 'College joined your umbrella'],
        [fr.userId, 'College s’est jointe à votre regroupement'],
      ].sort(),
    );
    expect(inbox.filter((row) => row.event_id === second.id)).toHaveLength(2); // its organization is unknown to the directory: '—'
    const rows = (await dataSource.query(
      `SELECT "event_id", "channel", "status", count(*)::int AS n FROM "notifications"."deliveries" WHERE "event_id" = ANY($1::uuid[]) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [[joined.id, second.id]],
    )) as Array<{ event_id: string; channel: string; status: string; n: number }>;
    expect(
      rows.filter((r) => r.event_id === joined.id).map(({ channel, status, n }) => [channel, status, n]),
    ).toEqual([
      ['EMAIL', 'PENDING', 2],
      ['IN_APP', 'SENT', 2],
    ]);
    expect(
      rows.filter((r) => r.event_id === second.id).map(({ channel, status, n }) => [channel, status, n]),
    ).toEqual([
      ['EMAIL', 'PENDING', 2],
      ['IN_APP', 'SENT', 2],
      ['WEBHOOK', 'PENDING', 1],
    ]);
    // Queued once per pending delivery (job id = delivery id), the replayed event's e-mails included.
    const deliveries = await queue.counts('notifications-deliveries');
    const webhooks = await queue.counts('notifications-webhooks');
    expect(deliveries.waiting + deliveries.active).toBe(4);
    expect(webhooks.waiting + webhooks.active).toBe(1);
  });

  it('e-mails an invitee without an account at the invited address with the accept link, which the routed event holds only sealed', async () => {
    const linkKey = randomBytes(32);
    const token = randomBytes(32).toString('base64url');
    const acceptUrl = `http://localhost:4000/invitations/accept?token=${token}`;
    const address = `New.Person-${randomUUID().slice(0, 6)}@Example.test`;
    const invited = ev(
      'identity.invitation.created',
      {
        invitationId: randomUUID(),
        organizationId: randomUUID(),
        organizationName: 'Boreal Council',
        email: address,
        role: 'MEMBER',
        invitedBy: randomUUID(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        sealedAcceptUrl: new SecretBox(linkKey).seal(acceptUrl),
      },
      randomUUID(),
    );
    await router.handle(invited);
    const rows = (await dataSource.query(
      `SELECT "id", "recipient", "channel", "status" FROM "notifications"."deliveries" WHERE "event_id" = $1`,
      [invited.id],
    )) as Array<{
      id: string;
      recipient: string;
      channel: string;
      status: string;
    }>;
    expect(rows.map(({ recipient, channel, status }) => ({ recipient, channel, status }))).toEqual([
      { recipient: addressRecipientId(address), channel: 'EMAIL', status: 'PENDING' },
    ]);
    const stored = JSON.stringify(
      await dataSource.query(`SELECT "payload" FROM "notifications"."routed_events" WHERE "event_id" = $1`, [
        invited.id,
      ]),
    );
    expect(stored).not.toContain(token);

    const withKey = new EmailDelivery(dataSource, store, deliveries, mailer, {
      ...settings,
      invitationLinkKey: linkKey,
    });
    await withKey.deliver({ deliveryId: rows[0]!.id });
    await withKey.deliver({ deliveryId: rows[0]!.id });
    const sent = mails.filter((m) => m.to.toLowerCase() === address.toLowerCase()); // the domain arrives lower-cased
    expect(sent).toHaveLength(1);
    const text = sent[0]!.raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    expect(text).toMatch(/Subject: Invitation to join Boreal Council/);
    expect(text).toContain(acceptUrl);

    // Without the key (or with another one) the e-mail still goes, without the link.
    const other = ev(
      'identity.invitation.created',
      {
        ...invited.payload,
        email: `other-${address}`,
        sealedAcceptUrl: new SecretBox(randomBytes(32)).seal(acceptUrl),
      },
      randomUUID(),
    );
    await router.handle(other);
    const [otherRow] = (await dataSource.query(
      `SELECT "id" FROM "notifications"."deliveries" WHERE "event_id" = $1`,
      [other.id],
    )) as Array<{ id: string }>;
    await withKey.deliver({ deliveryId: otherRow!.id });
    const otherMail = mails.find((m) => m.to.toLowerCase() === `other-${address}`.toLowerCase())!;
    expect(otherMail.raw).not.toContain(token);
  });

  it('e-mails a verification link in the account’s language even when its routing batch ran before the directory knew the account', async () => {
    // Two routing batches in flight at once: the one holding identity.user.signed_up had not
    // committed when the verification request's batch looked the address up (seen in CI: a French
    // account got its link in English). The event states the account's language; the e-mail uses it.
    const address = `fr-${randomUUID().slice(0, 8)}@example.test`;
    const requested = ev(
      'identity.email_verification.requested',
      {
        userId: randomUUID(),
        email: address,
        name: 'Camille',
        locale: 'fr',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      randomUUID(),
    );
    await router.handle(requested);
    const [row] = (await dataSource.query(
      `SELECT "id", "recipient" FROM "notifications"."deliveries" WHERE "event_id" = $1 AND "channel" = 'EMAIL'`,
      [requested.id],
    )) as Array<{ id: string; recipient: string }>;
    expect(row?.recipient).toBe(addressRecipientId(address)); // no account in the directory yet
    await email.deliver({ deliveryId: row!.id });
    const sent = mails.filter((m) => m.to.toLowerCase() === address);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.raw).toMatch(/^Subject: Confirmez votre adresse courriel\r?$/m);
  });

  it('collects digest-mode e-mail and sends one digest per person, once', async () => {
    const { admin, umbrellaId } = await umbrellaWithAdmin('fr');
    await dataSource.query(
      `INSERT INTO "notifications"."notification_preferences" ("user_id", "event_type", "channel", "enabled", "email_mode") VALUES ($1, '*', 'EMAIL', true, 'DAILY_DIGEST')`,
      [admin.userId],
    );
    for (const name of ['A', 'B']) {
      const collegeId = randomUUID();
      await router.handle(
        ev('identity.organization.created', {
          organizationId: collegeId,
          name: `Collège ${name}`,
          kind: 'INSTITUTION',
          size: 'SMALL',
          region: null,
          sector: null,
          createdBy: randomUUID(),
        }),
      );
      const joined = ev('identity.umbrella.joined', {
        umbrellaId,
        organizationId: collegeId,
        by: randomUUID(),
      });
      await router.handle(joined);
      expect((await deliveriesOf(joined.id)).find((d) => d.channel === 'EMAIL')!.status).toBe('DIGEST');
    }
    await Promise.all([email.sendDigests(), email.sendDigests()]);
    await email.sendDigests();
    const digests = mails.filter((m) => m.to === admin.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.raw).toContain('Content-Language: fr');
    expect(digests[0]!.raw).toMatch(/Coll(è|=C3=A8)ge A/);
    expect(digests[0]!.raw).toMatch(/Coll(è|=C3=A8)ge B/);
  });

  it('does not tell the person who caused an event, and re-queues deliveries whose job was lost', async () => {
    const { admin, umbrellaId, collegeId } = await umbrellaWithAdmin();
    const byAdmin = ev(
      'identity.umbrella.joined',
      { umbrellaId, organizationId: collegeId, by: admin.userId },
      admin.userId,
    );
    await router.handle(byAdmin);
    expect(await deliveriesOf(byAdmin.id)).toEqual([]);

    const joined = ev('identity.umbrella.joined', {
      umbrellaId,
      organizationId: randomUUID(),
      by: randomUUID(),
    });
    await router.fanOut(dataSource.manager, joined); // recorded, but its jobs never reached the queue
    const sweep = new DeliverySweep(deliveries, queue);
    expect(await sweep.sweep(60_000)).toBe(0);
    await dataSource.query(
      `UPDATE "notifications"."deliveries" SET "created_at" = now() - interval '10 minutes' WHERE "event_id" = $1`,
      [joined.id],
    );
    expect(await sweep.sweep(60_000)).toBe(2);
    const counts = await queue.counts('notifications-deliveries');
    expect(counts.waiting + counts.active).toBe(2);
  });
});
