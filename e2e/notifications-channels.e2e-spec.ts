// An event reaches the right people — in the inbox, by e-mail (read from a real SMTP server this
// suite starts) and by signed webhook — and nobody else; preferences and webhook input are checked.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import {
  codeOf,
  createOrganization,
  eventually,
  gql,
  inviteAndAccept,
  joinUmbrellaAccepted,
  ok,
  signUp,
  type Session,
} from './support/client';
import { decodedSubject, textPart } from './support/mail';
import { openMailbox, type Mailbox, type ReceivedMail } from './support/mailbox';

interface Hook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const mails: ReceivedMail[] = [];
const hooks: Hook[] = [];
let mailbox: Mailbox;
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  mailbox = await openMailbox(mails);
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      hooks.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.statusCode = request.url?.startsWith('/broken') ? 500 : 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await mailbox.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const INBOX = '{ notifications(first: 20) { edges { node { id type title body } } } }';
const inboxOf = async (session: Session, type: string) =>
  (
    (await ok(INBOX, {}, session.token)).notifications.edges as Array<{
      node: { type: string; title: string; body: string };
    }>
  )
    .map((e) => e.node)
    .filter((n) => n.type === type);
const mailsTo = (session: Session, subjectPart: string) =>
  mails.filter(
    (m) => m.to.includes(session.email.toLowerCase()) && decodedSubject(m.raw).includes(subjectPart),
  );
