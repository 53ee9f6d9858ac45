// The trust screens through the real stack, with a credential published through the API: an
// employer endorses, an umbrella sponsors, a member institution adopts; the institution awards
// one learner (a score below the threshold refused on its field first) and a CSV batch (a bad row
// shown with its row number before anything is sent; one learner below the threshold reported
// after); the learner's public page verifies; a revocation with a reason makes it fail; the
// learner sees their credentials and downloads their transcript.
import {
  createOrganization,
  joinUmbrellaAccepted,
  ok,
  signUp,
  type Session,
  type Untyped,
} from '../support/client';
import { publishCredential } from '../support/credentials';
import { checkScreen, expectDescription, expectText, newContext, useBrowser } from './support/browser';
import {
  adopt,
  downloadTranscript,
  verifyTranscript,
  revokeButton,
  awardOne,
  chooseLearnersCsv,
  endorse,
  expectPublicStatus,
  fillAwardOne,
  openCatalogueCredential,
  openIssuing,
  openPublicPageAndVerify,
  revoke,
  sponsor,
} from './steps/trust';
import { openMailbox, withVerifiedEmail, type Mailbox } from '../support/mailbox';

jest.setTimeout(180_000);
const browser = useBrowser();

const TITLE = 'Trust UI welding';

let college: Session;
let employer: Session;
let umbrella: Session;
let adopter: Session;
let learner: Session;
let collegeId: string;
let employerId: string;

let mailbox: Mailbox;
afterAll(async () => {
  await mailbox.close();
});

const pageFor = async (session: Session) => (await newContext(browser(), { token: session.token })).newPage();

