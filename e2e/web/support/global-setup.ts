// The browser tests run against the real stack, started as the e2e suites start it (fresh
// database, real Redis, every service), with the gateway serving the freshly built web app.
import { startE2eStack } from '../../support/global-setup';

export default async function globalSetup(): Promise<void> {
  await startE2eStack('web');
  const origin = new URL(process.env['LATTICE_E2E_GATEWAY']!).origin;
  const page = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
  const html = await page.text();
  if (!page.ok || !html.includes('<div id="root">'))
    throw new Error(`The gateway does not serve the web app at ${origin}/ (HTTP ${page.status})`);
}
