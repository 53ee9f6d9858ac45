// The first page is small (issue 16: ≤ 250 kB of gzip code and styles): every screen is its own
// chunk, the GraphQL documents travel with the screens that send them, only the language in use
// is loaded, and the user menu (react-aria) loads when opened. Measured on what Chromium actually
// fetched: each script and stylesheet gzipped here (level 6, gzip's default). And the router no longer warns about
// a missing HydrateFallback while the first lazy screen loads.
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { createOrganization, signUp } from '../support/client';
import { expectText, newContext, useBrowser } from './support/browser';

const browser = useBrowser();
const LIMIT = 250_000;

/** Opens `path` and returns the gzip size of the scripts and stylesheets it loaded, and the console's warnings. */
async function firstLoad(
  page: Page,
  path: string,
  ready: () => Promise<void>,
): Promise<{ gzip: number; files: string[]; warnings: string[] }> {
  const bodies = new Map<string, Promise<Buffer>>();
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  const collect = (response: Response) => {
    const url = response.url();
    // A body still loading when the page closes rejects: counted as nothing, not left unhandled.
    if (/\/assets\/.*\.(js|css)$/.test(url))
      bodies.set(
        url,
        response.body().catch(() => Buffer.alloc(0)),
      );
  };
  page.on('response', collect);
  await page.goto(path);
  await ready();
  await page.waitForLoadState('networkidle');
  page.off('response', collect);
  let gzip = 0;
  for (const body of bodies.values()) gzip += gzipSync(await body).length;
  return { gzip, files: [...bodies.keys()].map((url) => url.split('/').pop()!), warnings };
}

it('loads the log-in page with at most 250 kB of gzip code, and no HydrateFallback warning', async () => {
  const page = await (await newContext(browser())).newPage();
  const { gzip, files, warnings } = await firstLoad(page, '/log-in', () =>
    expectText(page.getByRole('heading', { level: 1 }), 'Log in to Lattice'),
  );
  expect(files.some((f) => f.startsWith('LogInScreen-'))).toBe(true);
  expect(files.some((f) => f.startsWith('DemandScreen-') || f.startsWith('messages-fr-'))).toBe(false);
  expect(gzip).toBeLessThanOrEqual(LIMIT);
  expect(warnings.filter((w) => /HydrateFallback/.test(w))).toEqual([]);
  await page.context().close();
});

it('loads the home page of a signed-in member with at most 250 kB of gzip code; the user menu loads when opened', async () => {
  const session = await signUp('bundle');
  await createOrganization(session, {
    name: 'Bundle Works',
    kind: 'EMPLOYER',
    size: 'SMALL',
    region: 'ON-Toronto',
  });
  const page = await (await newContext(browser(), { token: session.token })).newPage();
  const { gzip, files, warnings } = await firstLoad(page, '/', () =>
    page.getByTestId('current-organization').waitFor(),
  );
  expect(files.some((f) => f.startsWith('HomeScreen-'))).toBe(true);
  expect(files.some((f) => f.startsWith('UserMenu-'))).toBe(false);
  expect(gzip).toBeLessThanOrEqual(LIMIT);
  expect(warnings.filter((w) => /HydrateFallback/.test(w))).toEqual([]);

  await page.getByRole('button', { name: /account menu/i }).click();
  await page.getByRole('menuitem', { name: 'Notification preferences' }).click();
  await page.waitForURL(/\/inbox\/preferences$/);
  await page.context().close();
});
