// Browser steps of the evidence screens, for the journey past the award: the learner answers the
// survey the notification links to, the employer reports a cohort's outcomes, the operator reads
// insights. Plus the one API helper that keeps the journey fast: more holders who answer (a group
// of at least k), made through the API as onboarding and awarding have their own browser tests.
import type { Locator, Page } from 'playwright-core';
import { eventually, ok, type Session } from '../../support/client';
import { withVerifiedEmail, type Mailbox } from '../../support/mailbox';
import { expectText } from '../support/browser';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Signs up with a given address (an award's recipient) and proves it through the mailed link. */
export async function signUpAs(mailbox: Mailbox, email: string, name: string): Promise<Session> {
  const data = await ok<{ signUp: { token: string; user: { id: string } } }>(
    'mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }',
    { i: { email, password: 'correct horse battery', name, locale: 'en' } },
  );
  return withVerifiedEmail(mailbox, { token: data.signUp.token, userId: data.signUp.user.id, email });
}

const FEEDBACK = 'query($a: ID!) { awardFeedback(awardId: $a) { awardId credentialId } }';

/** Waits until the evidence service knows the award (it hears of it through the outbox); returns its credential. */
export async function awaitFeedbackRequest(learner: Session, awardId: string): Promise<string> {
  const found = await eventually(
    async () =>
      (
        await ok<{ awardFeedback: { credentialId: string } }>(FEEDBACK, { a: awardId }, learner.token).catch(
          () => null,
        )
      )?.awardFeedback.credentialId ?? null,
    (id) => id !== null,
    30_000,
  );
  if (!found) throw new Error(`evidence never heard of award ${awardId}`);
  return found;
}

/** Answers one question group: a scale value, a choice, or several. */
async function choose(page: Page, question: RegExp, labels: readonly string[]): Promise<void> {
  const group = page.getByRole('group', { name: question });
  for (const label of labels) await group.getByLabel(label, { exact: true }).check();
}

export interface LearnerAnswers {
  readonly relevance: number;
  readonly workload: number;
  readonly authenticity: number;
  readonly recommend: number;
  readonly changes: readonly string[];
  readonly comment?: string;
}

/** From the inbox, follows the survey notification to /feedback/<awardId>, answers and sends it. */
export async function answerFeedbackFromInbox(
  page: Page,
  input: { credentialTitle: string; awardId: string } & LearnerAnswers,
): Promise<void> {
  await page.goto('/inbox');
  const link = page
    .getByRole('link', {
      name: new RegExp(`How is “${escapeRegExp(input.credentialTitle)}” working for you\\?`),
    })
    .first();
  await link.waitFor({ timeout: 30_000 });
  expect(new URL((await link.getAttribute('href'))!, 'http://x').pathname).toBe(`/feedback/${input.awardId}`);
  await link.click();
  await page.waitForURL(`**/feedback/${input.awardId}`);
  await page.getByRole('heading', { level: 1, name: `Feedback: ${input.credentialTitle}` }).waitFor();
  await expectText(page.getByTestId('feedback-state'), 'You have not answered yet.');
  await choose(page, /How relevant is this credential/, [String(input.relevance)]);
  await choose(page, /How did the workload compare/, [String(input.workload)]);
  await choose(page, /Did the assessment feel like real work/, [String(input.authenticity)]);
  await choose(page, /Would you recommend this credential/, [String(input.recommend)]);
  await choose(page, /What changed for you since/, input.changes);
  if (input.comment) await page.getByLabel(/Anything else\?/).fill(input.comment);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expectText(
    page.getByRole('status').filter({ hasText: /answers/ }),
    'Thank you: your answers are saved.',
  );
  await expectText(page.getByTestId('feedback-state'), /You can change your answers until/);
}

/** More holders of a credential who answer the survey through the API, so the group reaches k. */
export async function moreRespondents(input: {
  mailbox: Mailbox;
  college: Session;
  collegeId: string;
  credentialId: string;
  count: number;
  tag: string;
  changes: readonly string[];
}): Promise<void> {
  await Promise.all(
    Array.from({ length: input.count }, async (_, i) => {
      const learner = await signUpAs(
        input.mailbox,
        `journey-holder${i}-${input.tag}@e2e.lattice.test`,
        `Holder ${i}`,
      );
      const award = await ok<{ awardCredential: { id: string } }>(
        'mutation($i: AwardInput!) { awardCredential(input: $i) { id } }',
        {
          i: {
            credentialId: input.credentialId,
            issuerId: input.collegeId,
            recipient: { email: learner.email, name: `Holder ${i}` },
            result: { score: 90, attempt: 1 },
          },
        },
        input.college.token,
      );
      await awaitFeedbackRequest(learner, award.awardCredential.id);
      await ok(
        'mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { awardId } }',
        {
          i: {
            awardId: award.awardCredential.id,
            answers: [
              { key: 'relevance', value: 1 + (i % 5) },
              { key: 'workload', value: 3 },
              { key: 'authenticity', value: 4 },
              { key: 'recommend', value: 4 },
              { key: 'changes', choices: input.changes },
            ],
          },
        },
        learner.token,
      );
    }),
  );
}

export interface OutcomeReport {
  readonly credentialTitle: string;
  readonly cohortSize: number;
  readonly hired: number;
  readonly promoted: number;
  readonly retained: number;
  /** 1–5 for every competency of the credential. */
  readonly rating: number;
  readonly assessmentReflected: boolean;
}

/** On /outcomes, the employer reports a cohort of a credential it partnered on. */
export async function reportOutcomes(page: Page, input: OutcomeReport): Promise<void> {
  await page.goto('/outcomes');
  await page.getByRole('heading', { level: 1, name: 'Outcome reports' }).waitFor();
  await page.getByLabel('Credential', { exact: true }).selectOption({ label: input.credentialTitle });
  await page.getByLabel('Holders in this cohort').fill(String(input.cohortSize));
  await page.getByLabel('Hired', { exact: true }).fill(String(input.hired));
  await page.getByLabel('Promoted', { exact: true }).fill(String(input.promoted));
  await page.getByLabel('Retained', { exact: true }).fill(String(input.retained));
  const competencies = page.getByRole('group', { name: /^On-the-job performance:/ });
  await competencies.first().waitFor();
  for (const group of await competencies.all())
    await group.getByLabel(String(input.rating), { exact: true }).check();
  await choose(page, /Did the assessment reflect how they perform on the job\?/, [
    input.assessmentReflected ? 'Yes' : 'No',
  ]);
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expectText(page.getByRole('status').filter({ hasText: /Report/ }), 'Report sent.');
  await page.getByTestId('outcome-report').first().waitFor();
}

/** On /insights, groups by a choice of "Group by" and returns one table's section. */
export async function openInsights(page: Page, groupBy: string): Promise<void> {
  await page.goto('/insights');
  await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
  await page.getByLabel('Group by').selectOption({ label: groupBy });
  await page.locator('[data-table="feedback"]').waitFor();
}

/** The cells of one row (by its label) of one insights table, keyed by column header. */
export async function insightsRow(
  page: Page,
  table: string,
  rowLabel: string,
): Promise<Record<string, string>> {
  const section: Locator = page.locator(`[data-table="${table}"]`);
  const row = section
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: rowLabel, exact: true }) });
  await row.first().waitFor();
  const headers = (await section.locator('thead th').allTextContents()).map((h) => h.trim());
  const cells = (await row.first().locator('th, td').allTextContents()).map((c) => c.trim());
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

