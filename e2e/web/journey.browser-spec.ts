// The whole exchange in the browser, as issue 7 asks: an employer posts a need, an institution sees
// it ranked and accepts a proposal, both co-develop and approve a design, it is published, endorsed,
// awarded, and the learner's public page verifies — and then the evidence loop (issue 13): the
// college answers the framework survey, the learner answers the survey their notification links
// to, the employer reports the cohort's outcomes, and the operator's insights show them, with a
// group below k suppressed. Every step is a person using the app; only the accounts and
// organizations (and the other holders who answer, so a group reaches k) are made through the API.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createOrganization, ok, signUp, type Session } from '../support/client';
import { OPERATOR } from '../support/global-setup';
import { openMailbox, type Mailbox } from '../support/mailbox';
import { checkScreen, expectText, newContext, useBrowser } from './support/browser';
import {
  acceptProposal,
  postNeed,
  proposeFromMatches,
  rankedInstitutions,
  saveCapabilityProfile,
} from './steps/marketplace';
import {
  approve,
  COMPLETE_DESIGN,
  createDesign,
  expectCompliance,
  expectStage,
  fillDesign,
  openDesign,
  publish,
  saveDesign,
  submitForReview,
} from './steps/codev';
import { awardOne, endorse, openPublicPageAndVerify } from './steps/trust';
import {
  answerFeedbackFromInbox,
  answerFrameworkSurveyFromInbox,
  awaitFeedbackRequest,
  insightsRow,
  moreRespondents,
  openInsights,
  reportOutcomes,
  signUpAs,
} from './steps/evidence';

jest.setTimeout(360_000);

const browser = useBrowser();
let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await openMailbox();
});
afterAll(async () => {
  await mailbox?.close();
});
const pageFor = async (session: Session): Promise<Page> =>
  (await newContext(browser(), { token: session.token })).newPage();

