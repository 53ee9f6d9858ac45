// The skill picker when the bundled ESCO data has no skill for what was typed: it says so plainly
// (no empty list) and offers the nearest skill groups; opening one lists its skills, and one of
// them can be added in its place. In English and in French, axe clean.
import type { Page } from 'playwright-core';
import { createOrganization, ok, signUp, type Session } from '../support/client';
import { checkScreen, expectText, newContext, useBrowser } from './support/browser';

const browser = useBrowser();
/** A trade word ESCO has only as a skill group ("installing plumbing or piping equipment or systems"), no skill of that name. */
const PHRASE = 'plumbing';
const GROUP = 'installing plumbing or piping equipment or systems';

interface SkillNode {
  id: string;
  label: string;
  labelFr: string | null;
  kind: string;
  narrower: Array<{ label: string; labelFr: string | null; kind: string }>;
}
const search = (includeGroups: boolean) =>
  ok<{ skills: { edges: Array<{ node: SkillNode }> } }>(
    'query($s: String, $g: Boolean!) { skills(search: $s, first: 12, includeGroups: $g) { edges { node { id label labelFr kind narrower { label labelFr kind } } } } }',
    { s: PHRASE, g: includeGroups },
  ).then((data) => data.skills.edges.map((e) => e.node));

let college: Session;
let collegeFr: Session;
let group: SkillNode;

beforeAll(async () => {
  [college, collegeFr] = await Promise.all([
    signUp('web-skill-nearest'),
    signUp('web-skill-nearest-fr', 'fr'),
  ]);
  await createOrganization(college, {
    name: `Nearest Group College ${Date.now()}`,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  await createOrganization(collegeFr, {
    name: `Collège du groupe voisin ${Date.now()}`,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  // The premise, from the API: no skill for the phrase, and the group the picker should offer.
  expect(await search(false)).toEqual([]);
  const groups = await search(true);
  const found = groups.find((g) => g.label === GROUP);
  if (!found)
    throw new Error(
      `no group "${GROUP}" for "${PHRASE}": ${groups.map((g) => `${g.kind} ${g.label}`).join(' · ')}`,
    );
  group = found;
  expect(group.kind).toBe('SKILL_GROUP');
  expect(group.narrower.some((s) => s.kind !== 'SKILL_GROUP')).toBe(true);
});

async function capabilities(session: Session, locale: string): Promise<Page> {
  const page = await (await newContext(browser(), { token: session.token, locale })).newPage();
  await page.goto('/capabilities');
  return page;
}

describe('skill picker: no skill found', () => {
  it('says no skill matches, offers the nearest group, and adds a skill of that group', async () => {
    const page = await capabilities(college, 'en-CA');
    await page.getByRole('heading', { level: 1, name: 'Capability profile' }).waitFor();
    await page.getByRole('combobox', { name: 'Search skills' }).fill(PHRASE);
    const notice = page.getByRole('status').filter({ hasText: 'No skill in the ESCO data' });
    await expectText(notice, `No skill in the ESCO data Lattice uses matches “${PHRASE}”.`);
    // No empty list covers the notice.
    expect(await page.getByRole('listbox').count()).toBe(0);
    await checkScreen(page, 'skill-picker-nearest-group');
    const open = notice.getByRole('button', { name: `Skills in ${GROUP}` });
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    const skill = group.narrower.find((s) => s.kind !== 'SKILL_GROUP')!;
    await notice
      .getByRole('list', { name: `Skills in ${GROUP}` })
      .getByRole('button', { name: `Add ${skill.label}`, exact: true })
      .click();
    await page.getByRole('list', { name: 'Chosen skills' }).getByText(skill.label, { exact: true }).waitFor();
    // The search is cleared and the notice gone once a skill is chosen.
    expect(await page.getByRole('combobox', { name: 'Search skills' }).inputValue()).toBe('');
    expect(await notice.count()).toBe(0);
  });

  it('in French: the notice and the group in French, no English left', async () => {
    const page = await capabilities(collegeFr, 'fr-CA');
    await page.getByRole('combobox', { name: 'Chercher des compétences' }).fill(PHRASE);
    const notice = page.getByRole('status').filter({ hasText: 'Aucune compétence' });
    await expectText(
      notice,
      `Aucune compétence des données ESCO de Lattice ne correspond à «\u00a0${PHRASE}\u00a0».`,
    );
    const groupFr = group.labelFr ?? group.label;
    await notice.getByRole('button', { name: `Compétences du groupe ${groupFr}` }).click();
    const skill = group.narrower.find((s) => s.kind !== 'SKILL_GROUP')!;
    await notice
      .getByRole('button', { name: `Ajouter ${skill.labelFr ?? skill.label}`, exact: true })
      .waitFor();
    const text = await notice.innerText();
    expect(text).not.toMatch(/\b(No skill|nearest|Skills in|Add)\b/);
    await checkScreen(page, 'skill-picker-nearest-group-fr');
  });

  it('says when neither a skill nor a group matches', async () => {
    const page = await capabilities(college, 'en-CA');
    await page.getByRole('combobox', { name: 'Search skills' }).fill('qqxzv');
    await expectText(
      page.getByRole('status').filter({ hasText: 'No skill in the ESCO data' }),
      /No skill group matches either/,
    );
  });
});
