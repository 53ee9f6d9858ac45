// A person signs up, creates an organization and invites a colleague, who accepts in another
// browser and switches between organizations; forms refuse bad input before and after sending.
import type { Page } from 'playwright-core';
import { uniqueEmail } from '../support/client';
import { checkScreen, useBrowser, expectDescription, expectText, newContext } from './support/browser';

const browser = useBrowser();

const PASSWORD = 'correct horse battery';

async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function createOrganization(page: Page, name: string, kind: string): Promise<void> {
  await page.getByLabel('Organization name').fill(name);
  await page.getByLabel('Kind of organization').selectOption(kind);
  await page.getByLabel('Size').selectOption('SMALL');
  await page.getByLabel('Region').selectOption('ON-Toronto');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expectText(page.getByTestId('current-organization'), `You are working as ${name} (owner).`);
}

it('signs up, creates an organization, invites a colleague who accepts in another browser, and switches organizations', async () => {
  const owner = await (await newContext(browser())).newPage();
  await owner.goto('/');
  await owner.waitForURL(/\/log-in$/);
  await checkScreen(owner, 'log-in');
  await owner.getByRole('link', { name: 'Create an account' }).click();
  await checkScreen(owner, 'sign-up');
  const ownerEmail = uniqueEmail('owner');
  await signUp(owner, 'Olivia Owner', ownerEmail);
  await owner.waitForURL(/\/organizations\/new$/);
  await checkScreen(owner, 'create-organization');
  await createOrganization(owner, 'Northern Robotics', 'EMPLOYER');
  await checkScreen(owner, 'home');

  await owner.goto('/organizations/invite');
  const colleagueEmail = uniqueEmail('colleague');
  await owner.getByLabel('Colleague’s e-mail address').fill(colleagueEmail);
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  await expectText(owner.getByRole('status'), `Invitation sent to ${colleagueEmail}`);
  await checkScreen(owner, 'invite');
  const acceptUrl = await owner.getByTestId('accept-url').getAttribute('href');
  expect(acceptUrl).toMatch(/\/invitations\/accept\?token=/);

  // The colleague opens the link signed out: the invitation page says what it is and leads to log in
  // (or sign up) and back.
  const colleague = await (await newContext(browser())).newPage();
  const path = new URL(acceptUrl!).pathname + new URL(acceptUrl!).search;
  await colleague.goto(path);
  await colleague.getByRole('heading', { name: 'Accept an invitation' }).waitFor();
  await colleague.getByRole('link', { name: 'Create an account' }).click();
  await signUp(colleague, 'Chris Colleague', colleagueEmail);
  await colleague.getByRole('heading', { name: 'Accept an invitation' }).waitFor();
  await checkScreen(colleague, 'accept-invitation');
  await colleague.getByRole('button', { name: 'Accept invitation' }).click();
  await expectText(
    colleague.getByTestId('current-organization'),
    'You are working as Northern Robotics (member).',
  );

  // With a second organization of their own, the colleague switches back and forth; the choice survives a reload.
  await colleague.goto('/organizations/new');
  await createOrganization(colleague, 'Chris Consulting', 'COMMUNITY');
  await colleague.getByLabel('Organization', { exact: true }).selectOption({ label: 'Northern Robotics' });
  await expectText(
    colleague.getByTestId('current-organization'),
    'You are working as Northern Robotics (member).',
  );
  await colleague.reload();
  await expectText(
    colleague.getByTestId('current-organization'),
    'You are working as Northern Robotics (member).',
  );
  await colleague.goto('/organizations/join-umbrella');
  await checkScreen(colleague, 'join-umbrella');

  // Log out from the user menu: back to log-in, and the app no longer opens.
  await colleague.getByRole('button', { name: /Account menu for Chris Colleague/ }).click();
  await colleague.getByRole('menuitem', { name: 'Log out' }).click();
  await colleague.waitForURL(/\/log-in$/);
  await colleague.goto('/inbox');
  await colleague.waitForURL(/\/log-in\?next=%2Finbox$/);
});

it('checks forms before sending and shows the server’s errors next to the right field', async () => {
  const page = await (await newContext(browser())).newPage();
  let signUps = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.postData()?.includes('SignUp')) signUps++;
  });
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Sam');
  await page.getByLabel('E-mail address').fill('not-an-address');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectDescription(page.getByLabel('E-mail address'), /Enter an e-mail address/);
  await expectDescription(page.getByLabel('Password'), /Use at least 15 characters/);
  expect(signUps).toBe(0);

  // The address is taken: the server says so, and the app puts it on the e-mail field.
  const email = uniqueEmail('taken');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/organizations\/new$/);
  await page.evaluate(() => localStorage.clear());
  await page.goto('/sign-up');
  await signUp(page, 'Sam Again', email);
  await expectDescription(
    page.getByLabel('E-mail address'),
    'An account already uses this e-mail address. Log in instead.',
  );
  expect(signUps).toBe(2);

  // A wrong password is shown on the password field.
  await page.goto('/log-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('wrong password!');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expectDescription(page.getByLabel('Password'), 'That e-mail address and password do not match.');
});

it('sends an expired session to log in, then back where the user was', async () => {
  const context = await newContext(browser(), { token: 'expired-or-forged-token' });
  const page = await context.newPage();
  await page.goto('/inbox/preferences');
  await page.waitForURL(/\/log-in\?next=%2Finbox%2Fpreferences$/);
  const email = uniqueEmail('returning');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await signUp(page, 'Rita Returning', email);
  await page.waitForURL(/\/inbox\/preferences$/);
  await page.getByRole('heading', { name: 'Notification preferences' }).waitFor();
});
