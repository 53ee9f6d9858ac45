// Browser steps of the trust screens, for the trust and public specs and for the lead's
// end-to-end journey (need → accept → co-develop → publish → endorse → award → verify). Each step
// starts from a page signed in as the right person (or signed out, for the public ones), uses
// what a person sees (roles, labels, words) and returns what the next step needs.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expectText } from '../support/browser';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface VerifiedCheck {
  readonly text: string;
  readonly passed: boolean;
}

/** The checks the verification report lists, in order, with whether each passed. */
export async function verificationChecks(page: Page): Promise<VerifiedCheck[]> {
  const items = page.getByTestId('verification-check');
  await items.first().waitFor();
  return Promise.all(
    (await items.all()).map(async (item) => ({
      text: ((await item.textContent()) ?? '').trim(),
      passed: (await item.getAttribute('data-passed')) === 'true',
    })),
  );
}

/**
 * Opens a credential's public page in the app (`url`: the award's publicUrl, /credentials/:id,
 * or /public/credentials/:id), waits for its title, presses Verify and returns the checks.
 */
export async function openPublicPageAndVerify(
  page: Page,
  url: string,
  expectedTitle?: string,
): Promise<VerifiedCheck[]> {
  const path = new URL(url, 'http://x').pathname.replace(
    /^\/(?:public\/)?credentials\//,
    '/public/credentials/',
  );
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
  await page
    .getByLabel('Credential file (JSON)')
    .setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(json) });
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

/** Opens a published credential's detail from the catalogue (/catalogue), by its title. */
export async function openCatalogueCredential(page: Page, credentialTitle: string): Promise<void> {
  await page.goto('/catalogue');
  await page.getByRole('link', { name: credentialTitle, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: credentialTitle }).waitFor();
}

/**
 * An employer's or umbrella's member endorses the credential: both claims ticked, an optional
 * comment, Endorse; waits until the page says the organization endorses it.
 */
export async function endorse(
  page: Page,
  credentialTitle: string,
  options: { comment?: string } = {},
): Promise<void> {
  await openCatalogueCredential(page, credentialTitle);
  await page.getByText('The competency is in demand.', { exact: true }).click();
  await page.getByText('The assessment reflects job performance.', { exact: true }).click();
  if (options.comment) await page.getByLabel('Comment (optional)').fill(options.comment);
  await page.getByRole('button', { name: 'Endorse', exact: true }).click();
  await page.getByText('Your organization endorses this credential.').waitFor();
}

