// The public credential page and the verify page, signed out: a learner's credential shows what
// it says and its badge, verifies check by check, links to LinkedIn, downloads and prints, and is
// served with its Open Graph tags; the verify page takes the downloaded file or a link, refuses
// what is not a credential of this site, and a revoked award fails its status check.
import { readFileSync } from 'node:fs';
import { createOrganization, ok, origin, signUp, type Session, type Untyped } from '../support/client';
import { publishCredential } from '../support/credentials';
import {
  checkScreen,
  expectDescription,
  expectText,
  newContext,
  screenshot,
  useBrowser,
} from './support/browser';
import {
  expectPublicStatus,
  openPublicPageAndVerify,
  verificationChecks,
  verifyFile,
  verifyLink,
} from './steps/trust';

jest.setTimeout(120_000);

const unescapeHtml = (value: string) =>
  value.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!,
  );
const browser = useBrowser();

const AWARD = 'mutation($i: AwardInput!) { awardCredential(input: $i) { id publicUrl } }';
const TITLE = 'Safe <CNC> setup & "care"';

let award: { id: string; publicUrl: string };
let college: Session;
let collegeId: string;
let credentialId: string;

beforeAll(async () => {
  let employer: Session;
  [college, employer] = await Promise.all([signUp('public-college'), signUp('public-employer')]);
  collegeId = await createOrganization(college, {
    name: 'Boreal & "Lakes" College',
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  const employerId = await createOrganization(employer, {
    name: 'Maple Machining',
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    sector: '332',
  });
  credentialId = await publishCredential(college, collegeId, employer, employerId, { title: TITLE });
  await ok(
    'mutation($c: ID!, $o: ID!, $i: EndorsementInput!) { endorseCredential(credentialId: $c, organizationId: $o, input: $i) { id } }',
    {
      c: credentialId,
      o: employerId,
      i: { inDemand: true, assessmentReflectsJobPerformance: true, comment: 'We hire for this.' },
    },
    employer.token,
  );
  award = (
    await ok(
      AWARD,
      {
        i: {
          credentialId,
          issuerId: collegeId,
          recipient: { email: 'pat.public@example.org', name: 'Pat Public' },
          result: { score: 91, attempt: 1 },
          evidence: [
            {
              url: 'https://portfolio.example.org/pat/setup',
              narrative: 'Set up a 3-axis job in 25 minutes.',
            },
          ],
        },
      },
      college.token,
    )
  ).awardCredential;
});

it('shows the credential in words with its badge, verifies every check, links to LinkedIn, downloads, prints, and is served with its Open Graph tags', async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const checks = await openPublicPageAndVerify(page, award.publicUrl, TITLE);
  expect(checks.map((c) => c.passed)).toEqual([true, true, true, true, true]);
  expect(checks.map((c) => c.text)).toEqual([
    'Passed: it follows the Open Badges 3.0 format',
    'Passed: it is within its validity dates',
    'Passed: it was signed with a key the issuer publishes',
    'Passed: its signature matches its content (nothing was changed)',
    'Passed: its issuer has not revoked it',
  ]);
  await expectPublicStatus(page, 'Valid: every check passed.');
  await expectText(page.getByTestId('credential-issuer'), 'Boreal & "Lakes" College');
  await expectText(page.getByRole('main'), 'Set up a 3-axis job in 25 minutes.');
  await expectText(page.getByRole('main'), '91 % (mastery threshold 80 %)');
  await expectText(page.getByTestId('credential-endorsements'), 'Maple Machining');
  expect(await page.getByRole('link', { name: 'See the evidence' }).getAttribute('href')).toBe(
    'https://portfolio.example.org/pat/setup',
  );
  const linkedIn = new URL(
    (await page.getByRole('link', { name: /Add to LinkedIn profile/ }).getAttribute('href'))!,
  );
  expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add');
  expect(linkedIn.searchParams.get('name')).toBe(TITLE);
  expect(linkedIn.searchParams.get('organizationName')).toBe('Boreal & "Lakes" College');
  expect(linkedIn.searchParams.get('certUrl')).toBe(`${origin()}/credentials/${award.id}`);
  await checkScreen(page, 'public-credential');

  // The badge: drawn for the credential, named in the signed file's achievement, shown on the page.
  const json = (await (
    await fetch(`${origin()}/credentials/${award.id}`, { headers: { accept: 'application/ld+json' } })
  ).json()) as Untyped;
  const image = json.credentialSubject.achievement.image as { id: string; type: string; caption: string };
  expect(image).toEqual({
    id: expect.stringMatching(new RegExp(`/achievements/${credentialId}/badge\\.svg$`)),
    type: 'Image',
    caption: TITLE,
  });
  const badge = page.getByTestId('badge-image');
  expect(await badge.getAttribute('src')).toBe(`/achievements/${credentialId}/badge.svg`);
  expect(await badge.getAttribute('alt')).toBe(`Badge of “${TITLE}”`);
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="badge-image"]') as HTMLImageElement | null)?.complete,
  );
  expect(await badge.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
  const svg = await fetch(`${origin()}/achievements/${credentialId}/badge.svg`);
  expect(svg.status).toBe(200);
  expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  expect(await svg.text()).toContain('<title>Safe &lt;CNC&gt; setup &amp; &quot;care&quot;</title>');

  // The HTML the page is served as carries its Open Graph tags, for link previews without scripts.
  const html = await (
    await fetch(`${origin()}/public/credentials/${award.id}`, { headers: { accept: 'text/html' } })
  ).text();
  const meta = (property: string) =>
    unescapeHtml(new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(html)?.[1] ?? '');
  expect(meta('og:title')).toBe(TITLE);
  expect(meta('og:image')).toBe(image.id);
  expect(meta('og:description')).toBe(
    `Awarded by Boreal & "Lakes" College. ${json.credentialSubject.achievement.description}`,
  );
  expect(meta('og:url')).toMatch(new RegExp(`/public/credentials/${award.id}$`));

  // A printable view: Print opens the browser's printing; printed, the page keeps the credential and drops the app around it.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.app-header').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Print', exact: true }).isVisible()).toBe(false);
  expect(await page.getByRole('heading', { level: 1, name: TITLE }).isVisible()).toBe(true);
  expect(await badge.isVisible()).toBe(true);
  expect(await page.getByTestId('credential-issuer').isVisible()).toBe(true);
  await screenshot(page, 'public-credential-print');
  await page.emulateMedia({ media: 'screen' });
  expect(await page.locator('.app-header').isVisible()).toBe(true);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the signed credential' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`credential-${award.id}.jsonld`);
  const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
  const served = (await (
    await fetch(`${origin()}/credentials/${award.id}`, { headers: { accept: 'application/ld+json' } })
  ).json()) as Record<string, unknown>;
  expect(saved).toEqual(served);

  // The downloaded file verifies on the verify page; so does the link, on this origin.
  const fromFile = await verifyFile(page, download.suggestedFilename(), JSON.stringify(saved));
  expect(fromFile.every((c) => c.passed)).toBe(true);
  await expectText(page.getByRole('main'), `Result for ${TITLE}`);
  await checkScreen(page, 'public-verify');
  const fromLink = await verifyLink(page, award.publicUrl);
  expect(fromLink.every((c) => c.passed)).toBe(true);
  const fromAppLink = await verifyLink(page, `${origin()}/public/credentials/${award.id}`);
  expect(fromAppLink).toHaveLength(5);

  // The API's own HTML page (what a browser gets at the award's publicUrl) links to this page.
  await page.goto(award.publicUrl.replace(/^https?:\/\/[^/]+/, ''));
  await page.getByRole('link', { name: 'Verify it and see its checks in Lattice' }).click();
  await page.waitForURL(new RegExp(`/public/credentials/${award.id}$`));
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await context.close();
});

