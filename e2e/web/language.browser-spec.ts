// English and French: switchable from the header, remembered across visits, and announced to
// assistive technology through <html lang>.
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
  await expectText(page.locator('.field-error, [slot="errorMessage"]').first(), 'Entrez une adresse courriel');
});

it('starts in French for a browser that asks for French', async () => {
  const page = await (await newContext(browser(), { locale: 'fr-CA' })).newPage();
  await page.goto('/sign-up');
  await expectText(page.getByRole('heading', { level: 1 }), 'Créer votre compte Lattice');
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
});