const hooksAt = (path: string) => hooks.filter((h) => h.path === path);
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('notifications channels', () => {
  let umbrellaOwner: Session;
  let umbrellaMember: Session;
  let collegeOwner: Session;
  let outsider: Session;
  let umbrellaId: string;
  let outsiderOrgId: string;
  let subscription: { id: string; secret: string };

  beforeAll(async () => {
    umbrellaOwner = await signUp('umb-owner', 'fr');
    umbrellaMember = await signUp('umb-member');
    collegeOwner = await signUp('college-owner');
    outsider = await signUp('outsider');
    umbrellaId = await createOrganization(umbrellaOwner, {
      name: 'Conseil minier Test',
      kind: 'UMBRELLA',
      size: 'SMALL',
      region: 'ON',
    });
    outsiderOrgId = await createOrganization(outsider, {
      name: 'Outsider Employer',
      kind: 'EMPLOYER',
      size: 'SMALL',
      region: 'ON',
    });
    await inviteAndAccept(umbrellaOwner, umbrellaId, umbrellaMember, 'MEMBER');
  });

  it('refuses bad webhook subscriptions with typed errors and keeps none of them', async () => {
    const create =
      'mutation($o: ID!, $u: String!, $e: [String!]!) { createWebhookSubscription(organizationId: $o, url: $u, events: $e) { id secret } }';
    expect(
      codeOf(
        await gql(create, { o: umbrellaId, u: 'ftp://example.org/hook', e: ['*'] }, umbrellaOwner.token),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await gql(
          create,
          { o: umbrellaId, u: `${receiverUrl}/u`, e: ['identity.no_such_event'] },
          umbrellaOwner.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await gql(create, { o: umbrellaId, u: `${receiverUrl}/u`, e: ['*'] }, umbrellaMember.token)),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await gql(create, { o: umbrellaId, u: `${receiverUrl}/u`, e: ['*'] }, outsider.token)),
    ).toBe('FORBIDDEN');
    const listed = await ok(
      'query($o: ID!) { webhookSubscriptions(organizationId: $o) { id } }',
      { o: umbrellaId },
      umbrellaOwner.token,
    );
    expect(listed.webhookSubscriptions).toEqual([]);
  });

  it('tells the umbrella admins in the inbox, by e-mail and by signed webhook when a college joins — and nobody else', async () => {
    const created = await ok(
      'mutation($o: ID!, $u: String!, $e: [String!]!) { createWebhookSubscription(organizationId: $o, url: $u, events: $e) { id url events secret } }',
      { o: umbrellaId, u: `${receiverUrl}/u`, e: ['identity.umbrella.joined'] },
      umbrellaOwner.token,
    );
    subscription = created.createWebhookSubscription;
    expect(subscription.secret).toMatch(/^whsec_/);
    const listed = await ok(
      'query($o: ID!) { webhookSubscriptions(organizationId: $o) { id secret } }',
      { o: umbrellaId },
      umbrellaOwner.token,
    );
    expect(listed.webhookSubscriptions).toEqual([{ id: subscription.id, secret: null }]);
    // Another organization hears everything, but this event is not about it.
    await ok(
      'mutation($o: ID!, $u: String!) { createWebhookSubscription(organizationId: $o, url: $u, events: ["*"]) { id } }',
      { o: outsiderOrgId, u: `${receiverUrl}/outsider` },
      outsider.token,
    );

    const collegeId = await createOrganization(collegeOwner, {
      name: 'Collège Nord Test',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Sudbury',
    });
    await joinUmbrellaAccepted(collegeOwner, umbrellaOwner, umbrellaId, collegeId);

    const inbox = await eventually(
      () => inboxOf(umbrellaOwner, 'identity.umbrella.joined'),
      (list) => list.length > 0,
    );
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.title).toBe('Collège Nord Test s’est jointe à votre regroupement');

    await eventually(
      async () => mailsTo(umbrellaOwner, 'regroupement'),
      (list) => list.length > 0,
    );
    const mail = mailsTo(umbrellaOwner, 'regroupement');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.raw).toMatch(/Content-Language: fr/);
    expect(mail[0]!.raw).toMatch(/Message-ID: <[0-9a-f-]{36}@lattice\.local>/);
    expect(textPart(mail[0]!.raw)).toContain(
      'Collège Nord Test est maintenant membre de Conseil minier Test.',
    );

    await eventually(
      async () => hooksAt('/u'),
      (list) => list.length > 0,
    );
    const [hook] = hooksAt('/u');
    const signature = String(hook!.headers['lattice-signature']);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature)!;
    expect(createHmac('sha256', subscription.secret).update(`${t}.${hook!.body}`).digest('hex')).toBe(v1);
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(120);
    const body = JSON.parse(hook!.body);
    expect(body.event).toMatchObject({
      type: 'identity.umbrella.joined',
      payload: { umbrellaId, organizationId: collegeId },
    });
    expect(hook!.headers['lattice-delivery']).toBe(body.id);

    await settle();
    expect(hooksAt('/u')).toHaveLength(1);
    expect(
      hooksAt('/outsider').filter((h) => JSON.parse(h.body).event.type === 'identity.umbrella.joined'),
    ).toEqual([]);
    for (const other of [umbrellaMember, collegeOwner, outsider]) {
      expect(await inboxOf(other, 'identity.umbrella.joined')).toEqual([]);
      expect(
        mails.filter(
          (m) =>
            m.to.includes(other.email.toLowerCase()) && /umbrella|regroupement/i.test(decodedSubject(m.raw)),
        ),
      ).toEqual([]);
    }
    expect(mailsTo(umbrellaOwner, 'regroupement')).toHaveLength(1);

    const log = await ok(
      'query($s: ID!) { webhookDeliveries(subscriptionId: $s, first: 10) { edges { node { eventType status attempts lastStatusCode } } } }',
      { s: subscription.id },
      umbrellaOwner.token,
    );
    expect(log.webhookDeliveries.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { eventType: 'identity.umbrella.joined', status: 'SENT', attempts: 1, lastStatusCode: 204 },
    ]);
    expect(
      codeOf(
        await gql(
          'query($s: ID!) { webhookDeliveries(subscriptionId: $s) { edges { cursor } } }',
          { s: subscription.id },
          outsider.token,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('follows preferences: e-mail off still leaves the inbox; bad preferences change nothing', async () => {
    const update =
      'mutation($i: [NotificationPreferenceInput!]!) { updateNotificationPreferences(input: $i) { eventType channel enabled emailMode } }';
    const before = await ok(
      '{ notificationPreferences { eventType channel enabled emailMode custom } }',
      {},
      umbrellaOwner.token,
    );
    const bad = [
      [
        { eventType: 'identity.umbrella.joined', channel: 'EMAIL', emailMode: 'OFF' },
        { eventType: 'nope.nothing', channel: 'EMAIL', emailMode: 'OFF' },
      ],
      [
        { eventType: 'identity.umbrella.joined', channel: 'EMAIL', emailMode: 'OFF' },
        { eventType: 'identity.umbrella.joined', channel: 'SMS', enabled: false },
      ],
      [{ eventType: 'identity.umbrella.joined', channel: 'WEBHOOK', enabled: false }],
    ];
    for (const input of bad)
      expect(codeOf(await gql(update, { i: input }, umbrellaOwner.token))).toBe('BAD_USER_INPUT');
    expect(
      await ok(
        '{ notificationPreferences { eventType channel enabled emailMode custom } }',
        {},
        umbrellaOwner.token,
      ),
    ).toEqual(before);

    const updated = await ok(
      update,
      { i: [{ eventType: 'identity.umbrella.joined', channel: 'EMAIL', emailMode: 'OFF' }] },
      umbrellaOwner.token,
    );
    expect(updated.updateNotificationPreferences).toEqual([
      { eventType: 'identity.umbrella.joined', channel: 'EMAIL', enabled: false, emailMode: 'OFF' },
    ]);
    const prefs = await ok(
      '{ notificationPreferences { eventType channel enabled emailMode custom } }',
      {},
      umbrellaOwner.token,
    );
    expect(prefs.notificationPreferences).toContainEqual({
      eventType: 'identity.umbrella.joined',
      channel: 'EMAIL',
      enabled: false,
      emailMode: 'OFF',
      custom: true,
    });
    expect(prefs.notificationPreferences).toContainEqual({
      eventType: 'identity.umbrella.joined',
      channel: 'IN_APP',
      enabled: true,
      emailMode: null,
      custom: false,
    });

    const second = await signUp('college-two');
    const secondId = await createOrganization(second, {
      name: 'Second College Test',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON',
    });
    await joinUmbrellaAccepted(second, umbrellaOwner, umbrellaId, secondId);
    await eventually(
      () => inboxOf(umbrellaOwner, 'identity.umbrella.joined'),
      (list) => list.length === 2,
    );
    expect(await inboxOf(umbrellaOwner, 'identity.umbrella.joined')).toHaveLength(2);
    await eventually(
      async () => hooksAt('/u'),
      (list) => list.length === 2,
    );
    await settle();
    expect(mailsTo(umbrellaOwner, 'regroupement')).toHaveLength(1);
  });

  it('retries a failing endpoint, then dead-letters the delivery where the organization can see it', async () => {
    const created = await ok(
      'mutation($o: ID!, $u: String!) { createWebhookSubscription(organizationId: $o, url: $u, events: ["identity.umbrella.joined"]) { id } }',
      { o: umbrellaId, u: `${receiverUrl}/broken` },
      umbrellaOwner.token,
    );
    const third = await signUp('college-three');
    const thirdId = await createOrganization(third, {
      name: 'Third College Test',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON',
    });
    await joinUmbrellaAccepted(third, umbrellaOwner, umbrellaId, thirdId);
    const query =
      'query($s: ID!) { webhookDeliveries(subscriptionId: $s, deadOnly: true) { edges { node { status attempts lastStatusCode lastError } } } }';
    const dead = await eventually(
      () => ok(query, { s: created.createWebhookSubscription.id }, umbrellaOwner.token),
      (data) => data.webhookDeliveries.edges.length > 0,
      20_000,
    );
    expect(dead.webhookDeliveries.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { status: 'DEAD', attempts: 3, lastStatusCode: 500, lastError: 'endpoint answered 500' },
    ]);
    expect(hooksAt('/broken')).toHaveLength(3);
  });
});