beforeAll(async () => {
  mailbox = await openMailbox();
  [college, employer, umbrella, adopter, learner] = await Promise.all([
    signUp('ui-college'),
    signUp('ui-employer'),
    signUp('ui-umbrella'),
    signUp('ui-adopter'),
    signUp('ui-learner'),
  ]);
  // Learners see what was awarded to a proven address only.
  learner = await withVerifiedEmail(mailbox, learner);
  collegeId = await createOrganization(college, {
    name: 'Northern Lights College',
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  employerId = await createOrganization(employer, {
    name: 'Maple Machining',
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    sector: '332',
  });
  const umbrellaId = await createOrganization(umbrella, {
    name: 'Colleges of the North',
    kind: 'UMBRELLA',
    size: 'SMALL',
  });
  const adopterId = await createOrganization(adopter, {
    name: 'Lakeshore College',
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Toronto',
  });
  await joinUmbrellaAccepted(adopter, umbrella, umbrellaId, adopterId);
  // A member employer's open need, for the umbrella's view of its members' demand.
  await joinUmbrellaAccepted(employer, umbrella, umbrellaId, employerId);
  const teams = (
    await ok('{ skills(search: "work in teams", first: 20) { edges { node { id label } } } }')
  ).skills.edges.find((e: Untyped) => e.node.label === 'work in teams').node.id as string;
  await ok(
    'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
    {
      i: {
        organizationId: employerId,
        title: 'Crew leads',
        description: 'Shift leads who run safe crews.',
        skills: [{ skillId: teams, level: 3 }],
        region: 'ON-Sudbury',
        deliveryModes: ['HYBRID'],
        learnerCount: 30,
        careerStage: 'MID_CAREER',
        neededBy: '2099-09-01',
      },
    },
    employer.token,
  );
  await publishCredential(college, collegeId, employer, employerId, {
    title: TITLE,
    assessment: { masteryThreshold: 80, attemptsAllowed: 2 },
  });
});

it('an employer endorses (both claims required), an umbrella sponsors, and a member institution adopts', async () => {
  const employerPage = await pageFor(employer);
  await openCatalogueCredential(employerPage, TITLE);
  await employerPage.getByRole('button', { name: 'Endorse', exact: true }).click();
  await expectText(
    employerPage.getByRole('main'),
    'An endorsement states both claims. Tick this one to endorse.',
  );
  await endorse(employerPage, TITLE, { comment: 'We hire for this every quarter.' });
  await expectText(employerPage.getByTestId('endorsement'), 'We hire for this every quarter.');
  await expectText(employerPage.getByRole('main'), 'Manufacturing (NAICS 31-33)');
  await checkScreen(employerPage, 'credential-detail');
  await employerPage.goto('/catalogue');
  await employerPage.getByRole('link', { name: TITLE }).waitFor();
  await checkScreen(employerPage, 'credentials');

  // The umbrella endorses with the keyboard alone: the claims, the comment and the button in tab order.
  const umbrellaPage = await pageFor(umbrella);
  await openCatalogueCredential(umbrellaPage, TITLE);
  await umbrellaPage.getByRole('checkbox', { name: 'The competency is in demand.' }).focus();
  await umbrellaPage.keyboard.press('Space');
  await umbrellaPage.keyboard.press('Tab');
  await umbrellaPage.keyboard.press('Space');
  await umbrellaPage.keyboard.press('Tab');
  await umbrellaPage.keyboard.type('Our members recognize it.');
  await umbrellaPage.keyboard.press('Tab');
  await umbrellaPage.keyboard.press('Enter');
  await umbrellaPage.getByText('Your organization endorses this credential.').waitFor();
  await expectText(umbrellaPage.getByRole('main'), 'Our members recognize it.');
  await sponsor(umbrellaPage, TITLE);
  await expectText(umbrellaPage.getByRole('main'), 'Shared credential, sponsored by Colleges of the North.');

  const adopterPage = await pageFor(adopter);
  await adopt(adopterPage, TITLE);
  await expectText(
    adopterPage.getByRole('main'),
    'Lakeshore College adopted it through Colleges of the North.',
  );

  // The umbrella sees its members, the credential it sponsors, its adoption and the contributions.
  await umbrellaPage.goto('/umbrella');
  await umbrellaPage.getByRole('heading', { level: 1, name: 'Umbrella: Colleges of the North' }).waitFor();
  await expectText(umbrellaPage.getByTestId('adoptions'), 'Adopted by Lakeshore College.');
  await expectText(umbrellaPage.getByTestId('contributions'), 'Maple Machining');
  await expectText(
    umbrellaPage.getByTestId('contributions'),
    'Lakeshore College (through Colleges of the North)',
  );
  await expectText(umbrellaPage.getByRole('main'), '2 member organizations');
  await expectText(umbrellaPage.getByTestId('umbrella-demand'), 'work in teams');
  await expectText(umbrellaPage.getByTestId('umbrella-demand'), '30');
  await checkScreen(umbrellaPage, 'umbrella');
});

it('awards one learner (refusing a score below the threshold on its field), a CSV batch with per-row errors first, and revokes with a reason', async () => {
  const page = await pageFor(adopter);
  await fillAwardOne(page, {
    credentialTitle: TITLE,
    name: 'Casey Learner',
    email: learner.email,
    score: 70,
  });
  await expectDescription(
    page.getByLabel('Score (percent)'),
    'A score of 70 is below this credential’s mastery threshold of 80. The credential cannot be awarded.',
  );
  await page.getByLabel('Score (percent)').fill('abc');
  await page.getByRole('button', { name: 'Award the credential' }).click();
  await expectDescription(page.getByLabel('Score (percent)'), 'Enter a score from 0 to 100.');
  await page.getByLabel('Score (percent)').fill('92');
  await page.getByLabel('Evidence link (optional)').fill('http://portfolio.example.org/casey');
  await page.getByRole('button', { name: 'Award the credential' }).click();
  await expectDescription(
    page.getByLabel('Evidence link (optional)'),
    'Enter a web address starting with https://.',
  );

  const publicPath = await awardOne(page, {
    credentialTitle: TITLE,
    name: 'Casey Learner',
    email: learner.email,
    score: 92,
    evidenceUrl: 'https://portfolio.example.org/casey',
    evidenceNarrative: 'A clean bead, first try.',
  });
  expect(publicPath).toMatch(/^\/public\/credentials\/[0-9a-f-]{36}$/);
  await expectText(page.getByTestId('award-row'), 'Casey Learner');
  await checkScreen(page, 'issuing');

  // Every row is checked with the single-learner form's rules before anything is sent: a bad
  // e-mail, a score below the threshold and an http:// evidence link are shown with their row
  // numbers and stay out; the valid rows go.
  let batches = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.postData()?.includes('AwardCredentialBatch')) batches++;
  });
  await openIssuing(page, TITLE);
  const csv =
    'name,email,score,attempt,evidence_url\n' +
    'Ada Batch,ada.batch@example.org,90,1,https://portfolio.example.org/ada\n' +
    'Bo Batch,not-an-email,85,1,\n' +
    'Cy Batch,cy.batch@example.org,61.5,1,\n' +
    'Di Batch,di.batch@example.org,95,1,http://portfolio.example.org/di\n' +
    'Ed Batch,ed.batch@example.org,88,1,\n';
  const rowErrors = await chooseLearnersCsv(page, 'learners.csv', csv);
  expect(rowErrors).toEqual([
    'Row 3: The e-mail address is not valid.',
    'Row 4: The score is below this credential’s mastery threshold.',
    'Row 5: The evidence link must start with https://.',
  ]);
  await expectDescription(
    page.getByLabel('Learners file (CSV)'),
    '3 rows cannot be awarded as they are; they will not be sent.',
  );
  await expectText(page.getByRole('main'), 'learners.csv: 2 learners ready to award.');
  await checkScreen(page, 'issuing-csv-errors');
  expect(batches).toBe(0);

  await page.getByRole('button', { name: 'Award 2 learners' }).click();
  await expectText(page.getByTestId('batch-progress'), /^Done: /);
  expect(batches).toBe(1);
  const outcomes = await Promise.all(
    (await page.getByTestId('batch-item').all()).map(async (row) =>
      (await row.locator('td').allTextContents()).map((c) => c.trim()),
    ),
  );
  expect(outcomes.map(([row, learner, , outcome]) => ({ row, learner, outcome }))).toEqual([
    { row: '2', learner: 'Ada Batch', outcome: 'Awarded' },
    { row: '6', learner: 'Ed Batch', outcome: 'Awarded' },
  ]);
  await expectText(page.getByTestId('batch-progress'), 'Done: 2 awarded, 0 not awarded, of 2.');
  await checkScreen(page, 'issuing-batch');

  // The learner's public page verifies; after a revocation with a reason, its status check fails.
  const publicPage = await (await newContext(browser())).newPage();
  const checks = await openPublicPageAndVerify(publicPage, publicPath, TITLE);
  expect(checks.every((c) => c.passed)).toBe(true);
  await expectText(publicPage.getByTestId('credential-issuer'), 'Lakeshore College');
  await expectText(publicPage.getByTestId('credential-endorsements'), 'Maple Machining');

  await openIssuing(page, TITLE);
  await revokeButton(page, 'Ada Batch').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke the credential' }).click();
  await expectDescription(page.getByRole('dialog').getByLabel('Reason'), 'Say why (at least 3 characters).');
  await checkScreen(page, 'issuing-revoke-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  // By keyboard: Enter opens the dialog, Escape closes it, focus goes back to the button.
  await revokeButton(page, 'Ada Batch').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  expect(await revokeButton(page, 'Ada Batch').evaluate((button) => button === document.activeElement)).toBe(
    true,
  );
  // Neither revoked anything: read back, Ada's award stands and can still be revoked.
  await openIssuing(page, TITLE);
  await revokeButton(page, 'Ada Batch').waitFor();
  expect(await page.getByRole('row', { name: /Ada Batch/ }).textContent()).not.toMatch(/Revoked/);
  await revoke(page, {
    credentialTitle: TITLE,
    learnerName: 'Casey Learner',
    reason: 'Assessment misconduct.',
  });
  await page.getByLabel('Show awards').selectOption('REVOKED');
  await expectText(page.getByTestId('award-row'), 'Revoked: Assessment misconduct.');
  expect(await page.getByTestId('award-row').count()).toBe(1);

  const afterRevocation = await openPublicPageAndVerify(publicPage, publicPath, TITLE);
  expect(afterRevocation.filter((c) => !c.passed).map((c) => c.text)).toEqual([
    expect.stringMatching(/^Failed: its issuer has not revoked it/),
  ]);
  await expectPublicStatus(publicPage, 'Revoked by its issuer.');
});