/** An umbrella's member sponsors the credential, making it shared with the umbrella's members. */
export async function sponsor(page: Page, credentialTitle: string): Promise<void> {
  await openCatalogueCredential(page, credentialTitle);
  // An irreversible step: Cancel leaves it as it was; it is sponsored once the dialog is confirmed.
  await page.getByRole('button', { name: 'Sponsor this credential' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  // Read back from the server: still not sponsored, still offered.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: credentialTitle }).waitFor();
  await page.getByRole('button', { name: 'Sponsor this credential' }).waitFor();
  expect(await page.getByText(/sponsors this credential\.$/).count()).toBe(0);
  expect(await page.getByText(/^Shared credential, sponsored by/).count()).toBe(0);
  await page.getByRole('button', { name: 'Sponsor this credential' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sponsor', exact: true }).click();
  await expectText(page.getByRole('status'), 'Sponsored: member institutions can now adopt it.');
}

/** A member institution of a sponsoring umbrella adopts the shared credential. */
export async function adopt(page: Page, credentialTitle: string): Promise<void> {
  await openCatalogueCredential(page, credentialTitle);
  await page.getByRole('button', { name: 'Adopt this shared credential' }).click();
  await expectText(page.getByRole('status'), 'Adopted: you can now award it in your own name.');
}

/** Opens /issuing with the credential chosen (its title, issued or adopted by the current institution). */
export async function openIssuing(page: Page, credentialTitle?: string): Promise<void> {
  await page.goto('/issuing');
  const select = page.getByLabel('Credential to award');
  await select.waitFor();
  if (!credentialTitle) return;
  await select.locator('option', { hasText: credentialTitle }).first().waitFor({ state: 'attached' });
  const options = await select
    .locator('option')
    .evaluateAll((nodes) =>
      nodes.map((n) => ({ value: (n as HTMLOptionElement).value, label: n.textContent ?? '' })),
    );
  const option = options.find(
    (o) => o.label === credentialTitle || o.label.startsWith(`${credentialTitle} (`),
  );
  if (!option)
    throw new Error(
      `"${credentialTitle}" is not among the credentials to award: ${options.map((o) => o.label).join(' | ')}`,
    );
  await select.selectOption(option.value);
  await page.getByRole('heading', { name: `Awards of ${credentialTitle}` }).waitFor();
}

export interface AwardOneInput {
  readonly credentialTitle?: string;
  readonly name: string;
  readonly email: string;
  readonly score: number | string;
  readonly attempt?: number;
  readonly evidenceUrl?: string;
  readonly evidenceNarrative?: string;
}

/** Fills "Award one learner" and submits it, without waiting for the outcome (for refusals). */
export async function fillAwardOne(page: Page, input: AwardOneInput): Promise<void> {
  await openIssuing(page, input.credentialTitle);
  await page.getByLabel('Learner’s name').fill(input.name);
  await page.getByLabel('Learner’s e-mail address').fill(input.email);
  await page.getByLabel('Score (percent)').fill(String(input.score));
  await page.getByLabel('Attempt').fill(String(input.attempt ?? 1));
  if (input.evidenceUrl) await page.getByLabel('Evidence link (optional)').fill(input.evidenceUrl);
  if (input.evidenceNarrative)
    await page.getByLabel('What the evidence shows (optional)').fill(input.evidenceNarrative);
  await page.getByRole('button', { name: 'Award the credential' }).click();
}

/** An institution's admin awards one learner on /issuing; returns the app path of the learner's public page. */
export async function awardOne(page: Page, input: AwardOneInput): Promise<string> {
  await fillAwardOne(page, input);
  await expectText(page.getByRole('status'), `Awarded to ${input.name}.`);
  const href = await page
    .getByRole('link', { name: 'Open the learner’s credential page' })
    .getAttribute('href');
  if (!href) throw new Error('no link to the public page after awarding');
  return href;
}

/** Chooses a learners CSV on /issuing (already open); returns the per-row errors shown before sending ([] when every row is valid). */
export async function chooseLearnersCsv(page: Page, fileName: string, csv: string): Promise<string[]> {
  await page
    .getByLabel('Learners file (CSV)')
    .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page
    .getByText(
      new RegExp(
        `^(These rows of ${escapeRegExp(fileName)} will not be sent|${escapeRegExp(fileName)}: \\d+ learners? ready to award\\.)`,
      ),
    )
    .first()
    .waitFor();
  const errors = page.getByTestId('row-error');
  return (await errors.count()) ? (await errors.allTextContents()).map((t) => t.trim()) : [];
}

export interface BatchOutcome {
  readonly row: number;
  readonly learner: string;
  readonly outcome: string;
}

/**
 * Awards a learners CSV as one batch (its valid rows; rows with problems stay out, as the screen
 * says) and waits until it is done; returns each sent learner's outcome.
 */
export async function awardBatch(
  page: Page,
  input: { credentialTitle?: string; fileName?: string; csv: string },
): Promise<BatchOutcome[]> {
  await openIssuing(page, input.credentialTitle);
  await chooseLearnersCsv(page, input.fileName ?? 'learners.csv', input.csv);
  await page.getByRole('button', { name: /^Award \d+ learners?$/ }).click();
  await expectText(page.getByTestId('batch-progress'), /^Done: /);
  const rows = page.getByTestId('batch-item');
  return Promise.all(
    (await rows.all()).map(async (row) => {
      const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
      return { row: Number(cells[0]), learner: cells[1] ?? '', outcome: cells[3] ?? '' };
    }),
  );
}

/** The Revoke button of a learner's row on /issuing (its name says whose award). */
export function revokeButton(page: Page, learnerName: string): Locator {
  return page.getByRole('button', { name: new RegExp(`^Revoke\\W+${escapeRegExp(learnerName)}$`) });
}

/** Revokes a learner's award from /issuing with a reason, through the confirm dialog. */
export async function revoke(
  page: Page,
  input: { credentialTitle?: string; learnerName: string; reason: string },
): Promise<void> {
  await openIssuing(page, input.credentialTitle);
  await revokeButton(page, input.learnerName).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill(input.reason);
  await dialog.getByRole('button', { name: 'Revoke the credential' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expectText(
    page.getByRole('row', { name: new RegExp(input.learnerName) }),
    `Revoked: ${input.reason}`,
  );
}

/** A learner, on /my-credentials, prepares and downloads their CLR 2.0 transcript; returns the file's JSON. */
export async function downloadTranscript(page: Page): Promise<Record<string, unknown>> {
  await page.goto('/my-credentials');
  await page.getByRole('button', { name: 'Prepare my transcript' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the transcript' }).click(),
  ]);
  const path = await download.path();
  if (!path) throw new Error('the transcript download failed');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** After downloadTranscript: verifies the transcript on the page and returns the checks. */
export async function verifyTranscript(page: Page): Promise<VerifiedCheck[]> {
  await page.getByRole('button', { name: 'Verify the transcript' }).click();
  await page.getByRole('heading', { name: /^This credential (is verified|did not verify)\.$/ }).waitFor();
  return verificationChecks(page);
}
