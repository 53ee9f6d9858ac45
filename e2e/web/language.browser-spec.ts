// English and French: switchable from the header, remembered across visits, and announced to
// assistive technology through <html lang>; and the shell's keyboard path past the header.
import { checkScreen, useBrowser, expectText, newContext } from './support/browser';

const browser = useBrowser();

it('switches to French, and stays in French after a reload', async () => {
  const page = await (await newContext(browser(), { locale: 'en-CA' })).newPage();
  await page.goto('/log-in');
  await expectText(page.getByRole('heading', { level: 1 }), 'Log in to Lattice');
  expect(await page.locator('html').getAttribute('lang')).toBe('en');

  await page.getByLabel('Language').selectOption('fr');
  await expectText(page.getByRole('heading', { level: 1 }), 'Se connecter à Lattice');
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');

  await page.reload();
  await expectText(page.getByRole('heading', { level: 1 }), 'Se connecter à Lattice');
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  expect(await page.getByLabel('Adresse courriel').count()).toBe(1);
  await checkScreen(page, 'log-in-fr');

  // Validation messages follow the language too.
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expectText(
    page.locator('.field-error, [slot="errorMessage"]').first(),
    'Entrez une adresse courriel',
  );
});

it('starts in French for a browser that asks for French', async () => {
  const page = await (await newContext(browser(), { locale: 'fr-CA' })).newPage();
  await page.goto('/sign-up');
  await expectText(page.getByRole('heading', { level: 1 }), 'Créer votre compte Lattice');
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
});

it('lets a keyboard user skip the header: the first Tab reaches the skip link, Enter moves to the content', async () => {
  const page = await (await newContext(browser())).newPage();
  await page.goto('/log-in');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  await page.keyboard.press('Tab');
  expect(
    await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent),
  ).toBe('E-mail address');
});
