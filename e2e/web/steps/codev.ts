// Steps through the co-development workspace as a person takes them, with accessible locators
// only: the codev browser spec uses them, and so can a journey across areas (need → accept →
// co-develop → publish → endorse → award → verify). Each step waits for what the user would see.
import type { Locator, Page } from 'playwright-core';
import { expectText, textOf } from '../support/browser';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

export interface NewDesign {
  readonly title: string;
  readonly description?: string;
  /** The framework option's text, e.g. /eCampusOntario/ (default). */
  readonly framework?: string | RegExp;
  /** The accepted partnership to start from, by its employer's name (its employer becomes a partner). */
  readonly partnership?: string;
  readonly language?: 'en' | 'fr';
}

/** On /designs: fills "New design" and creates it; returns the new design's id (from /designs/:id). */
export async function createDesign(page: Page, design: NewDesign): Promise<string> {
  if (!/\/designs\/?$/.test(new URL(page.url()).pathname)) await page.goto('/designs');
  await page.getByRole('heading', { name: 'New design' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill(design.title);
  if (design.description) await page.getByLabel('Description', { exact: true }).fill(design.description);
  await selectByText(page.getByLabel('Framework', { exact: true }), design.framework ?? /eCampusOntario/);
  if (design.partnership)
    await selectByText(
      page.getByLabel('Partnership', { exact: true }),
      new RegExp(`^${escape(design.partnership)} — `),
    );
  if (design.language) await page.getByLabel('Language of the credential').selectOption(design.language);
  await page.getByRole('button', { name: 'Create design' }).click();
  await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: design.title }).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

export async function openDesign(page: Page, id: string, title?: string): Promise<void> {
  await page.goto(`/designs/${id}`);
  await (
    title
      ? page.getByRole('heading', { level: 1, name: title })
      : page.getByRole('heading', { name: 'Review and sign-off' })
  ).waitFor();
}

export interface DesignContent {
  /** Search text → the skill's exact label, e.g. { search: 'work in teams', label: 'work in teams' }. */
  readonly competencies?: ReadonlyArray<{ search: string; label: string }>;
  /** Kind as shown (Knowledge, Skill, Attitude); skills by label, among the competencies. */
  readonly outcomes?: ReadonlyArray<{
    statement: string;
    kind: 'Knowledge' | 'Skill' | 'Attitude';
    skills: readonly string[];
  }>;
  /** Method labels, e.g. 'Employer assessment', 'Portfolio'. */
  readonly methods?: readonly string[];
  readonly masteryThreshold?: string;
  readonly attemptsAllowed?: string;
  readonly authentic?: boolean;
  readonly evidenceVisibleToEmployers?: boolean;
  readonly evidenceRequirements?: string;
  readonly hours?: string;
  readonly weeks?: string;
  /** Online, In person, Hybrid. */
  readonly deliveryMode?: string;
  /** Entry level, Mid-career, Senior, New to the sector. */
  readonly careerStage?: string;
  readonly price?: string;
  readonly credit?: boolean;
  readonly transcriptable?: boolean;
  readonly stackableInto?: readonly string[];
  readonly level?: string;
  readonly qualityAssurance?: string;
  readonly evidenceOfNeed?: string;
  readonly annualReview?: boolean;
}

/** Fills the workspace's design form with whatever `content` gives (it does not save). */
export async function fillDesign(page: Page, content: DesignContent): Promise<void> {
  // A design started from a partnership already has its need's skills. Each chip names its skill
  // once that skill's own query answers (until then it shows the id), so wait for every name
  // before deciding which skills are still to add: a skill already chosen is never offered again.
  await textOf(page.getByRole('list', { name: 'Competencies' }), (text) => !UUID.test(text));
  for (const skill of content.competencies ?? []) {
    const listed = page
      .getByRole('list', { name: 'Competencies' })
      .getByRole('button', { name: `Remove ${skill.label}`, exact: true });
    if ((await listed.count()) > 0) continue;
    const box = page.getByRole('combobox', { name: 'Add a competency' });
    await box.fill(skill.search);
    await page.getByRole('option', { name: skill.label, exact: true }).click();
    await page
      .getByRole('list', { name: 'Competencies' })
      .getByRole('button', { name: `Remove ${skill.label}`, exact: true })
      .waitFor();
  }
  const existing = await page.getByRole('button', { name: /^Remove outcome \d+$/ }).count();
  for (const [offset, outcome] of (content.outcomes ?? []).entries()) {
    const n = existing + offset + 1;
    await page.getByRole('button', { name: 'Add an outcome' }).click();
    await page.getByLabel(`Outcome ${n}: what the learner can do`).fill(outcome.statement);
    await page.getByLabel(`Outcome ${n}: kind`).selectOption({ label: outcome.kind });
    const skills = page.getByRole('group', { name: `Outcome ${n}: competencies it shows` });
    for (const label of outcome.skills) await skills.getByLabel(label, { exact: true }).check();
  }
  if (content.methods) {
    const methods = page.getByRole('group', { name: 'Assessment methods' });
    for (const method of content.methods) await methods.getByLabel(method, { exact: true }).check();
  }
  const text: Array<[string, string | undefined]> = [
    ['Mastery threshold (%)', content.masteryThreshold],
    ['Attempts allowed', content.attemptsAllowed],
    ['Evidence required', content.evidenceRequirements],
    ['Hours of learning', content.hours],
    ['Weeks', content.weeks],
    ['Price (CAD)', content.price],
    ['Stacks into', content.stackableInto?.join('\n')],
    ['Qualifications-framework level', content.level],
    ['Quality assurance', content.qualityAssurance],
    ['Evidence of need', content.evidenceOfNeed],
  ];
  for (const [label, value] of text)
    if (value !== undefined) await page.getByLabel(label, { exact: true }).fill(value);
  const choices: Array<[string, string | undefined]> = [
    ['Delivery mode', content.deliveryMode],
    ['Career stage', content.careerStage],
    ['Authentic assessment (mirrors real work)', yesNo(content.authentic)],
    ['Evidence visible to employers', yesNo(content.evidenceVisibleToEmployers)],
    ['For credit', yesNo(content.credit)],
    ['Transcriptable', yesNo(content.transcriptable)],
    ['Reviewed every year', yesNo(content.annualReview)],
  ];
  for (const [label, value] of choices)
    if (value !== undefined) await page.getByLabel(label, { exact: true }).selectOption({ label: value });
}

/** Saves the form; returns the version it was saved as. */
export async function saveDesign(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Save changes' }).click();
  const status = page.getByRole('status').filter({ hasText: /Saved as version \d+/ });
  await status.waitFor();
  return Number(/version (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
}

/** Waits until the compliance panel says the design passes (or fails) its chosen framework. */
export async function expectCompliance(page: Page, passed: boolean): Promise<void> {
  await expectText(page.getByTestId('compliance-result'), passed ? /^Passes / : /^Does not pass /);
}

/** Starts a comment from the field's own "Comment on …" button, writes it and posts it. */
export async function commentOnField(page: Page, field: string, body: string): Promise<void> {
  await page.getByRole('button', { name: `Comment on ${field}`, exact: true }).click();
  await page.getByLabel('Comment', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await thread(page, { field }).filter({ hasText: body }).waitFor();
}

/** The thread shown next to `field` (or among the general ones), optionally by its first author. */
export function thread(page: Page, where: { field?: string; author?: string }): Locator {
  const name = new RegExp(
    `^Comment by ${where.author ? escape(where.author) : '.+'} on ${escape(where.field ?? 'The design as a whole')}$`,
  );
  return page.getByRole('article', { name });
}

export async function replyToThread(
  page: Page,
  where: { field?: string; author: string },
  body: string,
): Promise<void> {
  const found = thread(page, where).first();
  await found.getByLabel(`Reply to ${where.author}`).fill(body);
  await found.getByRole('button', { name: 'Reply', exact: true }).click();
  await found.getByRole('list', { name: 'Replies' }).getByText(body).waitFor();
}

/** Resolves the (first) thread next to `field`; it stays shown, marked resolved, and can be reopened. */
export async function resolveThread(page: Page, where: { field?: string; author?: string }): Promise<void> {
  const found = thread(page, where).first();
  await found.getByRole('button', { name: 'Resolve', exact: true }).click();
  await found.getByRole('button', { name: 'Reopen', exact: true }).waitFor();
}

/** The issuer's admin adds a design partner found by name (a new version; the partner must approve too). */
export async function addPartner(page: Page, organization: string): Promise<void> {
  await page.getByLabel('Find an organization').fill(organization);
  await page.getByRole('button', { name: `Add ${organization} as a partner` }).click();
  await expectText(page.getByRole('list', { name: /^Sign-off of version \d+$/ }), `${organization}: not yet`);
}

/** Waits for the stage shown in the workflow panel, e.g. 'In review'. */
export async function expectStage(page: Page, stage: string): Promise<void> {
  await expectText(page.getByTestId('design-stage'), `Stage: ${stage}`);
}

/** Submits for review, with a review due date (YYYY-MM-DD) when given. */
export async function submitForReview(page: Page, options: { dueDate?: string } = {}): Promise<void> {
  if (options.dueDate) await page.getByLabel('Review due by (optional)').fill(options.dueDate);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expectStage(page, 'In review');
}

export async function requestChanges(page: Page, comment: string): Promise<void> {
  await page.getByLabel('What should change?').fill(comment);
  await page.getByRole('button', { name: 'Request changes' }).click();
  await expectStage(page, 'Changes requested');
}

/** Approves the current version for `organization` (the current organization, which must be pending). */
export async function approve(page: Page, organization: string): Promise<void> {
  await page.getByRole('button', { name: `Approve for ${organization}` }).click();
  await expectText(
    page.getByRole('list', { name: /^Sign-off of version \d+$/ }),
    `${organization}: approved`,
  );
}

export async function publish(page: Page): Promise<void> {
  const stageBefore = await textOf(page.getByTestId('design-stage'), (text) => text.startsWith('Stage: '));
  expect(stageBefore).not.toBe('Stage: Published');
  await page.getByRole('button', { name: 'Publish the credential' }).click();
  // An irreversible step: the dialog says so, and publishing waits for the confirmation.
  const dialog = page.getByRole('alertdialog');
  await expectText(dialog, /^Publish “.+”\?Once published, version \d+ is the credential/);
  // Cancel publishes nothing: read back from the server, the design is at the stage it was.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.reload();
  expect(await textOf(page.getByTestId('design-stage'), (text) => text.startsWith('Stage: '))).toBe(
    stageBefore,
  );
  await page.getByRole('button', { name: 'Publish the credential' }).click();
  await expectText(dialog, /^Publish “.+”\?/);
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expectStage(page, 'Published');
}

/** Compares two versions in the history; returns the diff table's rows as [field, before, after]. */
export async function compareVersions(page: Page, from: number, to: number): Promise<string[][]> {
  await page.getByLabel('Newer version').selectOption(String(to));
  await page.getByLabel('Older version').selectOption(String(from));
  const table = page.getByRole('table', { name: `Changes from version ${from} to version ${to}` });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children).map((cell) => (cell.textContent ?? '').trim())),
    );
}

const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'Yes' : 'No');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function selectByText(select: Locator, text: string | RegExp): Promise<void> {
  await select.locator('option').filter({ hasText: text }).first().waitFor({ state: 'attached' });
  const value = await select
    .locator('option')
    .evaluateAll(
      (options, pattern) =>
        options
          .find((o) => new RegExp(pattern.source, pattern.flags).test(o.textContent ?? ''))
          ?.getAttribute('value') ?? null,
      typeof text === 'string'
        ? { source: escape(text), flags: '' }
        : { source: text.source, flags: text.flags },
    );
  if (value === null) throw new Error(`no option matching ${String(text)}`);
  await select.selectOption(value);
}

