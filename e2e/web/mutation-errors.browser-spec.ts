// A failed mutation says one clear thing, and the screen shows the real state afterwards: the
// client refetches what the screen shows after every failed mutation, not only after successes.
// Forced here the way people met it: a second browser, still showing the design in draft, submits
// it for review after the first one already did.
import { randomUUID } from 'node:crypto';
import { createOrganization, signUp, type Session } from '../support/client';
import { draftCompleteDesign } from '../support/credentials';
import { checkScreen, expectText, newContext, textOf, useBrowser } from './support/browser';
import { expectStage, openDesign, submitForReview } from './steps/codev';

const browser = useBrowser();
jest.setTimeout(180_000);

let college: Session;
let collegeId: string;
let employerId: string;
const suffix = randomUUID().slice(0, 6);

beforeAll(async () => {
  let employer: Session;
  [college, employer] = await Promise.all([signUp('web-err-college'), signUp('web-err-employer')]);
  collegeId = await createOrganization(college, {
    name: `Errors College ${suffix}`,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  employerId = await createOrganization(employer, {
    name: `Errors Mining ${suffix}`,
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    sector: '212',
  });
});

it('answers a refused mutation with one message and shows the real state without a reload', async () => {
  // A design of its own (a retry starts from a draft again).
  const title = `Stale submit ${randomUUID().slice(0, 6)}`;
  const designId = await draftCompleteDesign(college, collegeId, [employerId], title);
  const first = await (await newContext(browser(), { token: college.token })).newPage();
  const second = await (await newContext(browser(), { token: college.token })).newPage();
  await openDesign(first, designId, title);
  await openDesign(second, designId, title);
  await expectStage(second, 'Draft');

  await submitForReview(first);
  // The second browser still shows the draft and its button: the server refuses the step.
  await second.getByRole('button', { name: 'Submit for review' }).click();
  const alert = second.getByRole('alert').filter({ hasText: /\S/ });
  const message = await textOf(alert, (text) => text.length > 0);
  expect(await alert.count()).toBe(1);
  // One clear thing: the stage's refusal, once, and not the generic failure.
  expect(message).toBe('This step is not possible at the design’s current stage.');
  expect(message).not.toMatch(/on our side/i);
  // The real state, without a reload: in review, and no second "Submit for review" to press.
  await expectStage(second, 'In review');
  await expectText(second.getByTestId('waiting-on'), /Errors Mining/);
  await expect(second.getByRole('button', { name: 'Submit for review' }).count()).resolves.toBe(0);
  await checkScreen(second, 'web-mutation-error-refetched');
  await first.context().close();
  await second.context().close();
});
