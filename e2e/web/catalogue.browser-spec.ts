// The public catalogue and pathways through the real stack. A signed-out visitor searches the
// catalogue in French, filters by region and hours, opens a credential's page and sees which
// pathway it counts toward and where it is recognized (axe-clean, usable at 390 px). A learner
// with two of a pathway's three awards sees 2/3 in My credentials, receives the third (3/3), and
// the pathway's owner issues the larger credential, whose public page verifies.
// Sponsored credentials are found by their umbrella, named in the sponsor facet.
import { createOrganization, ok, origin, signUp, type Session } from '../support/client';
import { publishCredential } from '../support/credentials';
import { openMailbox, withVerifiedEmail, type Mailbox } from '../support/mailbox';
import { appOrigin, checkScreen, expectText, newContext, useBrowser } from './support/browser';
import { openPublicPageAndVerify } from './steps/trust';

jest.setTimeout(180_000);
const browser = useBrowser();

const AWARD = 'mutation($i: AwardInput!) { awardCredential(input: $i) { id } }';
const STEP_FR = 'Soudage subaquatique à Kapuskasing';
const PATHWAY = 'Certificat de fabrication du Nord';

let mailbox: Mailbox;
let north: Session;
let lake: Session;
let learner: Session;
let northId: string;
let lakeId: string;
let steps: string[];
let diploma: string;
let pathwayId: string;

afterAll(async () => {
  await mailbox.close();
});

const award = (college: Session, issuerId: string, credentialId: string) =>
  ok(
    AWARD,
    {
      i: {
        credentialId,
        issuerId,
        recipient: { email: learner.email, name: 'Camille Apprenante' },
        result: { score: 92, attempt: 1 },
      },
    },
    college.token,
  );

beforeAll(async () => {
  mailbox = await openMailbox();
  let employer: Session;
  [north, lake, employer, learner] = await Promise.all([
    signUp('cat-ui-north'),
    signUp('cat-ui-lake'),
    signUp('cat-ui-employer'),
    signUp('cat-ui-learner'),
  ]);
  learner = await withVerifiedEmail(mailbox, learner);
  northId = await createOrganization(north, {
    name: 'Collège du Grand Nord',
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Sudbury',
  });
  lakeId = await createOrganization(lake, {
    name: 'Lakeshore Polytechnic',
    kind: 'INSTITUTION',
    size: 'LARGE',
    region: 'ON-Toronto',
  });
  const employerId = await createOrganization(employer, {
    name: 'Fabrication Boréale',
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    sector: '332',
  });
  // Two French steps of different lengths (only one in the 10–29 hour band), one English step.
  steps = [
    await publishCredential(north, northId, employer, employerId, {
      title: STEP_FR,
      content: { language: 'fr', hours: 24, description: 'Souder des joints sous l’eau en toute sécurité.' },
    }),
    await publishCredential(north, northId, employer, employerId, {
      title: 'Soudage subaquatique avancé à Kapuskasing',
      content: { language: 'fr', hours: 80, description: 'Souder des structures sous l’eau.' },
    }),
    await publishCredential(north, northId, employer, employerId, {
      title: 'Blueprint reading for fabricators',
    }),
  ];
  diploma = await publishCredential(north, northId, employer, employerId, {
    title: PATHWAY,
    content: { language: 'fr', hours: 200 },
  });
  pathwayId = (
    await ok(
      'mutation($o: ID!, $i: PathwayInput!) { definePathway(ownerId: $o, input: $i) { id } }',
      {
        o: northId,
        i: {
          title: PATHWAY,
          rule: 'ALL_OF',
          steps: steps.map((credentialId) => ({ credentialId })),
          targetCredentialId: diploma,
        },
      },
      north.token,
    )
  ).definePathway.id;
  await ok(
    'mutation($i: RecognitionInput!) { recognizeCredential(input: $i) { id } }',
    {
      i: {
        institutionId: lakeId,
        credentialId: steps[0],
        creditAmount: 3,
        creditUnit: 'crédits',
        conditions: 'Dans les cinq ans suivant l’obtention.',
      },
    },
    lake.token,
  );
});