it('takes a need to a verified credential: post, rank, propose, accept, co-develop, approve, publish, endorse, award, verify', async () => {
  const tag = randomUUID().slice(0, 6);
  const employerName = `Sudbury Mine Works ${tag}`;
  const collegeName = `Northern Trail College ${tag}`;
  const needTitle = `Crew leads for the new shaft ${tag}`;
  const credentialTitle = `Crew leadership underground ${tag}`;
  const [employer, college] = await Promise.all([signUp('journey-employer'), signUp('journey-college')]);
  await createOrganization(employer, {
    name: employerName,
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    region: 'ON-Sudbury',
    sector: '212',
  });
  const collegeId = await createOrganization(college, {
    name: collegeName,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  // The learner has an account with a proven address before the award, so the survey reaches their inbox.
  const learnerEmail = `journey-learner-${tag}@e2e.lattice.test`;
  const learner = await signUpAs(mailbox, learnerEmail, 'Jordan Learner');
  const employerPage = await pageFor(employer);
  const collegePage = await pageFor(college);

  // The college says what it can teach, so matching can find it.
  await saveCapabilityProfile(collegePage, {
    skills: [
      { search: 'work in teams', label: 'work in teams', level: 4 },
      { search: 'solve problems', label: 'solve problems', level: 3 },
    ],
    regions: ['ON-Northeast'],
    deliveryModes: ['Hybrid'],
    annualCapacity: 60,
  });

  // 1. The employer posts the need in shared skill terms and sees the college ranked, with reasons.
  const { needId } = await postNeed(employerPage, {
    title: needTitle,
    description: 'Shift leads who run safe, collaborative crews underground.',
    skills: [
      { search: 'work in teams', label: 'work in teams', level: 3 },
      { search: 'solve problems', label: 'solve problems', level: 2 },
    ],
    region: 'ON-Sudbury',
    deliveryModes: ['Hybrid'],
    learnerCount: 20,
    careerStage: 'Mid-career',
    neededBy: '2099-09-01',
  });
  const ranked = await rankedInstitutions(employerPage, needId);
  const ours = ranked.find((institution) => institution.name === collegeName);
  expect(ours).toBeDefined();
  expect(ours!.small).toBe(true);
  expect(ours!.reasons.length).toBeGreaterThan(0);
  await checkScreen(employerPage, 'journey-ranked-institutions');
  await proposeFromMatches(employerPage, {
    needId,
    institution: collegeName,
    message: 'Build this with us?',
  });

  // 2. The college accepts the proposal.
  await acceptProposal(collegePage, { needTitle, from: employerName, message: 'Gladly.' });

  // 3. Both co-develop: the college drafts from the partnership, the design complies, goes to review,
  //    the employer approves, the college approves and publishes.
  const designId = await createDesign(collegePage, {
    title: credentialTitle,
    description: 'Leading safe crews underground.',
    partnership: employerName,
  });
  await fillDesign(collegePage, COMPLETE_DESIGN);
  await saveDesign(collegePage);
  await expectCompliance(collegePage, true);
  await submitForReview(collegePage);
  await openDesign(employerPage, designId, credentialTitle);
  await expectStage(employerPage, 'In review');
  await approve(employerPage, employerName);
  await collegePage.reload();
  await approve(collegePage, collegeName);
  await publish(collegePage);
  await checkScreen(collegePage, 'journey-published');

  // 4. The employer endorses the published credential: in demand, and the assessment reflects the job.
  await endorse(employerPage, credentialTitle, { comment: 'We will hire from this cohort.' });

  // 5. The college awards it to a learner who met the threshold.
  const publicPath = await awardOne(collegePage, {
    credentialTitle,
    name: 'Jordan Learner',
    email: learnerEmail,
    score: 92,
    evidenceUrl: 'https://portfolio.example.org/jordan',
    evidenceNarrative: 'Led a mock shift hand-over.',
  });

  // 6. Anyone — here a signed-out browser — opens the learner's page and it verifies, every check.
  const learnerPage = await (await newContext(browser())).newPage();
  const checks = await openPublicPageAndVerify(learnerPage, publicPath, credentialTitle);
  expect(checks.length).toBeGreaterThan(3);
  expect(checks.filter((check) => !check.passed)).toEqual([]);
  await expectText(learnerPage.getByRole('main'), employerName);
  expect(await learnerPage.getByRole('main').textContent()).not.toContain(learnerEmail);
  await checkScreen(learnerPage, 'journey-public-credential');

  // 7. The learner answers the survey their notification links to.
  const awardId = new URL(publicPath, 'http://x').pathname.split('/').pop()!;
  const credentialId = await awaitFeedbackRequest(learner, awardId);
  const surveyPage = await pageFor(learner);
  await answerFeedbackFromInbox(surveyPage, {
    credentialTitle,
    awardId,
    relevance: 5,
    workload: 3,
    authenticity: 5,
    recommend: 5,
    changes: ['A new job', 'A promotion'],
    comment: 'The mock hand-over was the real job.',
  });
  await surveyPage.setViewportSize({ width: 390, height: 844 });
  await checkScreen(surveyPage, 'journey-feedback-390');

  // 8. The college answers the framework survey it was sent when it published.
  await answerFrameworkSurveyFromInbox(collegePage, {
    credentialTitle,
    credentialId,
    most: ['Competencies', 'Assessment'],
    least: ['Stackability'],
    useful: 4,
  });
  await checkScreen(collegePage, 'journey-framework-survey');

  // Ten more holders answer (through the API): the learners' group reaches k; none of them was promoted.
  await moreRespondents({ mailbox, college, collegeId, credentialId, count: 10, tag, changes: ['new_job'] });

  // 9. The employer, a design partner, reports the cohort's outcomes.
  await reportOutcomes(employerPage, {
    credentialTitle,
    cohortSize: 12,
    hired: 11,
    promoted: 0,
    retained: 12,
    rating: 4,
    assessmentReflected: true,
  });
  await checkScreen(employerPage, 'journey-outcomes');

  // 10. The operator's insights by credential show the feedback and the outcomes; the one promoted
  //     learner is a group below k: suppressed, not 0.
  const operatorToken = (
    await ok<{ logIn: { token: string } }>(
      'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }',
      { e: OPERATOR.email, p: OPERATOR.password },
    )
  ).logIn.token;
  const operatorPage = await (await newContext(browser(), { token: operatorToken })).newPage();
  await openInsights(operatorPage, 'Credential');
  const feedback = await insightsRow(operatorPage, 'feedback', credentialTitle);
  expect(feedback['Respondents']).toBe('11');
  expect(feedback['New job']).toBe('11');
  expect(feedback['Promotion']).toBe('suppressed');
  const outcomes = await insightsRow(operatorPage, 'outcomes', credentialTitle);
  expect(outcomes['Holders']).toBe('12');
  expect(outcomes['Hired']).toBe('11');
  expect(outcomes['Mean on-the-job rating (1–5)']).toBe('4');
  await expectText(operatorPage.locator('[data-table="feedback"]'), 'They are not zero.');
  // The design's compliance review counted per framework element (eCampusOntario tests assessment), beside its importance.
  const assessment = await insightsRow(operatorPage, 'frameworkElements', 'Assessment');
  expect(Number(assessment['Compliance reviews'])).toBeGreaterThanOrEqual(1);
  expect(assessment['Failure rate']).toMatch(/%$/);
  expect(assessment['Most important (institutions)']).not.toBe('');
  await checkScreen(operatorPage, 'journey-insights');
  await operatorPage.setViewportSize({ width: 390, height: 844 });
  await checkScreen(operatorPage, 'journey-insights-390');
});