it('says in words what is wrong with a tampered file, a file that is not a credential, and a link elsewhere', async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const served = (await (
    await fetch(`${origin()}/credentials/${award.id}`, { headers: { accept: 'application/ld+json' } })
  ).json()) as Record<string, Untyped>;
  const tampered = structuredClone(served);
  tampered.credentialSubject.result[0].value = '100';
  const checks = await verifyFile(page, 'tampered.json', JSON.stringify(tampered));
  expect(checks.filter((c) => !c.passed).map((c) => c.text)).toEqual([
    expect.stringMatching(/^Failed: its signature matches its content/),
  ]);
  await page.getByRole('heading', { name: 'This credential did not verify.' }).waitFor();

  await page
    .getByLabel('Credential file (JSON)')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json') });
  await expectDescription(page.getByLabel('Credential file (JSON)'), 'notes.txt is not a JSON file.');
  await page.getByLabel('Credential file (JSON)').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello":"world"}'),
  });
  await expectDescription(
    page.getByLabel('Credential file (JSON)'),
    'other.json does not hold a verifiable credential.',
  );

  await page.getByLabel('Link to the credential').fill('https://elsewhere.example.org/credentials/123');
  await page.getByRole('button', { name: 'Verify the link' }).click();
  await expectDescription(
    page.getByLabel('Link to the credential'),
    /Only links to credentials on this site/,
  );
  await page
    .getByLabel('Link to the credential')
    .fill(`${origin()}/credentials/00000000-0000-4000-8000-000000000000`);
  await page.getByRole('button', { name: 'Verify the link' }).click();
  await expectDescription(
    page.getByLabel('Link to the credential'),
    'There is no credential at this address. Check the link you were given.',
  );

  await page.goto('/public/credentials/00000000-0000-4000-8000-000000000000');
  await page.getByRole('heading', { level: 1, name: 'Credential not found' }).waitFor();
  await context.close();
});

