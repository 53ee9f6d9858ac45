// The marketplace in the browser, through the real stack: an institution publishes its
// capabilities with the skill picker; an employer posts a need, sees institutions ranked with
// every reason (the small one marked) and proposes; the institution accepts. Also: proposing from
// the institution side and withdrawing, a stale edit's conflict notice, and the need form's
// validation before sending and the server's error on the right field.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createOrganization, eventually, ok, signUp, type Session } from '../support/client';
import {
  checkScreen,
  expectDescription,
  expectText,
  newContext,
  screenshot,
  useBrowser,
} from './support/browser';
import {
  acceptProposal,
  fillNeedForm,
  focusedText,
  partnershipCard,
  pickSkill,
  postNeed,
  proposeFromMatches,
  proposeFromRankedNeeds,
  rankedCard,
  rankedInstitutions,
  saveCapabilityProfile,
  withdrawProposal,
  type NeedDraft,
} from './steps/marketplace';

const browser = useBrowser();
const suffix = randomUUID().slice(0, 6);
const EMPLOYER = `Nickel Works ${suffix}`;
const COLLEGE = `Boreal Small College ${suffix}`;
const BIG_COLLEGE = `Metro Large University ${suffix}`;

let employer: Session;
let college: Session;
let employerOrg: string;
let collegeOrg: string;

async function skillId(search: string, label: string): Promise<string> {
  const data = await ok<{ skills: { edges: Array<{ node: { id: string; label: string } }> } }>(
    'query($s: String) { skills(search: $s, first: 20) { edges { node { id label } } } }',
    { s: search },
  );
  const found = data.skills.edges.find((e) => e.node.label === label);
  if (!found) throw new Error(`no skill "${label}"`);
  return found.node.id;
}

async function pageAs(session: Session): Promise<Page> {
  return (await newContext(browser(), { token: session.token })).newPage();
}

const need = (title: string): NeedDraft => ({
  title,
  description: 'Shift leads who run safe, collaborative crews underground.',
  skills: [
    { search: 'work in teams', label: 'work in teams', level: 3 },
    { search: 'solve problems', label: 'solve problems', level: 2 },
  ],
  region: 'ON-Sudbury',
  deliveryModes: ['Hybrid', 'In person'],
  learnerCount: 25,
  careerStage: 'Mid-career',
  neededBy: '2099-09-01',
});

