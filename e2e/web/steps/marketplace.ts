// Browser steps of the marketplace and demand screens, for their specs and for the lead's
// end-to-end journey (need → ranked → accept → co-develop → publish → endorse → award → verify).
// Each step starts from a page signed in as the right person, uses what a person sees (roles,
// labels, words, in English) and returns what the next step needs.
import type { Locator, Page, Response } from 'playwright-core';
import { expectText } from '../support/browser';

export interface SkillChoice {
  /** What to type in the picker. */
  readonly search: string;
  /** The option to choose: the skill's English label, exactly. */
  readonly label: string;
  /** 1 (basic) to 4 (expert); the picker starts at 2. */
  readonly level?: 1 | 2 | 3 | 4;
}
export type DeliveryModeLabel = 'Online' | 'In person' | 'Hybrid';
export type CareerStageLabel = 'Entry level' | 'Mid-career' | 'Senior' | 'New to the sector';

export interface NeedDraft {
  readonly title: string;
  readonly description?: string;
  readonly skills: readonly SkillChoice[];
  /** A region code, e.g. ON-Sudbury. */
  readonly region: string;
  readonly deliveryModes: readonly DeliveryModeLabel[];
  readonly learnerCount: number;
  readonly careerStage: CareerStageLabel;
  /** YYYY-MM-DD */
  readonly neededBy?: string;
}

/** Types into the skill picker, chooses the option with that label and sets its level. */
export async function pickSkill(page: Page, choice: SkillChoice): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Search skills' });
  const answers: string[] = [];
  const record = (response: Response) => {
    if (response.request().postData()?.includes('SearchSkills'))
      void response.text().then(
        (body) => answers.push(`${response.status()} ${body.slice(0, 300)}`),
        () => undefined,
      );
  };
  page.on('response', record);
  await search.fill(choice.search);
  const option = page.getByRole('option', { name: choice.label, exact: true });
  const started = Date.now();
  try {
    await option.waitFor();
  } catch (error) {
    // Say what the person would have seen: the picker's text, the list's state, the screen.
    const typed = await search.inputValue().catch(() => '(no picker)');
    const list = await page
      .getByRole('listbox')
      .allTextContents()
      .catch(() => []);
    const main = (
      (await page
        .locator('main')
        .textContent()
        .catch(() => '')) ?? ''
    ).slice(0, 500);
    throw new Error(
      `The option "${choice.label}" did not show after typing "${choice.search}" (picker now holds "${typed}"; list: ${JSON.stringify(list)}; searches answered: ${JSON.stringify(answers)}; screen: ${main})\n${String(error)}`,
    );
  } finally {
    page.off('response', record);
  }
  if (process.env['PICK_SKILL_TIMING']) console.log(`pickSkill ${choice.search}: ${Date.now() - started} ms`);
  await option.click();
  await page.getByRole('list', { name: 'Chosen skills' }).getByText(choice.label, { exact: true }).waitFor();
  if (choice.level)
    await page.getByLabel(`Level for ${choice.label}`, { exact: true }).selectOption(String(choice.level));
}

/** Ticks the checkbox `name` inside `group` (its label takes the click, as a person's would). */
async function tick(group: Locator, name: string): Promise<void> {
  if (!(await group.getByRole('checkbox', { name, exact: true }).isChecked()))
    await group.getByText(name, { exact: true }).click();
}

/** Fills the need form (/needs/new or /needs/:id) with the draft; does not submit. */
export async function fillNeedForm(page: Page, need: NeedDraft): Promise<void> {
  await page.getByLabel('Title', { exact: true }).fill(need.title);
  if (need.description !== undefined)
    await page.getByLabel('Description', { exact: true }).fill(need.description);
  for (const skill of need.skills) await pickSkill(page, skill);
  await page.getByLabel('Region', { exact: true }).selectOption(need.region);
  for (const mode of need.deliveryModes)
    await tick(page.getByRole('group', { name: 'Delivery modes' }), mode);
  await page.getByLabel('Number of learners', { exact: true }).fill(String(need.learnerCount));
  await page.getByLabel('Career stage', { exact: true }).selectOption({ label: need.careerStage });
  if (need.neededBy) await page.getByLabel('Needed by', { exact: true }).fill(need.neededBy);
}

