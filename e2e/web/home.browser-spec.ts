// The home page per kind of organization (issue 16): what waits on it now, with counts and links;
// the first step while an employer has posted nothing or an institution described nothing; the
// header's navigation shows what the kind can use. Umbrella admins answer join requests there and
// the operator verifies organizations there, each after a confirmation.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { createOrganization, ok, signUp, type Session } from '../support/client';
import { draftCompleteDesign } from '../support/credentials';
import { OPERATOR } from '../support/global-setup';
import { checkScreen, expectText, newContext, useBrowser } from './support/browser';

const browser = useBrowser();
const suffix = randomUUID().slice(0, 6);

let employer: Session;
let college: Session;
let umbrellaAdmin: Session;
let employerId: string;
let collegeId: string;

async function home(session: Session): Promise<Page> {
  const page = await (await newContext(browser(), { token: session.token })).newPage();
  await page.goto('/');
  await page.getByRole('heading', { level: 2, name: 'Waiting on you' }).waitFor();
  return page;
}

const navLinks = async (page: Page): Promise<string[]> =>
  (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((s) =>
    s.trim(),
  );
const action = (page: Page, id: string): Locator => page.locator(`[data-action="${id}"]`);

beforeAll(async () => {
  [employer, college, umbrellaAdmin] = await Promise.all([
    signUp('home-employer'),
    signUp('home-college'),
    signUp('home-umbrella'),
  ]);
  [employerId, collegeId] = await Promise.all([
    createOrganization(employer, {
      name: `Home Mining ${suffix}`,
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      region: 'ON-Sudbury',
    }),
    createOrganization(college, {
      name: `Home College ${suffix}`,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    }),
  ]);
});

it('shows a new employer the first step, "Post your first need", and the navigation an employer uses', async () => {
  const page = await home(employer);
  await expectText(page.getByTestId('nothing-waiting'), 'Nothing is waiting on you right now.');
  await page.getByRole('heading', { level: 2, name: 'Post your first need' }).waitFor();
  const links = await navLinks(page);
  expect(links).toEqual(expect.arrayContaining(['Skill needs', 'Partnerships', 'Designs']));
  expect(links).not.toEqual(expect.arrayContaining(['Issuing']));
  expect(links).not.toEqual(expect.arrayContaining(['Capabilities']));
  await checkScreen(page, 'home-employer-first');
  await page.getByRole('link', { name: 'Post a need' }).click();
  await page.waitForURL(/\/needs\/new$/);
  await page.context().close();
});

it('shows an institution the proposal to answer and "Describe your capabilities"; the count leads to the Accept button', async () => {
  const skill = (await ok('{ skills(search: "work in teams", first: 1) { edges { node { id } } } }')).skills
    .edges[0].node.id as string;
  const needId = (
    await ok(
      'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
      {
        i: {
          organizationId: employerId,
          title: `Home crew leads ${suffix}`,
          skills: [{ skillId: skill, level: 2 }],
          region: 'ON-Sudbury',
          deliveryModes: ['HYBRID'],
          learnerCount: 8,
          careerStage: 'ENTRY',
          neededBy: '2099-01-01',
        },
      },
      employer.token,
    )
  ).postSkillNeed.id as string;
  await ok(
    'mutation($i: ProposePartnershipInput!) { proposePartnership(input: $i) { id } }',
    { i: { needId, institutionId: collegeId } },
    employer.token,
  );

  const page = await home(college);
  await expectText(action(page, 'proposals'), /1\s*1 proposal to answer/);
  await page.getByRole('heading', { level: 2, name: 'Describe your capabilities' }).waitFor();
  const links = await navLinks(page);
  expect(links).toEqual(expect.arrayContaining(['Capabilities', 'Partnerships', 'Designs', 'Issuing']));
  expect(links).not.toEqual(expect.arrayContaining(['Skill needs']));
  await checkScreen(page, 'home-institution');
  await action(page, 'proposals').getByRole('link').click();
  await page.waitForURL(/\/partnerships\?direction=PROPOSED_TO_US&state=PROPOSED$/);
  await page
    .getByRole('button', { name: new RegExp(`^Accept the proposal from Home Mining ${suffix}`) })
    .waitFor();
  await page.context().close();
});

it('shows an employer the design waiting on its approval', async () => {
  const designId = await draftCompleteDesign(college, collegeId, [employerId], `Home design ${suffix}`);
  await ok(
    'mutation($id: ID!) { submitDesignForReview(id: $id) { stage } }',
    { id: designId },
    college.token,
  );
  const page = await home(employer);
  await expectText(action(page, 'designsWaiting'), /1\s*1 design waiting on you/);
  await action(page, 'designsWaiting').getByRole('link').click();
  await page.waitForURL(/\/designs$/);
  await page.getByRole('link', { name: `Home design ${suffix}` }).waitFor();
  await page.context().close();
});

it('lets an umbrella administrator accept a join request from the home page, after a confirmation', async () => {
  const umbrellaId = await createOrganization(umbrellaAdmin, {
    name: `Home Council ${suffix}`,
    kind: 'UMBRELLA',
    size: 'SMALL',
    region: 'ON-Sudbury',
  });
  await ok(
    'mutation($u: ID!, $o: ID!) { joinUmbrella(umbrellaId: $u, organizationId: $o) { role } }',
    { u: umbrellaId, o: employerId },
    employer.token,
  );

  const page = await home(umbrellaAdmin);
  await expectText(action(page, 'joinRequests'), /1\s*1 request to join your umbrella/);
  const links = await navLinks(page);
  expect(links).toEqual(expect.arrayContaining(['Umbrella']));
  expect(links).not.toEqual(expect.arrayContaining(['Skill needs']));
  await checkScreen(page, 'home-umbrella');
  await page.getByRole('button', { name: `Accept Home Mining ${suffix}` }).click();
  const dialog = page.getByRole('alertdialog');
  await expectText(dialog.getByRole('heading'), `Accept Home Mining ${suffix}?`);
  await dialog.getByRole('button', { name: 'Accept' }).click();
  await expectText(page.getByTestId('nothing-waiting'), 'Nothing is waiting on you right now.');
  const members = await ok(
    'query($id: ID!) { organization(id: $id) { umbrellaJoinRequests { state } } }',
    { id: umbrellaId },
    umbrellaAdmin.token,
  );
  expect(
    members.organization.umbrellaJoinRequests.filter((r: { state: string }) => r.state === 'PENDING'),
  ).toEqual([]);
  await page.context().close();
});

it('shows the operator the organizations to verify, and verifies one after a confirmation', async () => {
  const token = (
    await ok<{ logIn: { token: string } }>(
      'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }',
      { e: OPERATOR.email, p: OPERATOR.password },
    )
  ).logIn.token;
  const page = await home({ token, userId: '', email: OPERATOR.email });
  const count = Number((await action(page, 'unverified').locator('.action-count').textContent())?.trim());
  expect(count).toBeGreaterThan(0);
  await checkScreen(page, 'home-operator');
  const first = page.getByRole('button', { name: /^Verify / }).first();
  const name = ((await first.getAttribute('aria-label')) ?? '').replace(/^Verify /, '');
  await first.click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Verify' }).click();
  await expectText(action(page, 'unverified').locator('.action-count'), String(count - 1));
  expect(await page.getByRole('button', { name: `Verify ${name}`, exact: true }).count()).toBe(0);
  await page.context().close();
});
