// Co-development in the browser: an institution and its employer partner take a design from a
// new draft, through every framework element, comments, review, changes requested, a new version
// and its diff, to approval by both and publication. A stale save in a second browser shows what
// changed; forms check input before sending; the server's refusals are shown in words.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createOrganization, ok, signUp, type Session } from '../support/client';
import { checkScreen, expectDescription, expectText, newContext, useBrowser } from './support/browser';
import {
  addPartner,
  approve,
  commentOnField,
  compareVersions,
  createDesign,
  expectCompliance,
  expectStage,
  fillDesign,
  openDesign,
  publish,
  replyToThread,
  requestChanges,
  resolveThread,
  saveDesign,
  submitForReview,
  thread,
  COMPLETE_DESIGN,
} from './steps/codev';

const browser = useBrowser();
jest.setTimeout(180_000);

interface Parties {
  college: Session;
  employer: Session;
  collegeName: string;
  employerName: string;
  collegeId: string;
  employerId: string;
}

async function skillId(search: string): Promise<string> {
  const data = await ok<{ skills: { edges: Array<{ node: { id: string; label: string } }> } }>(
    'query($s: String) { skills(search: $s, first: 20) { edges { node { id label } } } }',
    { s: search },
  );
  const found = data.skills.edges.find((e) => e.node.label === search);
  if (!found) throw new Error(`no skill "${search}"`);
  return found.node.id;
}

