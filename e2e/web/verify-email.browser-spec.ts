// Confirming an e-mail address in the browser: the home screen asks for it, the link from the real
// e-mail opens the confirmation page, one click confirms, and the request disappears.
import { signUp } from '../support/client';
import { openMailbox, verificationTokenIn, type Mailbox } from '../support/mailbox';
import { checkScreen, expectText, newContext, useBrowser } from './support/browser';

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