beforeAll(async () => {
  const big = await signUp('web-mkt-big');
  [employer, college] = await Promise.all([signUp('web-mkt-employer'), signUp('web-mkt-college')]);
  employerOrg = await createOrganization(employer, {
    name: EMPLOYER,
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    region: 'ON-Sudbury',
    sector: '212',
  });
  collegeOrg = await createOrganization(college, {
    name: COLLEGE,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  const bigOrg = await createOrganization(big, {
    name: BIG_COLLEGE,
    kind: 'INSTITUTION',
    size: 'LARGE',
    region: 'ON-Toronto',
  });
  // The large institution teaches one of the skills, online, in Toronto: it ranks below the small one.
  await ok(
    'mutation($i: CapabilityProfileInput!) { upsertCapabilityProfile(input: $i) { version } }',
    {
      i: {
        organizationId: bigOrg,
        skills: [{ skillId: await skillId('work in teams', 'work in teams'), level: 2 }],
        regions: ['ON-Toronto'],
        deliveryModes: ['ONLINE'],
        annualCapacity: 500,
      },
    },
    big.token,
  );
});

describe('marketplace', () => {
  let needId: string;
  const title = `Crew leads for the new mill ${suffix}`;

  it('an institution saves its capability profile with the skill picker', async () => {
    const page = await pageAs(college);
    await page.goto('/capabilities');
    // The picker shows each option's framework and group, and the other name a search matched.
    await page.getByRole('combobox', { name: 'Search skills' }).fill('work in teams');
    await expectText(
      page.getByRole('option', { name: 'work in teams', exact: true }),
      /^work in teamsESCO · in \S/,
    );
    await page.getByRole('combobox', { name: 'Search skills' }).fill('');
    await saveCapabilityProfile(page, {
      skills: [
        { search: 'work in teams', label: 'work in teams', level: 4 },
        { search: 'solve problems', label: 'solve problems', level: 3 },
      ],
      regions: ['ON-Northeast'],
      deliveryModes: ['Hybrid', 'In person'],
      annualCapacity: 40,
    });
    await checkScreen(page, 'capabilities');
    const saved = await ok<{
      capabilityProfile: {
        regions: string[];
        annualCapacity: number;
        deliveryModes: string[];
        skills: Array<{ level: number; skill: { label: string } }>;
      };
    }>(
      'query($o: ID!) { capabilityProfile(organizationId: $o) { regions annualCapacity deliveryModes skills { level skill { label } } } }',
      { o: collegeOrg },
      college.token,
    );
    expect(saved.capabilityProfile).toEqual({
      regions: ['ON-Northeast'],
      annualCapacity: 40,
      deliveryModes: expect.arrayContaining(['HYBRID', 'IN_PERSON']),
      skills: expect.arrayContaining([
        { level: 4, skill: { label: 'work in teams' } },
        { level: 3, skill: { label: 'solve problems' } },
      ]),
    });
    await page.reload();
    await page
      .getByRole('list', { name: 'Chosen skills' })
      .getByText('solve problems', { exact: true })
      .waitFor();
    expect(await page.getByLabel('Level for work in teams').inputValue()).toBe('4');
  });

  it('an employer posts a need with the skill picker, sees institutions ranked with their reasons, and proposes', async () => {
    const page = await pageAs(employer);
    await page.goto('/needs/new');
    await fillNeedForm(page, need(title));
    await checkScreen(page, 'need-form');
    await page.getByRole('button', { name: 'Post skill need' }).click();
    await page.waitForURL(/\/matches$/);
    needId = /\/needs\/([0-9a-f-]{36})\/matches$/.exec(page.url())![1]!;

    const ranked = await rankedInstitutions(page, needId);
    const names = ranked.map((r) => r.name);
    expect(names).toContain(COLLEGE);
    expect(names.indexOf(COLLEGE)).toBeLessThan(
      names.indexOf(BIG_COLLEGE) === -1 ? Infinity : names.indexOf(BIG_COLLEGE),
    );
    const small = ranked.find((r) => r.name === COLLEGE)!;
    expect(small.small).toBe(true);
    expect(small.score).toMatch(/^Score \d+$/);
    expect(small.reasons.some((r) => r.startsWith('Skills taught') && r.includes('work in teams'))).toBe(
      true,
    );
    expect(small.reasons.some((r) => r.startsWith('Small institution'))).toBe(true);
    expect(ranked.find((r) => r.name === BIG_COLLEGE)?.small ?? false).toBe(false);
    await checkScreen(page, 'matches');

    await proposeFromMatches(page, {
      needId,
      institution: COLLEGE,
      message: 'Could we build this together for September?',
    });
    // The keyboard lands on what replaced the form.
    expect(
      await eventually(
        () => focusedText(page),
        (text) => text.startsWith('Proposal sent'),
      ),
    ).toBe(`Proposal sent to ${COLLEGE}. Waiting for an answer.`);
    await page.goto('/needs');
    await expectText(page.getByRole('list', { name: 'Your skill needs' }), title);
    await checkScreen(page, 'needs');
  });

  it('the institution sees the proposal and accepts it', async () => {
    const page = await pageAs(college);
    const card = await partnershipCard(page, title, '?direction=PROPOSED_TO_US');
    await expectText(card, `Proposed to you by ${EMPLOYER}`);
    await expectText(card, 'Could we build this together for September?');
    await checkScreen(page, 'partnerships');
    await acceptProposal(page, {
      needTitle: title,
      from: EMPLOYER,
      message: 'Gladly. Our program team will reach out.',
    });
    expect(
      await eventually(
        () => focusedText(page),
        (text) => text.endsWith('Accepted'),
      ),
    ).toBe(`${title}Accepted`);
    const data = await ok<{
      partnerships: {
        edges: Array<{ node: { state: string; responseMessage: string; need: { id: string } } }>;
      };
    }>(
      'query($o: ID!) { partnerships(organizationId: $o, filter: { direction: PROPOSED_BY_US }) { edges { node { state responseMessage need { id } } } } }',
      { o: employerOrg },
      employer.token,
    );
    expect(data.partnerships.edges.map((e) => e.node)).toContainEqual({
      state: 'ACCEPTED',
      responseMessage: 'Gladly. Our program team will reach out.',
      need: { id: needId },
    });
  });

  it('the institution sees needs ranked for it, proposes for one, and can withdraw', async () => {
    const other = `Safety coaches ${suffix}`;
    const page = await pageAs(employer);
    await postNeed(page, {
      ...need(other),
      skills: [{ search: 'solve problems', label: 'solve problems', level: 2 }],
    });

    const collegePage = await pageAs(college);
    await collegePage.goto('/capabilities');
    await collegePage.getByRole('list', { name: 'Needs ranked for you' }).waitFor();
    await proposeFromRankedNeeds(collegePage, {
      needTitle: other,
      employer: EMPLOYER,
      message: 'We teach this every term.',
    });
    await checkScreen(collegePage, 'capabilities-ranked-needs');

    const employerCard = await partnershipCard(page, other, '?direction=PROPOSED_TO_US');
    await expectText(employerCard, `Proposed to you by ${COLLEGE}`);
    await withdrawProposal(collegePage, { needTitle: other, to: EMPLOYER });
  });

  it('the institution’s ranked card says who proposed, and accepts or declines right there', async () => {
    const [toAccept, toDecline] = [`Hoist operators ${suffix}`, `Shaft inspectors ${suffix}`];
    const skill = await skillId('solve problems', 'solve problems');
    for (const title of [toAccept, toDecline]) {
      const posted = await ok(
        'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
        {
          i: {
            organizationId: employerOrg,
            title,
            skills: [{ skillId: skill, level: 2 }],
            region: 'ON-Sudbury',
            deliveryModes: ['HYBRID'],
            learnerCount: 8,
            careerStage: 'ENTRY',
            neededBy: '2099-01-01',
          },
        },
        employer.token,
      );
      // The employer proposes (from its matches); the college has not answered.
      await ok(
        'mutation($i: ProposePartnershipInput!) { proposePartnership(input: $i) { id } }',
        {
          i: { needId: posted.postSkillNeed.id, institutionId: collegeOrg, message: `Please build ${title}` },
        },
        employer.token,
      );
    }
    const page = await pageAs(college);
    await page.goto('/capabilities');
    await page.getByRole('list', { name: 'Needs ranked for you' }).waitFor();
    const accepting = rankedCard(page, toAccept);
    // Not "Proposal sent": the employer proposed, so the card says so and offers the answer.
    await expectText(
      accepting.getByRole('status'),
      `${EMPLOYER} proposed a partnership on this need. Accept or decline it here.`,
    );
    await expectText(accepting, `Please build ${toAccept}`);
    await expect(accepting.getByText('Proposal sent', { exact: false }).count()).resolves.toBe(0);
    await checkScreen(page, 'capabilities-proposed-to-us');
    await accepting.getByLabel(`Your answer to ${EMPLOYER} (optional)`).fill('Yes, from January.');
    await accepting
      .getByRole('button', { name: `Accept the proposal from ${EMPLOYER} for ${toAccept}` })
      .click();
    await expectText(accepting.getByRole('status'), `Partnership with ${EMPLOYER} accepted.`);
    await expect(accepting.getByRole('button', { name: /^Accept/ }).count()).resolves.toBe(0);

    const declining = rankedCard(page, toDecline);
    await declining
      .getByRole('button', { name: `Decline the proposal from ${EMPLOYER} for ${toDecline}` })
      .click();
    // A declined proposal is no longer open: the card offers to propose again.
    await declining.getByRole('button', { name: `Propose a partnership with ${EMPLOYER}` }).waitFor();
    const states = await ok<{
      partnerships: {
        edges: Array<{ node: { state: string; responseMessage: string | null; need: { title: string } } }>;
      };
    }>(
      'query($o: ID!) { partnerships(organizationId: $o, filter: { direction: PROPOSED_BY_US }) { edges { node { state responseMessage need { title } } } } }',
      { o: employerOrg },
      employer.token,
    );
    const byTitle = Object.fromEntries(states.partnerships.edges.map((e) => [e.node.need.title, e.node]));
    expect(byTitle[toAccept]).toEqual({
      state: 'ACCEPTED',
      responseMessage: 'Yes, from January.',
      need: { title: toAccept },
    });
    expect(byTitle[toDecline]!.state).toBe('DECLINED');
  });
});

describe('need form', () => {
  it('shows what is missing before sending anything, and the server’s error on its field', async () => {
    const page = await pageAs(employer);
    const count = async () =>
      (
        await ok<{ skillNeeds: { totalCount: number } }>(
          'query($o: ID!) { skillNeeds(filter: { organizationId: $o }) { totalCount } }',
          { o: employerOrg },
          employer.token,
        )
      ).skillNeeds.totalCount;
    const before = await count();
    await page.goto('/needs/new');
    await page.getByRole('button', { name: 'Post skill need' }).click();
    await expectDescription(page.getByLabel('Title', { exact: true }), 'Use 3 to 200 characters.');
    await expectDescription(
      page.getByRole('combobox', { name: 'Search skills' }),
      'Choose at least one skill.',
    );
    await expectDescription(
      page.getByLabel('Number of learners'),
      'Enter a whole number of learners, 1 or more.',
    );
    await expectText(
      page.getByRole('group', { name: 'Delivery modes' }),
      'Choose at least one delivery mode.',
    );
    await checkScreen(page, 'need-form-errors');

    // The form checks the format; the upper bound is the server's, and its error lands on the field.
    await fillNeedForm(page, { ...need(`Too many learners ${suffix}`), learnerCount: 200_000 });
    await page.getByRole('button', { name: 'Post skill need' }).click();
    await expectDescription(page.getByLabel('Number of learners'), 'Some of this is not valid.');
    expect(await page.getByLabel('Number of learners').getAttribute('aria-invalid')).toBe('true');
    expect(await count()).toBe(before);
  });

  it('refuses a “needed by” date in the past before sending, on its field', async () => {
    const page = await pageAs(employer);
    const count = async () =>
      (
        await ok<{ skillNeeds: { totalCount: number } }>(
          'query($o: ID!) { skillNeeds(filter: { organizationId: $o }) { totalCount } }',
          { o: employerOrg },
          employer.token,
        )
      ).skillNeeds.totalCount;
    const before = await count();
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await page.goto('/needs/new');
    await fillNeedForm(page, { ...need(`Yesterday's crew ${suffix}`), neededBy: yesterday });
    await page.getByRole('button', { name: 'Post skill need' }).click();
    await expectDescription(
      page.getByLabel('Needed by', { exact: true }),
      'Choose today or a later date: a need cannot be needed by a date that has passed.',
    );
    expect(await page.getByLabel('Needed by', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'need-form-past-date');
    expect(await count()).toBe(before);
    // A later date goes through.
    await page.getByLabel('Needed by', { exact: true }).fill('2099-03-01');
    await page.getByRole('button', { name: 'Post skill need' }).click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}\/matches$/);
    expect(await count()).toBe(before + 1);
  });

  it('a stale edit shows what changed and reloads the latest version; a need can be closed', async () => {
    const title = `Maintenance planners ${suffix}`;
    const page = await pageAs(employer);
    const { needId } = await postNeed(page, {
      ...need(title),
      skills: [{ search: 'work in teams', label: 'work in teams' }],
    });
    await page.goto(`/needs/${needId}`);
    await page.getByRole('heading', { level: 1, name: 'Edit skill need' }).waitFor();
    await expectText(page.getByRole('list', { name: 'Chosen skills' }), 'work in teams');

    // Someone else saves first.
    await ok(
      'mutation($id: ID!, $i: UpdateSkillNeedInput!) { updateSkillNeed(id: $id, input: $i) { version } }',
      { id: needId, i: { title: `${title} (night shift)`, learnerCount: 12 } },
      employer.token,
    );

    await page.getByLabel('Number of learners').fill('30');
    await pickSkill(page, { search: 'solve problems', label: 'solve problems', level: 3 });
    await page.getByRole('button', { name: 'Save changes' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Someone saved a change' });
    await expectText(notice, `${title} (night shift)`);
    await expectText(notice, 'Number of learners');
    await checkScreen(page, 'need-conflict');
    await notice.getByRole('button', { name: 'Reload the latest version' }).click();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(`${title} (night shift)`);
    expect(await page.getByLabel('Number of learners').inputValue()).toBe('12');

    await page.getByLabel('Number of learners').fill('14');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectText(page.getByRole('status'), 'Your changes are saved.');
    const saved = await ok<{ skillNeed: { learnerCount: number; version: number } }>(
      'query($id: ID!) { skillNeed(id: $id) { learnerCount version } }',
      { id: needId },
      employer.token,
    );
    expect(saved.skillNeed).toEqual({ learnerCount: 14, version: 3 });

    await page.getByRole('button', { name: 'Close need' }).click();
    await expectText(page.getByRole('main'), 'This need is closed');
    const closed = await ok<{ skillNeed: { status: string } }>(
      'query($id: ID!) { skillNeed(id: $id) { status } }',
      { id: needId },
      employer.token,
    );
    expect(closed.skillNeed.status).toBe('CLOSED');
  });
});

describe('in French', () => {
  it('the need form, its skill picker and its errors speak French', async () => {
    const page = await (await newContext(browser(), { token: employer.token, locale: 'fr-CA' })).newPage();
    await page.goto('/needs/new');
    await page.getByRole('heading', { level: 1, name: 'Publier un besoin en compétences' }).waitFor();
    await page.getByRole('combobox', { name: 'Chercher des compétences' }).fill('travailler en équipe');
    // French labels, and the framework and group in French.
    await expectText(page.getByRole('option').first(), / · dans \S/);
    // A screenshot only: while the list is open react-aria hides the rest of the page from
    // assistive technology (aria-hidden), which axe reports for focusable content.
    await screenshot(page, 'skill-picker-fr');
    // By keyboard: down to the first option, Enter chooses it; Escape closes the list.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page
      .getByRole('list', { name: 'Compétences choisies' })
      .getByText('travailler en équipe', { exact: true })
      .waitFor();
    await page.getByRole('combobox', { name: 'Chercher des compétences' }).fill('résoudre des problèmes');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Publier le besoin' }).click();
    await expectDescription(page.getByLabel('Titre', { exact: true }), 'Utilisez de 3 à 200 caractères.');
    await checkScreen(page, 'need-form-fr');
  });
});
