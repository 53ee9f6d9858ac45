// The catalogue's credential page asks only for what its viewer may see: contributions (who
// designed, reviewed, endorsed, sponsored, adopted, issued) are for the issuer, the design
// partners, the sponsoring umbrellas and the adopters. An umbrella that does not sponsor it and an
// institution that did not adopt it get the page without a single FORBIDDEN answer behind it.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createOrganization, signUp, type Session } from '../support/client';
import { publishCredential } from '../support/credentials';
import { checkScreen, expectText, newContext, useBrowser } from './support/browser';

jest.setTimeout(180_000);
const browser = useBrowser();
const suffix = randomUUID().slice(0, 6);
const TITLE = `Visibility rigging ${suffix}`;

let college: Session;
let umbrella: Session;
let outsider: Session;
let credentialId: string;

beforeAll(async () => {
  let employer: Session;
  [college, employer, umbrella, outsider] = await Promise.all([
    signUp('vis-college'),
    signUp('vis-employer'),
    signUp('vis-umbrella'),
    signUp('vis-outsider'),
  ]);
  const collegeId = await createOrganization(college, {
    name: `Vis College ${suffix}`,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  const employerId = await createOrganization(employer, {
    name: `Vis Rigging ${suffix}`,
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    sector: '212',
  });
  await createOrganization(umbrella, { name: `Vis Council ${suffix}`, kind: 'UMBRELLA', size: 'SMALL' });
  await createOrganization(outsider, {
    name: `Vis Other College ${suffix}`,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Toronto',
  });
  credentialId = await publishCredential(college, collegeId, employer, employerId, { title: TITLE });
});

/** Opens the credential's page as `session`; returns the page and the error codes of every GraphQL answer it got. */
async function open(session: Session): Promise<{ page: Page; codes: string[] }> {
  const page = await (await newContext(browser(), { token: session.token })).newPage();
  const codes: string[] = [];
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/graphql')) return;
    void response
      .json()
      .then((body: { errors?: Array<{ extensions?: { code?: string } }> }) =>
        codes.push(...(body.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN')),
      )
      .catch(() => undefined);
  });
  await page.goto(`/catalogue/${credentialId}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.waitForLoadState('networkidle');
  return { page, codes };
}

it.each([
  ['an umbrella that does not sponsor it', 'umbrella', () => umbrella],
  ['an institution that did not adopt it', 'institution', () => outsider],
])('loads for %s without asking for what it may not see', async (_who, name, viewer) => {
  const { page, codes } = await open(viewer());
  expect(codes).toEqual([]);
  await expectText(page.getByRole('main'), 'Endorsements');
  await expect(page.getByTestId('contributions').count()).resolves.toBe(0);
  await checkScreen(page, `catalogue-credential-${name}`);
  await page.context().close();
});

it('shows the issuer its contributions', async () => {
  const { page, codes } = await open(college);
  expect(codes).toEqual([]);
  await expectText(page.getByTestId('contributions'), `Vis Rigging ${suffix}`);
  await page.context().close();
});
