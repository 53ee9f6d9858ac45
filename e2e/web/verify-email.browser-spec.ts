// Confirming an e-mail address in the browser: the home screen asks for it, the link from the real
// e-mail opens the confirmation page, one click confirms, and the request disappears. In French,
// the whole way from sign-up to log-in: no English message left, French typography.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { signUp, uniqueEmail } from '../support/client';
import { openMailbox, verificationTokenIn, type Mailbox } from '../support/mailbox';
import { checkScreen, expectDescription, expectText, newContext, useBrowser } from './support/browser';

const PASSWORD = 'correct horse battery';

jest.setTimeout(120_000);
const browser = useBrowser();
let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await openMailbox();
});
afterAll(async () => {
  await mailbox.close();
});

it('asks a new account to confirm its address and confirms it from the e-mailed link', async () => {
  const person = await signUp('confirm-in-browser');
  const page = await (await newContext(browser(), { token: person.token })).newPage();
  await page.goto('/');
  const notice = page.getByRole('region', { name: 'Confirm your e-mail address' });
  await expectText(notice, `Confirm ${person.email}`);
  await checkScreen(page, 'home-unverified');

  const [mail] = await mailbox.waitFor(person.email, 'Confirm your e-mail address');
  const token = verificationTokenIn(mail!);
  await page.goto(`/verify-email?token=${token}`);
  await checkScreen(page, 'verify-email');
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expectText(page.getByRole('status'), `${person.email} is confirmed.`);
  await page.getByRole('link', { name: 'Continue to Lattice' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
  await notice.waitFor({ state: 'detached', timeout: 10_000 });
  expect(await notice.count()).toBe(0);

  // The same link a second time says so, in words.
  await page.goto(`/verify-email?token=${token}`);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expectText(page.getByRole('alert'), 'This link was already used');
});

/** Every English message of the app (with what its French counterpart does not share), for "nothing left in English". */
function englishMessages(): string[] {
  const dir = join(__dirname, '../../apps/web/src/i18n');
  const leaves = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(leaves)
        : [];
  const english = readdirSync(join(dir, 'en')).flatMap((file) =>
    leaves(JSON.parse(readFileSync(join(dir, 'en', file), 'utf8'))),
  );
  const french = new Set(
    readdirSync(join(dir, 'fr')).flatMap((file) =>
      leaves(JSON.parse(readFileSync(join(dir, 'fr', file), 'utf8'))),
    ),
  );
  // The fixed parts of each message around its {{placeholders}}, long enough to be words.
  return [
    ...new Set(
      english
        .filter((message) => !french.has(message))
        .flatMap((message) => message.split(/\{\{[^}]+\}\}/))
        .map((part) => part.trim())
        .filter((part) => part.length >= 12),
    ),
  ];
}

/** What a French reader of the page gets: its text, and the names assistive technology reads. */
async function seenText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [
      document.title,
      document.body.innerText,
      ...Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]')).flatMap((e) =>
        ['aria-label', 'title', 'placeholder'].map((name) => e.getAttribute(name) ?? ''),
      ),
    ].join('\n'),
  );
}

/** The page is in French: no English message of the app on it, and French typography before ":". */
async function expectFrench(page: Page): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  const text = await seenText(page);
  expect(englishMessages().filter((message) => text.includes(message))).toEqual([]);
  // A no-break space before ":" and inside « », never an ordinary one or none.
  expect(text.match(/.{0,20}(?: :|\p{L}:\s|« | »).{0,20}/gu) ?? []).toEqual([]);
}

it('signs up, confirms the address from the e-mailed link and logs in, all in French', async () => {
  const email = uniqueEmail('fr-compte');
  const context = await newContext(browser(), { locale: 'fr-CA' });
  const page = await context.newPage();

  await page.goto('/sign-up');
  await page.getByRole('heading', { level: 1, name: 'Créer votre compte Lattice' }).waitFor();
  await expectDescription(
    page.getByLabel('Mot de passe'),
    'Au moins 15 caractères\u00a0: quelques mots sans lien entre eux font l’affaire.',
  );
  await expectFrench(page);
  await checkScreen(page, 'sign-up-fr');
  await page.getByLabel('Votre nom').fill('Camille Courriel');
  await page.getByLabel('Adresse courriel').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.waitForURL(/\/organizations\/new$/);

  // The home page asks for the address to be confirmed, in French.
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Bienvenue, Camille Courriel' }).waitFor();
  const notice = page.getByRole('region', { name: 'Confirmez votre adresse courriel' });
  await expectText(
    notice,
    `Confirmez ${email}\u00a0: ouvrez le lien du courriel que nous vous avons envoyé.`,
  );
  await expectText(notice.getByRole('button'), 'Renvoyer le courriel');
  await expectFrench(page);
  await checkScreen(page, 'home-unverified-fr');

  // The mail is in the account's language; its link opens the confirmation page.
  const [mail] = await mailbox.waitFor(email, 'Confirmez votre adresse courriel');
  const token = verificationTokenIn(mail!);
  await page.goto(`/verify-email?token=${token}`);
  await page.getByRole('heading', { level: 1, name: 'Confirmez votre adresse courriel' }).waitFor();
  await expectText(page.getByRole('main'), 'Confirmez que cette adresse est bien la vôtre.');
  await expectFrench(page);
  await checkScreen(page, 'verify-email-fr');
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
  await expectText(page.getByRole('status'), `${email} est confirmée.`);
  await page.getByRole('link', { name: 'Continuer vers Lattice' }).waitFor();
  await expectFrench(page);
  await checkScreen(page, 'verify-email-done-fr');

  // Logged out, the person logs in again: a wrong password is refused in French, then in.
  await page.getByRole('button', { name: /^Menu du compte de Camille Courriel/ }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await page.waitForURL(/\/log-in$/);
  await page.getByRole('heading', { level: 1, name: 'Se connecter à Lattice' }).waitFor();
  await expectFrench(page);
  await checkScreen(page, 'log-in-fr-account');
  await page.getByLabel('Adresse courriel').fill(email);
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expectDescription(
    page.getByLabel('Mot de passe'),
    'Cette adresse courriel et ce mot de passe ne correspondent pas.',
  );
  await expectFrench(page);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bienvenue, Camille Courriel' }).waitFor();
  // Confirmed: the home page no longer asks.
  expect(await notice.count()).toBe(0);
  await expectFrench(page);
  await context.close();
});