it('shows a learner their credentials and downloads their transcript', async () => {
  // A standing award besides the revoked one, for the transcript.
  const other = await publishCredential(college, collegeId, employer, employerId, {
    title: 'Trust UI blueprint reading',
  });
  await ok(
    'mutation($i: AwardInput!) { awardCredential(input: $i) { id } }',
    {
      i: {
        credentialId: other,
        issuerId: collegeId,
        recipient: { email: learner.email, name: 'Casey Learner' },
        result: { score: 90, attempt: 1 },
      },
    },
    college.token,
  );
  const page = await pageFor(learner);
  await page.goto('/my-credentials');
  await expectText(page.getByRole('row', { name: new RegExp(TITLE) }), 'Revoked');
  await expectText(page.getByRole('row', { name: /Trust UI blueprint reading/ }), 'Active');
  await checkScreen(page, 'my-credentials');
  const transcript = await downloadTranscript(page);
  expect(transcript['type']).toEqual(['VerifiableCredential', 'ClrCredential']);
  const checks = await verifyTranscript(page);
  expect(checks.every((c) => c.passed)).toBe(true);
  expect(checks.map((c) => c.text)).toContain('Passed: every credential in the transcript verifies');

  // Someone who has not confirmed their address is asked to, in words.
  const unconfirmed = await pageFor(await signUp('ui-unconfirmed'));
  await unconfirmed.goto('/my-credentials');
  await expectText(unconfirmed.getByRole('main'), 'Confirm your e-mail address first');

  // Someone with nothing awarded is told so in words.
  const stranger = await pageFor(await withVerifiedEmail(mailbox, await signUp('ui-stranger')));
  await stranger.goto('/my-credentials');
  await expectText(stranger.getByRole('main'), 'No credential has been awarded to your e-mail address yet.');
  await stranger.getByRole('button', { name: 'Prepare my transcript' }).click();
  await expectText(
    stranger.getByRole('alert'),
    'You have no standing credential to put in a transcript yet.',
  );
});