it('words every check in French from its code: where the format breaks, with the verifier’s English only folded away as a technical detail', async () => {
  const context = await newContext(browser(), { locale: 'fr-CA' });
  const page = await context.newPage();
  const served = (await (
    await fetch(`${origin()}/credentials/${award.id}`, { headers: { accept: 'application/ld+json' } })
  ).json()) as Record<string, Untyped>;
  const broken = structuredClone(served);
  delete broken.credentialSubject.achievement.criteria;
  await page.goto('/public/verify');
  await page.getByLabel('Fichier du titre (JSON)').setInputFiles({
    name: 'incomplet.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const report = page
    .getByRole('status')
    .filter({ has: page.getByRole('heading', { name: 'Ce titre n’a pas pu être vérifié.' }) });
  await report.waitFor();
  const checks = page.getByTestId('verification-check');
  // The schema check says where, in French (a no-break space before the colon).
  await expectText(
    checks.filter({ hasText: '/criteria' }).locator('.check-detail'),
    'le format n’est pas respecté\u00a0: /credentialSubject/achievement/criteria est absent',
  );
  const proof = checks.filter({ hasText: 'la signature ne correspond pas au contenu' });
  await proof.waitFor();
  expect(await proof.getAttribute('data-passed')).toBe('false');
  // What a French reader sees has no English sentence ("signature" is French too): the validator's and the signing library's
  // words are folded away under "Détail technique".
  const seen = await report.innerText();
  expect(seen).not.toMatch(/\b(must|required|property|Failed|Passed|Invalid|does not|not followed)\b/);
  const technical = report.getByText('Détail technique (les mots du vérificateur, en anglais)').first();
  await technical.click();
  await expectText(report.locator('details[open] code[lang="en"]').first(), /criteria/);
  await checkScreen(page, 'verify-fr-codes');
  await context.close();
});

it('shows a revoked credential as revoked, with the status check failed', async () => {
  const other = (
    await ok(
      AWARD,
      {
        i: {
          credentialId,
          issuerId: collegeId,
          recipient: { email: 'rory.revoked@example.org', name: 'Rory Revoked' },
          result: { score: 85, attempt: 1 },
        },
      },
      college.token,
    )
  ).awardCredential;
  await ok(
    'mutation($id: ID!) { revokeAward(id: $id, reason: "Issued in error.") { status } }',
    { id: other.id },
    college.token,
  );
  const page = await (await newContext(browser(), { locale: 'fr-CA' })).newPage();
  await page.goto(`/public/credentials/${other.id}`);
  // The status shows on arrival; Verify lists the checks.
  await expectText(page.getByTestId('credential-status'), 'Révoqué par son émetteur.');
  await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
  await page.getByRole('heading', { name: 'Ce titre n’a pas pu être vérifié.' }).waitFor();
  const checks = await verificationChecks(page);
  expect(checks.filter((c) => !c.passed).map((c) => c.text)).toEqual([
    expect.stringMatching(/^Échouée\u00a0: son émetteur ne l’a pas révoqué/),
  ]);
  await expectText(page.getByTestId('credential-status'), 'Révoqué par son émetteur.');
});
