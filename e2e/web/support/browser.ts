// Playwright (playwright-core) driving the machine's Chromium — Debian's package, installed by
// .ci/run — with the launch flags the environment needs. launch() gives every run a fresh
// temporary profile (Playwright's own user-data-dir), and each test a fresh context.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { eventually } from '../../support/client';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(__dirname, '../../../tmp/screenshots');

export const appOrigin = () => new URL(process.env['LATTICE_E2E_GATEWAY']!).origin;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', ...FLAGS] });
}

/** One browser per test file, launched before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

/** A phone's screen (the narrowest the app is made for). */
export const PHONE = { width: 390, height: 844 } as const;

export async function newContext(
  browser: Browser,
  options: { locale?: string; token?: string; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: appOrigin(),
    locale: options.locale ?? 'en-CA',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  if (options.token) {
    await context.addInitScript((token) => {
      if (!localStorage.getItem('lattice.token')) localStorage.setItem('lattice.token', token);
    }, options.token);
  }
  return context;
}

/** Saves the page as tmp/screenshots/<name>.png (git-ignored), for the README and for review. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now; only serious and critical ones. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: string[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A screen is checked the same way everywhere: screenshot, then no serious axe violations. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}

/** The locator's text once it satisfies `accept` (or the last text seen, for jest to report). */
export async function textOf(
  locator: Locator,
  accept: (text: string) => boolean,
  timeoutMs = 10_000,
): Promise<string> {
  return eventually(
    async () => ((await locator.count()) > 0 ? ((await locator.first().textContent()) ?? '').trim() : ''),
    accept,
    timeoutMs,
  );
}

/** What assistive technology reads as the field's description (hint and error), once it satisfies `accept`. */
export async function descriptionOf(
  field: Locator,
  accept: (text: string) => boolean,
  timeoutMs = 10_000,
): Promise<string> {
  const read = () =>
    field.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .filter(Boolean)
        .join(' '),
    );
  return eventually(read, accept, timeoutMs);
}

/** Waits for the text, then asserts it (jest reports the last text seen). */
export async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  const matches = (text: string) =>
    typeof expected === 'string' ? text.includes(expected) : expected.test(text);
  const text = await textOf(locator, matches);
  if (typeof expected === 'string') expect(text).toContain(expected);
  else expect(text).toMatch(expected);
}

/** Waits for the field's accessible description, then asserts it. */
export async function expectDescription(field: Locator, expected: string | RegExp): Promise<void> {
  const matches = (text: string) =>
    typeof expected === 'string' ? text.includes(expected) : expected.test(text);
  const text = await descriptionOf(field, matches);
  if (typeof expected === 'string') expect(text).toContain(expected);
  else expect(text).toMatch(expected);
}
