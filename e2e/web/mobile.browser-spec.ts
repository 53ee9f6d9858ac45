// At 390 × 844 (a phone) nothing scrolls sideways on the screens that used to (the co-development
// workspace, issuing, the demand map), and the header's navigation collapses into a menu.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createOrganization, ok, signUp, type Session } from '../support/client';
import { draftCompleteDesign, publishCredential } from '../support/credentials';
import { checkScreen, newContext, PHONE, useBrowser } from './support/browser';

jest.setTimeout(180_000);
const browser = useBrowser();
const suffix = randomUUID().slice(0, 6);

let college: Session;
let employer: Session;
let designId: string;

beforeAll(async () => {
  [college, employer] = await Promise.all([signUp('phone-college'), signUp('phone-employer')]);
  const collegeId = await createOrganization(college, {
    name: `Phone College ${suffix}`,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  const employerId = await createOrganization(employer, {
    name: `Phone Mining ${suffix}`,
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    region: 'ON-Sudbury',
    sector: '212',
  });
  designId = await draftCompleteDesign(college, collegeId, [employerId], `Phone rigging ${suffix}`);
  await publishCredential(college, collegeId, employer, employerId, { title: `Phone hoisting ${suffix}` });
  const skill = (await ok('{ skills(search: "work in teams", first: 1) { edges { node { id } } } }')).skills
    .edges[0].node.id as string;
  await ok(
    'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
    {
      i: {
        organizationId: employerId,
        title: `Phone crew ${suffix}`,
        skills: [{ skillId: skill, level: 2 }],
        region: 'ON-Sudbury',
        deliveryModes: ['HYBRID'],
        learnerCount: 12,
        careerStage: 'ENTRY',
        neededBy: '2099-01-01',
      },
    },
    employer.token,
  );
});

/** How far the page scrolls sideways: the document's width beyond the viewport's (0 when it does not). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The elements that stick out past the right edge, for the failure message. */
const wide = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)}px)`,
      ),
  );

it.each([
  ['the co-development workspace', 'college', () => `/designs/${designId}`, /Phone rigging/],
  ['issuing', 'college', () => '/issuing', /Issuing|Award/],
  ['the demand map', 'employer', () => '/demand', /Demand/],
])('%s does not scroll sideways at 390 px', async (_name, who, path, heading) => {
  const session = who === 'college' ? college : employer;
  const page = await (await newContext(browser(), { token: session.token, viewport: PHONE })).newPage();
  await page.goto(path());
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  await page.waitForLoadState('networkidle');
  const sticking = await wide(page);
  expect({ overflow: await overflow(page), sticking }).toEqual({ overflow: 0, sticking: [] });
  await checkScreen(page, `phone-${path().split('/')[1]}`);
  await page.context().close();
});

it('collapses the header’s navigation into a menu at 390 px', async () => {
  const page = await (await newContext(browser(), { token: college.token, viewport: PHONE })).newPage();
  await page.goto('/');
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  await menu.waitFor();
  // Closed: the links are not shown; opened: they are, and a link takes the person there.
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designs' }).isVisible(),
  ).resolves.toBe(false);
  await menu.click();
  await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designs' }).click();
  await page.waitForURL(/\/designs$/);
  // Going somewhere folds the menu again.
  await page.locator('button.menu-toggle[aria-expanded="false"]').waitFor();
  expect(await overflow(page)).toBe(0);
  await checkScreen(page, 'phone-menu');
  await page.context().close();
});