/** From the inbox, the issuer's admin follows the framework survey notification to /framework-survey/<credentialId> and answers it. */
export async function answerFrameworkSurveyFromInbox(
  page: Page,
  input: {
    credentialTitle: string;
    credentialId: string;
    most: readonly string[];
    least: readonly string[];
    useful: number;
  },
): Promise<void> {
  await page.goto('/inbox');
  const link = page
    .getByRole('link', {
      name: new RegExp(
        `Was the framework a useful blueprint for “${escapeRegExp(input.credentialTitle)}”\\?`,
      ),
    })
    .first();
  await link.waitFor({ timeout: 30_000 });
  expect(new URL((await link.getAttribute('href'))!, 'http://x').pathname).toBe(
    `/framework-survey/${input.credentialId}`,
  );
  await link.click();
  await page.getByRole('heading', { level: 1, name: `Framework survey: ${input.credentialTitle}` }).waitFor();
  await choose(page, /Which framework elements were most important\?/, input.most);
  await choose(page, /Which were least important\?/, input.least);
  await choose(page, /Was the framework a useful blueprint\?/, [String(input.useful)]);
  await page.getByRole('button', { name: 'Send the answers' }).click();
  await expectText(
    page.getByRole('status').filter({ hasText: /answers/ }),
    'Thank you: your answers are saved.',
  );
}