it('lets an employer withdraw its endorsement, and says so', async () => {
  const page = await pageFor(employer);
  await openCatalogueCredential(page, TITLE);
  await expectText(page.getByTestId('contributions'), 'Maple Machining; Colleges of the North');
  await page.getByRole('button', { name: 'Withdraw the endorsement' }).click();
  await expectText(page.getByRole('main'), 'Your organization withdrew its endorsement of this credential.');
  await expectText(page.getByRole('main'), /Maple Machining withdrew its endorsement on/);
  await expectText(page.getByTestId('contributions'), 'Maple Machining (withdrawn)');
});

it('shows the issuing screen in French, checked like the others', async () => {
  const context = await newContext(browser(), { token: adopter.token, locale: 'fr-CA' });
  const page = await context.newPage();
  await page.goto('/issuing');
  await page.getByRole('heading', { level: 1, name: 'Délivrance' }).waitFor();
  await page.getByLabel('Fichier des apprenants (CSV)').setInputFiles({
    name: 'apprenants.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('name,email,score\n,zoe@example.org,101\n'),
  });
  await expectText(
    page.getByTestId('row-error'),
    'Ligne 2\u00a0: Le nom manque. La note doit être un nombre de 0 à 100.',
  );
  await checkScreen(page, 'issuing-fr');
});