/** Posts a need as the signed-in employer, through /needs/new; lands on its ranked institutions. Returns its id. */
export async function postNeed(page: Page, need: NeedDraft): Promise<{ needId: string }> {
  await page.goto('/needs/new');
  await page.getByRole('heading', { level: 1, name: 'Post a skill need' }).waitFor();
  await fillNeedForm(page, need);
  await page.getByRole('button', { name: 'Post skill need' }).click();
  await page.waitForURL(/\/needs\/[0-9a-f-]{36}\/matches$/);
  await page.getByRole('heading', { level: 1, name: `Ranked institutions: ${need.title}` }).waitFor();
  const needId = /\/needs\/([0-9a-f-]{36})\/matches$/.exec(page.url())![1]!;
  return { needId };
}

export interface RankedInstitution {
  readonly name: string;
  readonly score: string;
  readonly small: boolean;
  /** Each reason as shown: kind, points and sentence. */
  readonly reasons: string[];
}

/** The card of one ranked institution (on a need's matches) or one ranked need (on /capabilities). */
export function rankedCard(page: Page, name: string): Locator {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: new RegExp(`^#\\d+ ${escape(name)}$`) }) });
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens a need's ranked institutions and reads them, best first. */
export async function rankedInstitutions(page: Page, needId: string): Promise<RankedInstitution[]> {
  await page.goto(`/needs/${needId}/matches`);
  const list = page.getByRole('list', { name: 'Ranked institutions' });
  await list
    .or(page.getByText('No institution fits this need yet.', { exact: false }))
    .first()
    .waitFor();
  if (!(await list.isVisible())) return [];
  const cards = await list.locator(':scope > li').all();
  return Promise.all(
    cards.map(async (card) => {
      const heading = ((await card.getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
      return {
        name: heading.replace(/^#\d+\s+/, ''),
        score: ((await card.getByText(/^Score \d+$/).textContent()) ?? '').trim(),
        small: (await card.getByText('Small institution', { exact: true }).count()) > 0,
        reasons: (
          await card.getByRole('list', { name: /^Why / }).getByRole('listitem').allTextContents()
        ).map((r) => r.trim()),
      };
    }),
  );
}

/** On a need's ranked institutions, proposes a partnership to `institution` with `message`. */
export async function proposeFromMatches(
  page: Page,
  { needId, institution, message }: { needId: string; institution: string; message?: string },
): Promise<void> {
  if (!new URL(page.url()).pathname.endsWith(`/needs/${needId}/matches`))
    await page.goto(`/needs/${needId}/matches`);
  await proposeOnCard(rankedCard(page, institution), institution, message);
}

/** On a ranked card, opens the proposal form for `partner`, writes `message` and sends it. */
async function proposeOnCard(card: Locator, partner: string, message?: string): Promise<void> {
  await card.getByRole('button', { name: `Propose a partnership with ${partner}` }).click();
  const form = card.getByRole('form', { name: `Proposal to ${partner}` });
  if (message) await form.getByLabel('Message (optional)').fill(message);
  await form.getByRole('button', { name: 'Send proposal' }).click();
  await expectText(card.getByRole('status'), `Proposal sent to ${partner}. Waiting for an answer.`);
}

/** The text of the element that has focus, e.g. to check where an action left the keyboard. */
export async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

export interface CapabilityDraft {
  readonly skills: readonly SkillChoice[];
  /** Region codes. */
  readonly regions: readonly string[];
  readonly deliveryModes: readonly DeliveryModeLabel[];
  readonly annualCapacity: number;
}

/** Saves the signed-in institution's capability profile on /capabilities (skills are added to those already there). */
export async function saveCapabilityProfile(page: Page, profile: CapabilityDraft): Promise<void> {
  await page.goto('/capabilities');
  await page.getByRole('heading', { level: 1, name: 'Capability profile' }).waitFor();
  await page.getByRole('button', { name: 'Save profile' }).waitFor();
  for (const skill of profile.skills) await pickSkill(page, skill);
  const regions = page.getByRole('group', { name: 'Regions served' });
  for (const region of profile.regions) {
    await regions.getByLabel('Regions served').selectOption(region);
    await regions.getByRole('button', { name: 'Add region' }).click();
  }
  for (const mode of profile.deliveryModes)
    await tick(page.getByRole('group', { name: 'Delivery modes' }), mode);
  await page.getByLabel('Annual capacity (learners a year)').fill(String(profile.annualCapacity));
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expectText(page.getByRole('status').first(), 'Your capability profile is saved.');
}

/** On /capabilities, the institution proposes a partnership for a need ranked for it. */
export async function proposeFromRankedNeeds(
  page: Page,
  { needTitle, employer, message }: { needTitle: string; employer: string; message?: string },
): Promise<void> {
  if (!new URL(page.url()).pathname.endsWith('/capabilities')) await page.goto('/capabilities');
  await proposeOnCard(rankedCard(page, needTitle), employer, message);
}

/** The card of the partnership for `needTitle` on /partnerships (opened with the given filter). */
export async function partnershipCard(page: Page, needTitle: string, query = ''): Promise<Locator> {
  await page.goto(`/partnerships${query}`);
  await page.getByRole('heading', { level: 1, name: 'Partnerships and proposals' }).waitFor();
  const card = page
    .getByTestId('partnership')
    .filter({ has: page.getByRole('heading', { name: needTitle, exact: true }) });
  await card.first().waitFor();
  return card.first();
}

/** The side proposed to accepts (or declines) the proposal from `from` for `needTitle`, with a message. */
export async function respondToProposal(
  page: Page,
  {
    needTitle,
    from,
    accept,
    message,
  }: { needTitle: string; from: string; accept: boolean; message?: string },
): Promise<void> {
  const card = await partnershipCard(page, needTitle, '?direction=PROPOSED_TO_US');
  if (message) await card.getByLabel(`Your answer to ${from} (optional)`).fill(message);
  await card
    .getByRole('button', {
      name: `${accept ? 'Accept' : 'Decline'} the proposal from ${from} for ${needTitle}`,
    })
    .click();
  await expectText(card, accept ? 'Accepted' : 'Declined');
}

export const acceptProposal = (page: Page, proposal: { needTitle: string; from: string; message?: string }) =>
  respondToProposal(page, { ...proposal, accept: true });
export const declineProposal = (
  page: Page,
  proposal: { needTitle: string; from: string; message?: string },
) => respondToProposal(page, { ...proposal, accept: false });

/** The proposing side withdraws its unanswered proposal to `to` for `needTitle`. */
export async function withdrawProposal(
  page: Page,
  { needTitle, to }: { needTitle: string; to: string },
): Promise<void> {
  const card = await partnershipCard(page, needTitle, '?direction=PROPOSED_BY_US');
  await card.getByRole('button', { name: `Withdraw the proposal to ${to} for ${needTitle}` }).click();
  await expectText(card, 'Withdrawn');
}

export type DemandGroupingLabel = 'Region' | 'Sector' | 'Skill' | 'Skill group';

/** On /demand, groups and filters the map, then opens the cell `label` and returns the titles of the needs behind it. */
export async function drillIntoDemand(
  page: Page,
  { groupBy, region, label }: { groupBy: DemandGroupingLabel; region?: string; label: string },
): Promise<string[]> {
  await page.goto('/demand');
  await page.getByRole('heading', { level: 1, name: 'Demand map' }).waitFor();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Group by').selectOption({ label: groupBy });
  if (region) await filters.getByLabel('Region').selectOption(region);
  await page.getByRole('button', { name: `Show the needs behind ${label}`, exact: true }).click();
  const section = page.getByRole('region', { name: `Needs behind ${label}` });
  await section.getByRole('table').or(section.getByText('No open need here any more.')).first().waitFor();
  return (await section.getByRole('rowheader').allTextContents()).map((t) => t.trim());
}
