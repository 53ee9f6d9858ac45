// Forgetting a password, in the browser: "Forgot your password?" on log-in asks for the address,
// the link from the real e-mail opens the page that chooses a new password, the new password logs
// in and the old one is refused.
import { signUp } from '../support/client';
import { linkTokenIn, openMailbox, type Mailbox } from '../support/mailbox';
import { checkScreen, expectDescription, expectText, newContext, useBrowser } from './support/browser';

const browser = useBrowser();
let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await openMailbox();
});
afterAll(async () => {
  await mailbox.close();
});

const OLD_PASSWORD = 'correct horse battery'; // e2e/support/client signUp
const NEW_PASSWORD = 'lantern orchard pebble violin';

it('resets a forgotten password from the e-mailed link; the new password logs in, the old one no longer does', async () => {
  const person = await signUp('forgot-in-browser');
  const page = await (await newContext(browser())).newPage();
  await page.goto('/log-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
  await checkScreen(page, 'reset-password-ask');
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expectText(page.getByRole('status'), `If an account uses ${person.email}`);

  const [mail] = await mailbox.waitFor(person.email, 'Reset your Lattice password');
  const token = linkTokenIn(mail!, '/reset-password');
  await page.goto(`/reset-password?token=${token}`);
  await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
  // The rules are the server's: a common password is refused, with the reason, and spends nothing.
  const field = page.getByLabel('New password (at least 15 characters)');
  await field.fill('password1234567890');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expectDescription(field, 'common and breached passwords');
  await checkScreen(page, 'reset-password-choose-refused');
  await field.fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expectText(page.getByRole('status'), 'Your password is changed');
  await checkScreen(page, 'reset-password-done');

  // The same link a second time is refused, in words.
  await page.goto(`/reset-password?token=${token}`);
  await field.fill('another fresh long passphrase');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expectText(page.getByRole('alert'), 'already used');

  // The old password is refused, the new one logs in.
  await page.goto('/log-in');
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(OLD_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expectText(page.locator('form'), 'do not match');
  await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
});
