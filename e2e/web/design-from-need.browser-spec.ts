// Connected journeys (issue 16): an accepted partnership offers "Start a design", and the design
// starts from the need — its skills, delivery mode, career stage, the need as evidence of need,
// the employer as design partner. A published design links to its credential and offers "Issue
// now"; an award's page links back to the credential.
import { randomUUID } from 'node:crypto';
import { createOrganization, ok, signUp, type Session } from '../support/client';
import { publishCredential } from '../support/credentials';
import { checkScreen, expectText, newContext, useBrowser } from './support/browser';

const browser = useBrowser();
const suffix = randomUUID().slice(0, 6);
const employerName = `Need Mining ${suffix}`;
const needTitle = `Blast crew leads ${suffix}`;

let employer: Session;
let college: Session;
let employerId: string;
let collegeId: string;

beforeAll(async () => {
  [employer, college] = await Promise.all([signUp('need-employer'), signUp('need-college')]);
  [employerId, collegeId] = await Promise.all([
    createOrganization(employer, {
      name: employerName,
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      region: 'ON-Sudbury',
    }),
    createOrganization(college, {
      name: `Need College ${suffix}`,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    }),
  ]);
  const skills = await ok<{ skills: { edges: Array<{ node: { id: string; label: string } }> } }>(
    '{ skills(search: "work in teams", first: 20) { edges { node { id label } } } }',
  );
  const skillId = skills.skills.edges.find((e) => e.node.label === 'work in teams')!.node.id;
  const needId = (
    await ok(
      'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
      {
        i: {
          organizationId: employerId,
          title: needTitle,
          skills: [{ skillId, level: 3 }],
          region: 'ON-Sudbury',
          deliveryModes: ['ONLINE'],
          learnerCount: 12,
          careerStage: 'MID_CAREER',
          neededBy: '2099-01-01',
        },
      },
      employer.token,
    )
  ).postSkillNeed.id as string;
  const proposed = await ok(
    'mutation($i: ProposePartnershipInput!) { proposePartnership(input: $i) { id } }',
    { i: { needId, institutionId: collegeId } },
    employer.token,
  );
  await ok(
    'mutation($id: ID!) { respondToPartnership(id: $id, accept: true) { state } }',
    { id: proposed.proposePartnership.id },
    college.token,
  );
});

it('starts a design from an accepted partnership: the need’s skills, delivery, career stage and evidence, the employer as partner', async () => {
  const page = await (await newContext(browser(), { token: college.token })).newPage();
  await page.goto('/partnerships?state=ACCEPTED');
  await page.getByRole('link', { name: `Start a design for ${needTitle}` }).click();
  await page.waitForURL(/\/designs\?partnership=[0-9a-f-]{36}/);
  const fromNeed = page.getByTestId('from-need');
  await expectText(fromNeed, `Starts from ${employerName}’s need:`);
  await expectText(fromNeed, 'work in teams (level 3)');
  await expectText(fromNeed, 'Delivery mode: Online');
  expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(needTitle);
  await checkScreen(page, 'design-from-need');
  const framework = page.getByLabel('Framework', { exact: true });
  await framework.locator('option', { hasText: 'eCampusOntario' }).first().waitFor({ state: 'attached' });
  const ecampus = await framework
    .locator('option', { hasText: 'eCampusOntario' })
    .first()
    .getAttribute('value');
  await framework.selectOption(ecampus!);
  await page.getByRole('button', { name: 'Create design' }).click();
  await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: needTitle }).waitFor();

  await page
    .getByRole('list', { name: 'Competencies' })
    .getByRole('button', { name: 'Remove work in teams', exact: true })
    .waitFor();
  expect(await page.getByLabel('Delivery mode', { exact: true }).inputValue()).toBe('ONLINE');
  expect(await page.getByLabel('Career stage', { exact: true }).inputValue()).toBe('MID_CAREER');
  expect(await page.getByLabel('Evidence of need', { exact: true }).inputValue()).toContain(needTitle);
  const design = await ok(
    'query($o: ID!) { credentialDesigns(organizationId: $o, first: 5) { edges { node { title partnershipId partners { name } } } } }',
    { o: collegeId },
    college.token,
  );
  const created = design.credentialDesigns.edges.find(
    (e: { node: { title: string } }) => e.node.title === needTitle,
  ).node;
  expect(created.partners).toEqual([{ name: employerName }]);
  expect(created.partnershipId).toMatch(/^[0-9a-f-]{36}$/);
  const designUrl = page.url();
  await page.context().close();

  // The compliance panel in French: rule labels and reasons worded from the server's codes, with
  // French typography (no-break space before ":", narrow no-break space before ";").
  const french = await (await newContext(browser(), { token: college.token, locale: 'fr-CA' })).newPage();
  await french.goto(designUrl);
  const rules = french.getByRole('list', { name: 'Règles' });
  await expectText(rules, 'L’évaluation sommative exige des preuves que les employeurs peuvent consulter');
  await expectText(rules, 'Méthodes d’évaluation\u00a0: 0\u202f; il en faut au moins 1');
  expect(await rules.textContent()).not.toMatch(/assessment\.methods|it needs/);
  await checkScreen(french, 'design-compliance-fr');
  await french.context().close();
});

it('leads from a published design to its credential and to issuing it, and from an award back to the credential', async () => {
  const credentialId = await publishCredential(college, collegeId, employer, employerId, {
    title: `Published ${suffix}`,
  });
  const designId = (
    await ok('query($id: ID!) { credential(id: $id) { designId } }', { id: credentialId }, college.token)
  ).credential.designId as string;
  const page = await (await newContext(browser(), { token: college.token })).newPage();
  await page.goto(`/designs/${designId}`);
  await page.getByRole('link', { name: 'Open the published credential' }).waitFor();
  expect(await page.getByRole('link', { name: 'Open the published credential' }).getAttribute('href')).toBe(
    `/catalogue/${credentialId}`,
  );
  await page.getByRole('link', { name: 'Issue now' }).click();
  await page.waitForURL(new RegExp(`/issuing\\?credential=${credentialId}$`));
  // The credential is chosen once the list of issuable credentials has loaded.
  await page.locator(`#issuing-credential option[value="${credentialId}"]`).waitFor({ state: 'attached' });
  expect(await page.locator('#issuing-credential').inputValue()).toBe(credentialId);

  const award = await ok(
    'mutation($i: AwardInput!) { awardCredential(input: $i) { id } }',
    {
      i: {
        credentialId,
        issuerId: collegeId,
        recipient: { email: `learner-${suffix}@e2e.lattice.test`, name: 'Lee Learner' },
        result: { score: 95, attempt: 1 },
      },
    },
    college.token,
  );
  await page.goto(`/public/credentials/${award.awardCredential.id}`);
  await page.getByRole('link', { name: /^About this credential/ }).click();
  await page.waitForURL(new RegExp(`/public/catalogue/${credentialId}$`));
  await page.getByRole('heading', { level: 1, name: `Published ${suffix}` }).waitFor();
  await page.context().close();
});
