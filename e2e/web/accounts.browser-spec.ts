// The account and organization screens of issue 12 in the browser: changing the password and
// signing out everywhere; members (a role changed, the last owner refused with the server's
// reason, a member removed, a member leaving); API keys (created with a role and a lifetime, the
// secret shown once and copied, used, listed with its last use, revoked after confirming); the
// audit log (filters, CSV export); and an umbrella answering requests to join and removing a
// member. Each screen is checked by axe.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  codeOf,
  createOrganization,
  gql,
  inviteAndAccept,
  ok,
  signUp,
  type Session,
} from '../support/client';
import { checkScreen, expectDescription, expectText, newContext, useBrowser } from './support/browser';

jest.setTimeout(180_000);
const browser = useBrowser();
const suffix = randomUUID().slice(0, 6);
const PASSWORD = 'correct horse battery'; // e2e/support/client signUp
const ME = '{ me { id } }';

async function pageAs(session: Session, options: { clipboard?: boolean } = {}): Promise<Page> {
  const context = await newContext(browser(), { token: session.token });
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context.newPage();
}

/** Confirms the open alert dialog with its confirming button. */
async function confirmWith(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('your account', () => {
  it('changes the password (the current one is checked) and keeps this session; signing out everywhere ends it', async () => {
    const person = await signUp('account-page');
    const page = await pageAs(person);
    await page.goto('/');
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Your account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await checkScreen(page, 'account');

    const current = page.getByLabel('Current password');
    const fresh = page.getByLabel('New password (at least 15 characters)');
    await current.fill('not my password at all');
    await fresh.fill('quiet meadow copper lantern');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectDescription(current, 'Your current password is not right.');
    await current.fill(PASSWORD);
    await fresh.fill('password1234567890');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectDescription(fresh, 'common and breached passwords');
    await fresh.fill('quiet meadow copper lantern');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectText(page.getByRole('status'), 'Your password is changed');
    // The session that changed it goes on; the token from before is refused.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await expectText(page.locator('main'), person.email);
    const newToken = await page.evaluate(() => localStorage.getItem('lattice.token'));
    expect(newToken).not.toBe(person.token);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // the services' 2-second revocation cache
    expect(codeOf(await gql(ME, {}, person.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(ME, {}, newToken!))).toBeUndefined();

    // Sign out everywhere asks first; Cancel keeps the session.
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect(codeOf(await gql(ME, {}, newToken!))).toBeUndefined();
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await checkScreen(page, 'account-sign-out-everywhere');
    await confirmWith(page, 'Sign out everywhere');
    await page.getByRole('heading', { level: 1, name: 'Log in to Lattice' }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(codeOf(await gql(ME, {}, newToken!))).toBe('UNAUTHENTICATED');
    // The new password logs in.
    expect(
      (
        await ok('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }', {
          e: person.email,
          p: 'quiet meadow copper lantern',
        })
      ).logIn.token,
    ).toEqual(expect.any(String));
  });
});

describe('an organization’s members, keys and audit log', () => {
  let owner: Session;
  let colleague: Session;
  let leaver: Session;
  let orgId: string;
  const ORG = `Members Workshop ${suffix}`;

  beforeAll(async () => {
    [owner, colleague, leaver] = await Promise.all([
      signUp('members-owner'),
      signUp('members-colleague'),
      signUp('members-leaver'),
    ]);
    orgId = await createOrganization(owner, { name: ORG, kind: 'EMPLOYER', size: 'SMALL', sector: '5415' });
    await inviteAndAccept(owner, orgId, colleague, 'MEMBER');
    await inviteAndAccept(owner, orgId, leaver, 'MEMBER');
  });

  it('changes a role, refuses to demote the last owner with the reason, removes a member; a member leaves', async () => {
    const page = await pageAs(owner);
    await page.goto('/organizations/members');
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    const table = page.getByTestId('members');
    await expectText(table, 'Test members-colleague');
    await checkScreen(page, 'members');

    await page.getByLabel('Role of Test members-colleague').selectOption('ADMIN');
    await page.getByRole('button', { name: 'Save role for Test members-colleague' }).click();
    await expectText(page.getByRole('status'), 'Test members-colleague is now administrator.');
    expect(
      (
        await ok(
          'query($o: ID!) { organization(id: $o) { members { role user { id } } } }',
          { o: orgId },
          owner.token,
        )
      ).organization.members.find((m: { user: { id: string } }) => m.user.id === colleague.userId).role,
    ).toBe('ADMIN');

    // The only owner cannot demote themself: the server's reason is shown.
    await page.getByLabel('Role of Test members-owner').selectOption('ADMIN');
    await page.getByRole('button', { name: 'Save role for Test members-owner' }).click();
    await expectText(page.getByRole('alert'), 'The last owner cannot be removed, demoted or leave');
    await checkScreen(page, 'members-last-owner');

    // Removing asks first.
    await page.getByRole('button', { name: 'Remove Test members-colleague' }).click();
    await confirmWith(page, 'Remove Test members-colleague');
    await expectText(page.getByRole('status'), 'Test members-colleague is no longer a member.');
    await expectText(table, 'Test members-leaver');
    expect(await table.getByText('Test members-colleague').count()).toBe(0);

    // A member sees the list without the controls, and leaves.
    const member = await pageAs(leaver);
    await member.goto('/organizations/members');
    await expectText(member.getByTestId('members'), 'Test members-owner');
    expect(await member.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    await checkScreen(member, 'members-as-member');
    await member.getByRole('button', { name: `Leave ${ORG}` }).click();
    await confirmWith(member, `Leave ${ORG}`);
    await member.getByRole('heading', { level: 1, name: 'Log in to Lattice' }).waitFor();
    const left = (
      await ok(
        'query($o: ID!) { organization(id: $o) { members { user { id } } } }',
        { o: orgId },
        owner.token,
      )
    ).organization.members;
    expect(left.map((m: { user: { id: string } }) => m.user.id)).toEqual([owner.userId]);
  });

  it('creates a key shown once and copied, lists its use, and revokes it after confirming; the audit log shows it all and exports CSV', async () => {
    const KEY = `HR system ${randomUUID().slice(0, 4)}`; // a retry makes another
    const page = await pageAs(owner, { clipboard: true });
    await page.goto('/');
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await checkScreen(page, 'api-keys-empty');

    await page.getByLabel('Name').fill(KEY);
    await page.getByLabel('Role').selectOption('ADMIN');
    await page.getByLabel('Expires after').selectOption('30');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = ((await page.getByTestId('api-key-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^lat_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Copy the key' }).click();
    await expectText(page.getByRole('region', { name: `Key “${KEY}” created` }), 'Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await checkScreen(page, 'api-keys-created');

    // The list shows its prefix, role and expiry (about 30 days), never the secret.
    const row = page.getByTestId('api-keys').getByRole('row', { name: new RegExp(`^${KEY}`) });
    await expectText(row, secret.slice(0, 16));
    await expectText(row, 'administrator');
    await expectText(row, 'Never');
    expect(await page.locator('main').textContent()).toContain(secret); // still shown until the page is left
    await page.reload();
    expect(await page.locator('main').textContent()).not.toContain(secret);

    // Used as a bearer, its last use appears.
    expect(
      codeOf(await gql('query($o: ID!) { organization(id: $o) { name } }', { o: orgId }, secret)),
    ).toBeUndefined();
    await page.reload();
    await expectText(
      page.getByTestId('api-keys').getByRole('row', { name: new RegExp(`^${KEY}`) }),
      'Active',
    );
    expect(
      await page
        .getByTestId('api-keys')
        .getByRole('row', { name: new RegExp(`^${KEY}`) })
        .textContent(),
    ).not.toContain('Never');

    // Revoking asks first; Cancel keeps it.
    await page.getByRole('button', { name: `Revoke ${KEY}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect(codeOf(await gql(ME, {}, secret))).not.toBe('UNAUTHENTICATED');
    await page.getByRole('button', { name: `Revoke ${KEY}` }).click();
    await checkScreen(page, 'api-keys-revoke');
    await confirmWith(page, `Revoke “${KEY}”`);
    await expectText(
      page.getByTestId('api-keys').getByRole('row', { name: new RegExp(`^${KEY}`) }),
      'Revoked',
    );
    expect(codeOf(await gql('query($o: ID!) { organization(id: $o) { name } }', { o: orgId }, secret))).toBe(
      'UNAUTHENTICATED',
    );

    // The audit log: everything above, filtered, and as CSV.
    await page.goto('/organizations/audit-log');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const log = page.getByTestId('audit-log');
    await expectText(log, 'API key revoked');
    await expectText(log, 'Role changed');
    await expectText(log, 'Member removed');
    await expectText(log, 'Member left');
    await checkScreen(page, 'audit-log');
    await page.getByLabel('Action').selectOption({ label: 'API key created' });
    await expectText(page.getByRole('status'), /^\d+ entr(y|ies)\.$/);
    for (const action of await log.locator('tbody tr th').allTextContents())
      expect(action).toBe('API key created');
    await expectText(log, 'Test members-owner');
    await page.getByLabel('Action').selectOption({ label: 'All actions' });
    await page.getByLabel('Who acted').selectOption('API_KEY');
    await expectText(page.getByRole('status'), '0 entries.');
    await expectText(page.locator('main'), 'No entries match.');
    await page.getByLabel('Who acted').selectOption('USER');
    await page.getByLabel('Action').selectOption({ label: 'Member left' });
    await expectText(page.getByRole('status'), '1 entry.');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^audit-log-${orgId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const csv = readFileSync((await download.path())!, 'utf8');
    // The export has the filters on screen: the one entry of a member leaving.
    const served = (
      await ok(
        'query($o: ID!) { auditLogCsv(organizationId: $o, action: "member.left", actorKind: "USER") }',
        { o: orgId },
        owner.token,
      )
    ).auditLogCsv as string;
    expect(csv).toBe(served);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv).toContain('member.left');
    await page.getByLabel('Action').selectOption({ label: 'All actions' });
    await expectText(page.getByRole('status'), /entries/);
    const [all] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const everything = readFileSync((await all.path())!, 'utf8');
    expect(everything).toContain('api_key.created');
    expect(everything).toContain('member.left');
    expect(everything).not.toContain(secret);
  });

  it('keeps the key and audit screens to owners and admins', async () => {
    const outsiderMember = await signUp('members-plain');
    await inviteAndAccept(owner, orgId, outsiderMember, 'MEMBER');
    const page = await pageAs(outsiderMember);
    await page.goto('/');
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Members' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'API keys' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Audit log' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.goto('/organizations/audit-log');
    await expectText(
      page.locator('main'),
      'Only the organization’s owners and administrators read its audit log.',
    );
  });
});

describe('an umbrella’s requests to join', () => {
  it('asks before an organization asks to join an umbrella: Cancel sends nothing, confirming sends the request', async () => {
    const [council, works] = await Promise.all([signUp('ask-council'), signUp('ask-works')]);
    const councilName = `Ask Council ${suffix}`;
    const worksName = `Ask Works ${suffix}`;
    const umbrellaId = await createOrganization(council, {
      name: councilName,
      kind: 'UMBRELLA',
      size: 'SMALL',
    });
    const worksId = await createOrganization(works, {
      name: worksName,
      kind: 'EMPLOYER',
      size: 'SMALL',
      sector: '212',
    });
    const REQUESTS =
      'query($u: ID!) { organization(id: $u) { umbrellaJoinRequests { state organization { id } } } }';
    const requests = async () =>
      (await ok(REQUESTS, { u: umbrellaId }, council.token)).organization.umbrellaJoinRequests;

    const page = await pageAs(works);
    await page.goto('/organizations/join-umbrella');
    await page.getByRole('heading', { level: 1, name: 'Join an umbrella' }).waitFor();
    await page.getByLabel('Umbrella organization').selectOption({ label: councilName });
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await expectText(dialog.getByRole('heading'), `Join ${councilName}?`);
    await expectText(dialog, `${worksName} becomes a member of ${councilName}`);
    await checkScreen(page, 'join-umbrella-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('status').count()).toBe(0);
    expect(await requests()).toEqual([]);

    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await confirmWith(page, `Join ${councilName}`);
    await expectText(page.getByRole('status'), `Request sent to ${councilName}.`);
    expect(await requests()).toEqual([{ state: 'PENDING', organization: { id: worksId } }]);
  });

  it('accepts one organization, declines another, and removes a member after confirming', async () => {
    const [council, college, other] = await Promise.all([
      signUp('join-council'),
      signUp('join-college'),
      signUp('join-other'),
    ]);
    const umbrellaId = await createOrganization(council, {
      name: `Join Council ${suffix}`,
      kind: 'UMBRELLA',
      size: 'SMALL',
    });
    const collegeName = `Join College ${suffix}`;
    const otherName = `Join Other ${suffix}`;
    const collegeId = await createOrganization(college, {
      name: collegeName,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
    });
    const otherId = await createOrganization(other, {
      name: otherName,
      kind: 'EMPLOYER',
      size: 'SMALL',
      sector: '212',
    });
    const JOIN = 'mutation($u: ID!, $o: ID!) { joinUmbrella(umbrellaId: $u, organizationId: $o) { status } }';
    expect((await ok(JOIN, { u: umbrellaId, o: collegeId }, college.token)).joinUmbrella.status).toBe(
      'PENDING',
    );
    expect((await ok(JOIN, { u: umbrellaId, o: otherId }, other.token)).joinUmbrella.status).toBe('PENDING');
    const MEMBERS = 'query($u: ID!) { organization(id: $u) { memberOrganizations { id } } }';

    const page = await pageAs(council);
    await page.goto('/umbrella');
    const requests = page.getByTestId('join-requests');
    await expectText(requests, collegeName);
    await expectText(requests, otherName);
    await checkScreen(page, 'umbrella-join-requests');

    // Accepting and declining are each confirmed first (as on the home page); cancelling changes nothing.
    await page.getByRole('button', { name: `Accept ${collegeName}` }).click();
    await expectText(
      page.getByRole('alertdialog'),
      `${collegeName} becomes a member of Join Council ${suffix}`,
    );
    await checkScreen(page, 'umbrella-accept-confirm');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expectText(requests, collegeName);
    expect((await ok(MEMBERS, { u: umbrellaId }, council.token)).organization.memberOrganizations).toEqual(
      [],
    );
    await page.getByRole('button', { name: `Accept ${collegeName}` }).click();
    await confirmWith(page, `Accept ${collegeName}`);
    await expectText(page.getByRole('status'), `${collegeName} is now a member.`);
    await expectText(page.getByTestId('umbrella-members'), collegeName);
    await page.getByRole('button', { name: `Decline ${otherName}` }).click();
    await confirmWith(page, `Decline ${otherName}`);
    await expectText(page.getByRole('status'), `The request from ${otherName} is declined.`);
    await expectText(page.getByRole('heading', { name: /requests? to join/ }), '0 requests to join');
    expect((await ok(MEMBERS, { u: umbrellaId }, council.token)).organization.memberOrganizations).toEqual([
      { id: collegeId },
    ]);

    await page.getByRole('button', { name: `Remove ${collegeName}` }).click();
    await checkScreen(page, 'umbrella-remove-member');
    await confirmWith(page, `Remove ${collegeName}`);
    await expectText(page.getByRole('status'), `${collegeName} is no longer a member.`);
    await expectText(page.locator('main'), 'No organization has joined yet.');
    expect((await ok(MEMBERS, { u: umbrellaId }, council.token)).organization.memberOrganizations).toEqual(
      [],
    );
  });
});