/** A design that passes the eCampusOntario framework: every element and an authentic, employer-visible assessment. */
export const COMPLETE_DESIGN: DesignContent = {
  competencies: [
    { search: 'work in teams', label: 'work in teams' },
    { search: 'solve problems', label: 'solve problems' },
  ],
  outcomes: [
    { statement: 'Leads a crew through a shift hand-over', kind: 'Skill', skills: ['work in teams'] },
    {
      statement: 'Explains a safety incident to the crew',
      kind: 'Attitude',
      skills: ['work in teams', 'solve problems'],
    },
  ],
  methods: ['Employer assessment', 'Portfolio'],
  masteryThreshold: '80',
  attemptsAllowed: '2',
  authentic: true,
  evidenceVisibleToEmployers: true,
  evidenceRequirements: 'A recorded hand-over and a one-page incident brief.',
  hours: '60',
  weeks: '8',
  deliveryMode: 'Hybrid',
  careerStage: 'Mid-career',
  price: '450',
  credit: false,
  transcriptable: true,
  stackableInto: ['Mining supervision certificate'],
  level: 'EQF 5',
  qualityAssurance: 'Reviewed by the college’s curriculum committee.',
  evidenceOfNeed: 'The employer’s need for 20 crew leads.',
  annualReview: true,
};