/** An institution and an employer whose partnership on a skill need is accepted — set up through the API. */
async function partners(): Promise<Parties> {
  const suffix = randomUUID().slice(0, 6);
  const [college, employer] = await Promise.all([signUp('codev-college'), signUp('codev-employer')]);
  const collegeName = `Lakeshore College ${suffix}`;
  const employerName = `Boreal Mining ${suffix}`;
  const collegeId = await createOrganization(college, {
    name: collegeName,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  const employerId = await createOrganization(employer, {
    name: employerName,
    kind: 'EMPLOYER',
    size: 'LARGE',
    region: 'ON-Sudbury',
    sector: '212',
  });
  const need = await ok(
    'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
    {
      i: {
        organizationId: employerId,
        title: 'Crew leads for the new mill',
        skills: [{ skillId: await skillId('work in teams'), level: 3 }],
        region: 'ON-Sudbury',
        deliveryModes: ['HYBRID'],
        learnerCount: 20,
        careerStage: 'MID_CAREER',
      },
    },
    employer.token,
  );
  const proposed = await ok(
    'mutation($i: ProposePartnershipInput!) { proposePartnership(input: $i) { id } }',
    { i: { needId: need.postSkillNeed.id, institutionId: collegeId } },
    college.token,
  );
  await ok(
    'mutation($id: ID!) { respondToPartnership(id: $id, accept: true) { state } }',
    { id: proposed.proposePartnership.id },
    employer.token,
  );
  return { college, employer, collegeName, employerName, collegeId, employerId };
}

const FULL = COMPLETE_DESIGN;

async function pageFor(session: Session): Promise<Page> {
  return (await newContext(browser(), { token: session.token })).newPage();
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

it('co-develops a design from draft to publication: every element, compliance, comments, review, changes, diff, approvals', async () => {
  const p = await partners();
  const college = await pageFor(p.college);
  await college.goto('/designs');
  await college.getByRole('heading', { name: 'Credential designs' }).waitFor();
  await expectText(college.getByRole('main'), 'No designs yet.');
  await checkScreen(college, 'designs-empty');

  const id = await createDesign(college, {
    title: 'Crew leadership on site',
    description: 'Leading safe, collaborative crews.',
    partnership: p.employerName,
  });
  await expectText(college.getByTestId('waiting-on'), `Waiting on ${p.collegeName}`);
  await expectStage(college, 'Draft');
  await expectCompliance(college, false);
  await checkScreen(college, 'design-new');

  await fillDesign(college, FULL);
  expect(await saveDesign(college)).toBe(2);
  await expectCompliance(college, true);
  await expectText(
    college.getByRole('list', { name: 'Rules' }),
    'Passes — Summative assessment requires evidence that employers can see',
  );
  // The panel checks against another framework on demand: OSAP wants under 12 weeks, and 8 is.
  await college
    .getByLabel('Check against')
    .selectOption({ label: 'Ontario student aid (OSAP) micro-credential eligibility (2021)' });
  await expectText(college.getByTestId('compliance-result'), 'Passes Ontario student aid');
  await checkScreen(college, 'design-workspace');

  await commentOnField(college, 'Mastery threshold (%)', 'Is 80% enough for safety-critical work?');

  // The employer sees the thread next to the field, replies, and can only comment — not edit or submit.
  const employer = await pageFor(p.employer);
  await openDesign(employer, id, 'Crew leadership on site');
  await expectText(
    thread(employer, { field: 'Mastery threshold (%)' }),
    'Is 80% enough for safety-critical work?',
  );
  await replyToThread(
    employer,
    { field: 'Mastery threshold (%)', author: 'Test codev-college' },
    'We would ask for 90%.',
  );
  expect(await employer.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
  await expectText(employer.getByRole('main'), `Only ${p.collegeName} edits this design.`);
  expect(await employer.getByLabel('Hours of learning', { exact: true }).isDisabled()).toBe(true);
  await checkScreen(employer, 'design-partner-view');

  await college.reload();
  await expectText(
    thread(college, { field: 'Mastery threshold (%)' }).getByRole('list', { name: 'Replies' }),
    'We would ask for 90%.',
  );
  await submitForReview(college, { dueDate: inAWeek() });
  await expectText(college.getByTestId('waiting-on'), `Waiting on ${p.collegeName}, ${p.employerName}`);

  await employer.reload();
  await expectStage(employer, 'In review');
  await requestChanges(employer, 'Please raise the mastery threshold to 90%.');
  await expectText(employer.getByTestId('waiting-on'), `Waiting on ${p.collegeName}`);

  // The issuer answers with a new version; the diff shows exactly that change.
  await college.reload();
  await expectStage(college, 'Changes requested');
  await expectText(thread(college, {}), 'Please raise the mastery threshold to 90%.');
  await college.getByLabel('Mastery threshold (%)', { exact: true }).fill('90');
  expect(await saveDesign(college)).toBe(3);
  expect(await compareVersions(college, 2, 3)).toEqual([['Mastery threshold (%)', '80', '90']]);
  const fromStart = await compareVersions(college, 1, 3);
  expect(fromStart.map((row) => row[0])).toEqual(
    expect.arrayContaining(['Hours of learning', 'Outcome 1 · statement', 'Assessment methods']),
  );
  await resolveThread(college, { field: 'Mastery threshold (%)' });
  await expectText(thread(college, { field: 'Mastery threshold (%)' }), 'resolved');
  await checkScreen(college, 'design-versions');
  await submitForReview(college);

  await approve(college, p.collegeName);
  await expectText(college.getByTestId('waiting-on'), `Waiting on ${p.employerName}`);
  expect(await college.getByRole('button', { name: 'Publish the credential' }).count()).toBe(0);

  await employer.reload();
  await approve(employer, p.employerName);
  await expectStage(employer, 'Approved');
  expect(await employer.getByRole('button', { name: 'Publish the credential' }).count()).toBe(0);

  await college.reload();
  await expectStage(college, 'Approved');
  await publish(college);
  await expectText(college.getByTestId('waiting-on'), 'Waiting on nobody');
  expect(await college.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
  await checkScreen(college, 'design-published');

  await college.goto('/designs');
  const row = college.getByRole('row').filter({ hasText: 'Crew leadership on site' });
  await expectText(row, 'Published');
  await checkScreen(college, 'designs');
});

it('shows a stale save in a second browser what changed, and reloads the latest version', async () => {
  const p = await partners();
  const first = await pageFor(p.college);
  const id = await createDesign(first, { title: 'Shift hand-over basics', partnership: p.employerName });
  await fillDesign(first, { hours: '20' });
  expect(await saveDesign(first)).toBe(2);

  const second = await pageFor(p.college);
  await openDesign(second, id, 'Shift hand-over basics');
  await first.getByLabel('Hours of learning', { exact: true }).fill('24');
  expect(await saveDesign(first)).toBe(3);

  await second.getByLabel('Weeks', { exact: true }).fill('3');
  await second.getByRole('button', { name: 'Save changes' }).click();
  const notice = second
    .getByRole('alert')
    .filter({ hasText: 'Someone saved a change while you were editing' });
  await expectText(notice, 'Hours of learning');
  await expectText(notice, '20 → 24');
  await checkScreen(second, 'design-conflict');
  await notice.getByRole('button', { name: 'Reload the latest version' }).click();
  expect(await second.getByLabel('Hours of learning', { exact: true }).inputValue()).toBe('24');
  expect(await second.getByLabel('Weeks', { exact: true }).inputValue()).toBe('');
  await second.getByLabel('Weeks', { exact: true }).fill('3');
  expect(await saveDesign(second)).toBe(4);
});

it('checks the design form before sending, and shows the server’s refusals in words', async () => {
  const p = await partners();
  const college = await pageFor(p.college);
  await college.goto('/designs');
  let writes = 0;
  college.on('request', (request) => {
    if (
      request.url().endsWith('/graphql') &&
      /CreateCredentialDesign|UpdateCredentialDesign|CommentOnDesign/.test(request.postData() ?? '')
    )
      writes++;
  });
  await college.getByRole('button', { name: 'Create design' }).click();
  await expectDescription(
    college.getByLabel('Title', { exact: true }),
    'Give a title of 1 to 200 characters.',
  );
  await expectDescription(college.getByLabel('Framework', { exact: true }), 'Choose a framework.');
  expect(writes).toBe(0);

  await createDesign(college, { title: 'Validated design', partnership: p.employerName });
  // A second employer joins as a design partner, found by name in the directory.
  const other = await signUp('codev-other');
  const otherName = `Sudbury Health ${randomUUID().slice(0, 6)}`;
  await createOrganization(other, {
    name: otherName,
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    region: 'ON-Sudbury',
  });
  await addPartner(college, otherName);
  // The skill picker works from the keyboard: type, arrow down to the first match, Enter.
  // The pointer leaves the page first: an option that opens under it would take the focus.
  await college.mouse.move(0, 0);
  const picker = college.getByRole('combobox', { name: 'Add a competency' });
  await picker.fill('solve problems');
  await college.getByRole('option', { name: 'solve problems', exact: true }).waitFor();
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await college.getByRole('button', { name: 'Remove solve problems', exact: true }).waitFor();
  await expectText(college.getByTestId('waiting-on'), `Waiting on ${p.collegeName}`);
  writes = 0;
  await fillDesign(college, { masteryThreshold: '150', attemptsAllowed: '0', hours: 'many' });
  await college.getByRole('button', { name: 'Add an outcome' }).click();
  await college.getByRole('button', { name: 'Save changes' }).click();
  await expectDescription(
    college.getByLabel('Mastery threshold (%)', { exact: true }),
    'Enter a percentage from 0 to 100.',
  );
  await expectDescription(
    college.getByLabel('Attempts allowed', { exact: true }),
    'Enter a whole number of attempts from 1 to 100.',
  );
  await expectDescription(
    college.getByLabel('Hours of learning', { exact: true }),
    'Enter hours from 0.5 to 10000.',
  );
  await expectDescription(
    college.getByLabel('Outcome 1: what the learner can do', { exact: true }),
    'Say what the learner can do',
  );
  await college.getByRole('button', { name: 'Post comment' }).click();
  await expectDescription(college.getByLabel('Comment', { exact: true }), 'Write something first.');
  expect(writes).toBe(0);
  await checkScreen(college, 'design-invalid');

  // The employer's page offers approval; meanwhile changes were requested elsewhere. The server
  // refuses the stale approval, and the page says why in words.
  await college.getByRole('button', { name: 'Remove outcome 1' }).click();
  await fillDesign(college, { masteryThreshold: '80', attemptsAllowed: '2', hours: '10' });
  await saveDesign(college);
  await submitForReview(college);
  const employer = await pageFor(p.employer);
  const designId = new URL(college.url()).pathname.split('/').pop()!;
  await openDesign(employer, designId, 'Validated design');
  await ok(
    'mutation($id: ID!, $c: String!) { requestDesignChanges(id: $id, comment: $c) { stage } }',
    { id: designId, c: 'Not yet.' },
    p.employer.token,
  );
  await employer.getByRole('button', { name: `Approve for ${p.employerName}` }).click();
  await expectText(employer.getByRole('alert'), 'This step is not possible at the design’s current stage.');
});

it('shows the workspace in French', async () => {
  const p = await partners();
  const frameworks = (
    await ok<{ frameworks: Array<{ id: string; key: string }> }>(
      '{ frameworks { id key } }',
      {},
      p.college.token,
    )
  ).frameworks;
  const created = await ok(
    'mutation($i: CreateCredentialDesignInput!) { createCredentialDesign(input: $i) { id } }',
    {
      i: {
        issuerId: p.collegeId,
        title: 'Leadership d’équipe',
        frameworkId: frameworks.find((f) => f.key === 'ecampusontario')!.id,
        partnerIds: [p.employerId],
        language: 'fr',
      },
    },
    p.college.token,
  );
  const page = await (await newContext(browser(), { token: p.college.token, locale: 'fr-CA' })).newPage();
  await page.goto(`/designs/${created.createCredentialDesign.id}`);
  await page.getByRole('heading', { name: 'Révision et approbation' }).waitFor();
  await expectText(page.getByTestId('design-stage'), 'Étape\u00a0: Brouillon');
  await expectText(page.getByTestId('compliance-result'), 'Non conforme à eCampusOntario');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).waitFor();
  await checkScreen(page, 'design-workspace-fr');
  await page.goto('/designs');
  await page.getByRole('heading', { name: 'Nouvelle conception' }).waitFor();
  await checkScreen(page, 'designs-fr');
});
