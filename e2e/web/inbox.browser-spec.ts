// The inbox lists what happened, the header counts what is unread, marking read updates both;
// notification preferences are saved and come back.
import { createOrganization, eventually, ok, signUp } from '../support/client';
import { checkScreen, useBrowser, expectText, newContext } from './support/browser';

const browser = useBrowser();

const UNREAD = '{ unreadNotificationCount }';

it('shows notifications, counts the unread ones in the header, and marks them read', async () => {
  const invitee = await signUp('invitee');
  for (const name of ['Boréal Test College', 'Northern Test Works']) {
    const owner = await signUp('owner');
    const organizationId = await createOrganization(owner, {
      name,
      kind: name.includes('College') ? 'INSTITUTION' : 'EMPLOYER',
      size: 'SMALL',
      region: 'ON',
    });
    await ok(
      'mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e, role: MEMBER) { id } }',
      { o: organizationId, e: invitee.email },
      owner.token,
    );
  }
  const arrived = await eventually(
    () => ok<{ unreadNotificationCount: number }>(UNREAD, {}, invitee.token),
    (r) => r.unreadNotificationCount === 2,
    20_000,
  );
  expect(arrived.unreadNotificationCount).toBe(2);

  const page = await (await newContext(browser(), { token: invitee.token })).newPage();
  await page.goto('/inbox');
  await expectText(page.getByTestId('unread-count'), '2');
  await page.getByTestId('notification').nth(1).waitFor();
  expect(await page.getByTestId('notification').count()).toBe(2);
  await checkScreen(page, 'inbox');

  await page.getByRole('button', { name: /^Mark as read\W+Invitation to join Boréal Test College$/ }).click();
  await expectText(page.getByTestId('unread-count'), '1');
  expect(
    (await ok<{ unreadNotificationCount: number }>(UNREAD, {}, invitee.token)).unreadNotificationCount,
  ).toBe(1);

  await page.getByText('Unread only').click();
  await expectText(page.getByTestId('notification'), 'Invitation to join Northern Test Works');
  expect(await page.getByTestId('notification').count()).toBe(1);

  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expectText(page.getByTestId('unread-count'), '0');
  await expectText(page.getByRole('main'), 'You have read everything.');
});

it('saves notification preferences', async () => {
  const user = await signUp('prefs');
  const page = await (await newContext(browser(), { token: user.token })).newPage();
  await page.goto('/inbox/preferences');
  const email = page.getByLabel('E-mail for: An invitation to join an organization');
  await email.waitFor();
  await checkScreen(page, 'notification-preferences');
  await email.selectOption('DAILY_DIGEST');
  await page.getByLabel('Show in the inbox: A partnership is proposed').uncheck();
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expectText(page.getByRole('status'), 'Your preferences are saved.');

  const saved = await ok<{
    notificationPreferences: Array<{
      eventType: string;
      channel: string;
      enabled: boolean;
      emailMode: string | null;
    }>;
  }>('{ notificationPreferences { eventType channel enabled emailMode } }', {}, user.token);
  expect(saved.notificationPreferences).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        eventType: 'identity.invitation.created',
        channel: 'EMAIL',
        enabled: true,
        emailMode: 'DAILY_DIGEST',
      }),
      expect.objectContaining({
        eventType: 'marketplace.partnership.proposed',
        channel: 'IN_APP',
        enabled: false,
      }),
    ]),
  );
  await page.reload();
  await email.waitFor();
  expect(await email.inputValue()).toBe('DAILY_DIGEST');
  expect(await page.getByLabel('Show in the inbox: A partnership is proposed').isChecked()).toBe(false);
});

it('words the inbox in French from each notification’s code and parameters, whatever language the server wrote it in', async () => {
  const invitee = await signUp('invitee-fr');
  const owner = await signUp('owner-fr');
  const organizationId = await createOrganization(owner, {
    name: 'Atelier Test du Nord',
    kind: 'EMPLOYER',
    size: 'SMALL',
    region: 'ON',
  });
  await ok(
    'mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e, role: ADMIN) { id } }',
    { o: organizationId, e: invitee.email },
    owner.token,
  );
  const stored = await eventually(
    () =>
      ok<{
        notifications: {
          edges: Array<{
            node: { title: string; code: string | null; params: Record<string, unknown> | null };
          }>;
        };
      }>('{ notifications(first: 5) { edges { node { title code params } } } }', {}, invitee.token),
    (r) => r.notifications.edges.length === 1,
    20_000,
  );
  // Delivered in the recipient's language at the time (English), and as data.
  expect(stored.notifications.edges[0]!.node).toEqual({
    title: 'Invitation to join Atelier Test du Nord',
    code: 'IDENTITY_INVITATION_CREATED',
    params: { organizationName: 'Atelier Test du Nord', role: 'ADMIN' },
  });

  const page = await (await newContext(browser(), { token: invitee.token, locale: 'fr-CA' })).newPage();
  await page.goto('/inbox');
  const item = page.getByTestId('notification');
  await expectText(item.getByRole('heading'), 'Invitation à rejoindre Atelier Test du Nord');
  // French typography: a no-break space before the colon.
  await expectText(
    item,
    'Vous êtes invité·e à rejoindre Atelier Test du Nord (rôle\u00a0: administrateur·rice).',
  );
  await checkScreen(page, 'inbox-fr');
  await page
    .getByRole('button', { name: /^Marquer comme lu\W+Invitation à rejoindre Atelier Test du Nord$/ })
    .click();
  await expectText(page.getByTestId('unread-count'), '0');
});
