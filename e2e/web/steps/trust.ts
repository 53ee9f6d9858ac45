// Browser steps of the trust screens, for the trust and public specs and for the lead's
// end-to-end journey (need → accept → co-develop → publish → endorse → award → verify). Each step
// starts from a page signed in as the right person (or signed out, for the public ones), uses
// what a person sees (roles, labels, words) and returns what the next step needs.
import type { Page } from 'playwright-core';
import { expectText } from '../support/browser';

export interface VerifiedCheck {
  readonly text: string;
  readonly passed: boolean;
}

/** The checks the verification report lists, in order, with whether each passed. */
export async function verificationChecks(page: Page): Promise<VerifiedCheck[]> {
  const items = page.getByTestId('verification-check');
  await items.first().waitFor();
  return Promise.all((await items.all()).map(async (item) => ({ text: ((await item.textContent()) ?? '').trim(), passed: (await item.getAttribute('data-passed')) === 'true' })));
}

/**
 * Opens a credential's public page in the app (`url`: the award's publicUrl, /credentials/:id,
 * or /public/credentials/:id), waits for its title, presses Verify and returns the checks.
 */
export async function openPublicPageAndVerify(page: Page, url: string, expectedTitle?: string): Promise<VerifiedCheck[]> {
  const path = new URL(url, 'http://x').pathname.replace(/^\/(?:public\/)?credentials\//, '/public/credentials/');
  await page.goto(path);
  if (expectedTitle) await page.getByRole('heading', { level: 1, name: expectedTitle }).waitFor();
  else await page.getByRole('button', { name: 'Verify', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await page.getByRole('heading', { name: /^This credential (is verified|did not verify)\.$/ }).waitFor();
  return verificationChecks(page);
}

/** On /public/verify, checks an uploaded credential file (JSON text) and returns the checks. */
export async function verifyFile(page: Page, fileName: string, json: string): Promise<VerifiedCheck[]> {
  await page.goto('/public/verify');
  await page.getByLabel('Credential file (JSON)').setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByRole('heading', { name: /^This credential (is verified|did not verify)\.$/ }).waitFor();
  return verificationChecks(page);
}

/** On /public/verify, checks the credential at a link on this site and returns the checks. */
export async function verifyLink(page: Page, link: string): Promise<VerifiedCheck[]> {
  await page.goto('/public/verify');
  await page.getByLabel('Link to the credential').fill(link);
  await page.getByRole('button', { name: 'Verify the link' }).click();
  await page.getByRole('heading', { name: /^This credential (is verified|did not verify)\.$/ }).waitFor();
  return verificationChecks(page);
}

/** The status line of the public page after Verify (e.g. "Revoked by its issuer."). */
export async function expectPublicStatus(page: Page, expected: string | RegExp): Promise<void> {
  await expectText(page.getByTestId('credential-status'), expected);
}