it('a signed-out visitor searches in French, filters by region and hours, and sees where a credential counts', async () => {
  const context = await newContext(browser(), { locale: 'fr-CA' });
  const page = await context.newPage();
  await page.goto('/public/catalogue');
  await page.getByRole('heading', { level: 1, name: 'Catalogue des titres' }).waitFor();
  // Accents and endings forgiven: "soudage subaquatique kapuskasing" finds both French steps.
  await page.getByLabel('Mots recherchés').fill('soudage subaquatique kapuskasing');
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await expectText(page.getByTestId('catalogue-count'), '2 titres trouvés.');
  // Facets count what was found: the region of the issuer (Greater Sudbury, within Ontario) and the hours.
  await expectText(page.getByTestId('facet-REGION'), 'Grand Sudbury (2)');
  await expectText(page.getByTestId('facet-HOURS_BAND'), 'De 10 à 29 heures (1)');
  await page.getByRole('checkbox', { name: /^Grand Sudbury/ }).check();
  await expectText(page.getByTestId('catalogue-count'), '2 titres trouvés.');
  await page.getByRole('checkbox', { name: /^De 10 à 29 heures/ }).check();
  await expectText(page.getByTestId('catalogue-count'), '1 titre trouvé.');
  expect(await page.getByTestId('catalogue-result').count()).toBe(1);
  await checkScreen(page, 'catalogue-search-fr');

  await page.getByRole('link', { name: STEP_FR, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: STEP_FR }).waitFor();
  await expectText(page.getByTestId('credential-facts'), 'Collège du Grand Nord');
  await expectText(page.getByTestId('credential-facts'), '24 heures');
  await expectText(page.getByTestId('credential-pathways'), PATHWAY);
  await expectText(page.getByTestId('credential-pathways'), 'Les 3 étapes.');
  await expectText(page.getByTestId('credential-recognitions'), 'Lakeshore Polytechnic');
  await expectText(page.getByTestId('credential-recognitions'), '3 crédits');
  await expectText(page.getByTestId('credential-recognitions'), 'Dans les cinq ans suivant l’obtention.');
  await checkScreen(page, 'catalogue-credential-fr');

  // At 390 px wide: nothing wider than the screen, still axe-clean.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/public/catalogue');
  await page.getByLabel('Mots recherchés').fill('kapuskasing');
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await expectText(page.getByTestId('catalogue-count'), '2 titres trouvés.');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await checkScreen(page, 'catalogue-search-390');
  await context.close();
});

it('loads more results with the cursor, without repeating one', async () => {
  // 21 workshops: one page of 20, then one more.
  const [employer] = await Promise.all([signUp('cat-ui-more-employer')]);
  const employerId = await createOrganization(employer!, {
    name: 'Timmins Works',
    kind: 'EMPLOYER',
    size: 'SMALL',
    sector: '332',
  });
  for (let batch = 0; batch < 3; batch += 1) {
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        publishCredential(north, northId, employer!, employerId, {
          title: `Timmins workshop ${batch * 7 + i + 1}`,
        }),
      ),
    );
  }
  const context = await newContext(browser());
  const page = await context.newPage();
  await page.goto('/public/catalogue');
  await page.getByLabel('Search words').fill('timmins workshop');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expectText(page.getByTestId('catalogue-count'), '21 credentials found.');
  await page.getByTestId('catalogue-result').nth(19).waitFor();
  expect(await page.getByTestId('catalogue-result').count()).toBe(20);
  await page.getByRole('button', { name: 'Load more' }).click();
  await page.getByTestId('catalogue-result').nth(20).waitFor();
  const links = await page
    .getByTestId('catalogue-result')
    .locator('h2 a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links).toHaveLength(21);
  expect(new Set(links).size).toBe(21);
  await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
  await context.close();
});

it('a learner sees 2/3, then 3/3; the owner issues the larger credential, which verifies', async () => {
  await award(north, northId, steps[0]!);
  await award(north, northId, steps[2]!);
  const context = await newContext(browser(), { token: learner.token });
  const page = await context.newPage();
  await page.goto('/my-credentials');
  const progress = page.getByTestId('pathway-progress').filter({ hasText: PATHWAY });
  await expectText(progress.getByTestId('pathway-earned'), '2/3 earned');
  await expectText(progress, 'Not earned yet');
  await checkScreen(page, 'my-credentials-pathway');

  await award(north, northId, steps[1]!);
  await page.reload();
  await expectText(progress.getByTestId('pathway-earned'), '3/3 earned');
  await expectText(progress, 'Complete: the institution can award you the larger credential.');

  const larger = (
    await ok(
      'mutation($i: PathwayAwardInput!) { awardPathwayCredential(input: $i) { id publicUrl } }',
      {
        i: {
          pathwayId,
          issuerId: northId,
          recipient: { email: learner.email, name: 'Camille Apprenante' },
          result: { score: 90, attempt: 1 },
        },
      },
      north.token,
    )
  ).awardPathwayCredential as { id: string; publicUrl: string };
  const checks = await openPublicPageAndVerify(page, larger.publicUrl, PATHWAY);
  expect(checks.map((c) => c.passed)).toEqual([true, true, true, true, true]);
  await context.close();
});

