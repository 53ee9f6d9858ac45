// Events travel outbox → relay → queue → worker → inbox, through real Postgres and Redis.
import { codeOf, createOrganization, eventually, gql, ok, signUp } from './support/client';

const INBOX =
  '{ notifications(first: 10) { edges { node { id type title body read } } } unreadNotificationCount }';

describe('notifications inbox', () => {
  it('tells an existing user of an invitation in their language, and nobody else; marking read is theirs alone', async () => {
    const owner = await signUp('notif-owner');
    const organizationId = await createOrganization(owner, {
      name: 'Collège Boréal Test',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Sudbury',
    });
    const invitee = await signUp('notif-invitee', 'fr');
    const bystander = await signUp('notif-bystander');
    // The directory learns of the invitee from identity's events; wait until it has.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await ok(
      'mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e, role: MEMBER) { id } }',
      { o: organizationId, e: invitee.email },
      owner.token,
    );

    // Count and list are two reads in one request: wait until both see the notification.
    const inbox = await eventually(
      () => ok(INBOX, {}, invitee.token),
      (data) => data.unreadNotificationCount > 0 && data.notifications.edges.length > 0,
    );
    expect(inbox.unreadNotificationCount).toBe(1);
    const notification = inbox.notifications.edges[0].node;
    expect(notification).toMatchObject({ type: 'identity.invitation.created', read: false });
    expect(notification.title).toBe('Invitation à rejoindre Collège Boréal Test');

    expect((await ok(INBOX, {}, bystander.token)).unreadNotificationCount).toBe(0);
    expect((await ok(INBOX, {}, owner.token)).unreadNotificationCount).toBe(0);

    const stolen = await gql(
      'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      { ids: [notification.id] },
      bystander.token,
    );
    expect(codeOf(stolen)).toBe('FORBIDDEN');
    expect((await ok(INBOX, {}, invitee.token)).unreadNotificationCount).toBe(1);

    const marked = await ok(
      'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      { ids: [notification.id] },
      invitee.token,
    );
    expect(marked.markNotificationsRead).toBe(1);
    const again = await ok(
      'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      { ids: [notification.id] },
      invitee.token,
    );
    expect(again.markNotificationsRead).toBe(0);
    expect((await ok(INBOX, {}, invitee.token)).unreadNotificationCount).toBe(0);
  });
});
