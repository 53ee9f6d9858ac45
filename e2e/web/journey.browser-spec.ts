// The whole exchange in the browser, as issue 7 asks: an employer posts a need, an institution sees
// it ranked and accepts a proposal, both co-develop and approve a design, it is published, endorsed,
// awarded, and the learner's public page verifies. Every step is a person using the app; only the
// accounts and organizations are made through the API (onboarding has its own browser tests).
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createOrganization, signUp, type Session } from '../support/client';
import { checkScreen, expectText, newContext, useBrowser } from './support/browser';
import { acceptProposal, postNeed, proposeFromMatches, rankedInstitutions, saveCapabilityProfile } from './steps/marketplace';
import { approve, COMPLETE_DESIGN, createDesign, expectCompliance, expectStage, fillDesign, openDesign, publish, saveDesign, submitForReview } from './steps/codev';
import { awardOne, endorse, openPublicPageAndVerify } from './steps/trust';

jest.setTimeout(240_000);

const browser = useBrowser();
const pageFor = async (session: Session): Promise<Page> => (await newContext(browser(), { token: session.token })).newPage();

it('takes a need to a verified credential: post, rank, propose, accept, co-develop, approve, publish, endorse, award, verify', async () => {
  const tag = randomUUID().slice(0, 6);
  const employerName = `Sudbury Mine Works ${tag}`;
  const collegeName = `Northern Trail College ${tag}`;
  const needTitle = `Crew leads for the new shaft ${tag}`;
  const credentialTitle = `Crew leadership underground ${tag}`;
  const [employer, college] = await Promise.all([signUp('journey-employer'), signUp('journey-college')]);
  await createOrganization(employer, { name: employerName, kind: 'EMPLOYER', size: 'MEDIUM', region: 'ON-Sudbury', sector: '212' });
  await createOrganization(college, { name: collegeName, kind: 'INSTITUTION', size: 'SMALL', region: 'ON-Northeast' });
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
  await proposeFromMatches(employerPage, { needId, institution: collegeName, message: 'Build this with us?' });

  // 2. The college accepts the proposal.
  await acceptProposal(collegePage, { needTitle, from: employerName, message: 'Gladly.' });

  // 3. Both co-develop: the college drafts from the partnership, the design complies, goes to review,
  //    the employer approves, the college approves and publishes.
  const designId = await createDesign(collegePage, { title: credentialTitle, description: 'Leading safe crews underground.', partnership: employerName });
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
  const learnerEmail = `journey-learner-${tag}@e2e.lattice.test`;
  const publicPath = await awardOne(collegePage, { credentialTitle, name: 'Jordan Learner', email: learnerEmail, score: 92, evidenceUrl: 'https://portfolio.example.org/jordan', evidenceNarrative: 'Led a mock shift hand-over.' });

  // 6. Anyone — here a signed-out browser — opens the learner's page and it verifies, every check.
  const learnerPage = await (await newContext(browser())).newPage();
  const checks = await openPublicPageAndVerify(learnerPage, publicPath, credentialTitle);
  expect(checks.length).toBeGreaterThan(3);
  expect(checks.filter((check) => !check.passed)).toEqual([]);
  await expectText(learnerPage.getByRole('main'), employerName);
  expect(await learnerPage.getByRole('main').textContent()).not.toContain(learnerEmail);
  await checkScreen(learnerPage, 'journey-public-credential');
});