it('an employer sees, on its skill need, the published credentials that already teach its skills', async () => {
  const [employer] = await Promise.all([signUp('cat-ui-need-employer')]);
  const employerId = await createOrganization(employer!, {
    name: 'Hull Welding Works',
    kind: 'EMPLOYER',
    size: 'SMALL',
    sector: '336',
  });
  const skill = (
    await ok('{ skills(search: "work in teams", first: 20) { edges { node { id label } } } }')
  ).skills.edges.find((e: { node: { label: string } }) => e.node.label === 'work in teams').node.id as string;
  const title = 'Crew leadership on the shop floor';
  await publishCredential(north, northId, employer!, employerId, { title, skillIds: [skill] });
  const needId = (
    await ok(
      'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
      {
        i: {
          organizationId: employerId,
          title: 'Shift leads',
          description: 'Leads who run safe crews.',
          skills: [{ skillId: skill, level: 3 }],
          region: 'ON-Sudbury',
          deliveryModes: ['HYBRID'],
          learnerCount: 12,
          careerStage: 'MID_CAREER',
          neededBy: '2099-09-01',
        },
      },
      employer!.token,
    )
  ).postSkillNeed.id as string;
  const context = await newContext(browser(), { token: employer!.token });
  const page = await context.newPage();
  await page.goto(`/needs/${needId}`);
  const teaching = page.getByTestId('teaching-credentials');
  await teaching.getByRole('heading', { name: 'Credentials that already teach this' }).waitFor();
  await teaching.getByRole('link', { name: title, exact: true }).waitFor();
  await checkScreen(page, 'need-teaching-credentials');
  await teaching.getByRole('link', { name: /in the catalogue$/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Credential catalogue' }).waitFor();
  await expectText(page.getByTestId('facet-SKILLS'), 'Teaching the chosen skill');
  await page.getByRole('link', { name: title, exact: true }).waitFor();
  const titles = await page.getByTestId('catalogue-result').locator('h2').allTextContents();
  expect(titles).toContain(title);
  expect(titles).not.toContain(STEP_FR);
  await context.close();
});

it('serves each credential’s page with meaning before any script runs: JSON-LD, Open Graph, canonical URL, and the sitemap lists it', async () => {
  const context = await browser().newContext({
    baseURL: appOrigin(),
    javaScriptEnabled: false,
    locale: 'fr-CA',
  });
  const page = await context.newPage();
  await page.goto(`/public/catalogue/${steps[0]}`);
  await page.getByRole('heading', { level: 1, name: STEP_FR }).waitFor();
  await expectText(page.getByRole('main'), 'Parcours auxquels il compte');
  await expectText(page.getByRole('main'), PATHWAY);
  await expectText(page.getByRole('main'), 'Lakeshore Polytechnic — 3 crédits');
  expect(await page.title()).toBe(`${STEP_FR} · Lattice`);
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
    `${origin()}/public/catalogue/${steps[0]}`,
  );
  expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(STEP_FR);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
    '@graph': Array<Record<string, unknown>>;
  };
  expect(ld['@graph'].map((node) => node['@type'])).toEqual(['Course', 'EducationalOccupationalCredential']);
  expect(ld['@graph'][0]).toMatchObject({
    name: STEP_FR,
    timeRequired: 'PT24H',
    provider: { name: 'Collège du Grand Nord' },
  });
  await context.close();
  // axe needs scripts: the same server-rendered HTML, without the app's own script, in a page that runs them.
  const html = await (
    await fetch(`${origin()}/public/catalogue/${steps[0]}`, {
      headers: { accept: 'text/html', 'accept-language': 'fr-CA' },
    })
  ).text();
  const checked = await (await newContext(browser())).newPage();
  await checked.setContent(html.replace(/<script type="module"[^>]*><\/script>/g, ''));
  await checkScreen(checked, 'catalogue-credential-no-js');

  const sitemap = await fetch(`${origin()}/sitemap.xml`);
  expect(sitemap.headers.get('content-type')).toMatch(/^application\/xml/);
  expect(await sitemap.text()).toContain(`<loc>${origin()}/public/catalogue/${steps[0]}</loc>`);
});

it('a visitor filters by the umbrella that sponsors a credential, named as it was when it sponsored', async () => {
  const umbrella = await signUp('cat-ui-umbrella');
  const umbrellaId = await createOrganization(umbrella, {
    name: 'Réseau des collèges du Nord',
    kind: 'UMBRELLA',
    size: 'SMALL',
  });
  await ok(
    'mutation($c: ID!, $u: ID!) { sponsorCredential(credentialId: $c, umbrellaId: $u) { id } }',
    { c: steps[1], u: umbrellaId },
    umbrella.token,
  );
  const context = await newContext(browser());
  const page = await context.newPage();
  await page.goto('/public/catalogue');
  await page.getByLabel('Search words').fill('kapuskasing');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expectText(page.getByTestId('catalogue-count'), '2 credentials found.');
  await expectText(page.getByTestId('facet-SPONSOR'), 'Sponsored by an umbrella');
  await expectText(page.getByTestId('facet-SPONSOR'), 'Réseau des collèges du Nord (1)');
  await page.getByRole('checkbox', { name: /^Réseau des collèges du Nord/ }).check();
  await expectText(page.getByTestId('catalogue-count'), '1 credential found.');
  const titles = await page.getByTestId('catalogue-result').locator('h2 a').allTextContents();
  expect(titles).toEqual(['Soudage subaquatique avancé à Kapuskasing']);
  // Unticked: both again.
  await page.getByRole('checkbox', { name: /^Réseau des collèges du Nord/ }).uncheck();
  await expectText(page.getByTestId('catalogue-count'), '2 credentials found.');
  await context.close();
});
