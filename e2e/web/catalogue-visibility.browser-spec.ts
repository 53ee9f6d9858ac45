// The catalogue's credential page asks only for what its viewer may see: contributions (who
// designed, reviewed, endorsed, sponsored, adopted, issued) are for the issuer, the design
// partners, the sponsoring umbrellas and the adopters. An umbrella that does not sponsor it and an
// institution that did not adopt it (an outsider, or a member of the sponsoring umbrella that could)
// get the page without a single FORBIDDEN answer or `credential: null` behind it; the sponsoring
// umbrella and an adopter see the contributions, theirs among them.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createOrganization, joinUmbrellaAccepted, ok, signUp, type Session } from '../support/client';
import { publishCredential } from '../support/credentials';
import { checkScreen, expectText, newContext, useBrowser } from './support/browser';

jest.setTimeout(180_000);
const browser = useBrowser();
const suffix = randomUUID().slice(0, 6);
const TITLE = `Visibility rigging ${suffix}`;

let college: Session;
let umbrella: Session;
let outsider: Session;
let sponsorCouncil: Session;
let adopter: Session;
let member: Session;
let credentialId: string;

beforeAll(async () => {
  let employer: Session;
  [college, employer, umbrella, outsider] = await Promise.all([
    signUp('vis-college'),
    signUp('vis-employer'),
    signUp('vis-umbrella'),
    signUp('vis-outsider'),
  ]);
  [sponsorCouncil, adopter, member] = await Promise.all([
    signUp('vis-sponsor'),
    signUp('vis-adopter'),
    signUp('vis-member'),
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
  const [councilId, adopterId, memberId] = await Promise.all([
    createOrganization(sponsorCouncil, {
      name: `Vis Sponsor Council ${suffix}`,
      kind: 'UMBRELLA',
      size: 'SMALL',
    }),
    createOrganization(adopter, {
      name: `Vis Adopter College ${suffix}`,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
    }),
    createOrganization(member, {
      name: `Vis Member College ${suffix}`,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
    }),
  ]);
  await joinUmbrellaAccepted(adopter, sponsorCouncil, councilId, adopterId);
  await joinUmbrellaAccepted(member, sponsorCouncil, councilId, memberId);
  credentialId = await publishCredential(college, collegeId, employer, employerId, { title: TITLE });
  await ok(
    'mutation($c: ID!, $u: ID!) { sponsorCredential(credentialId: $c, umbrellaId: $u) { id } }',
    { c: credentialId, u: councilId },
    sponsorCouncil.token,
  );
  await ok(
    'mutation($c: ID!, $i: ID!) { adoptSharedCredential(credentialId: $c, institutionId: $i) { id } }',
    { c: credentialId, i: adopterId },
    adopter.token,
  );
});

/** The paths of every `credential: null` in a GraphQL answer's data. */
function nullCredentials(data: unknown, path = 'data'): string[] {
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([key, value]) =>
    key === 'credential' && value === null ? [`${path}.${key}`] : nullCredentials(value, `${path}.${key}`),
  );
}

/**
 * Opens the credential's page as `session`; returns the page, the error codes of every GraphQL
 * answer it got and where any answer held `credential: null`.
 */
async function open(session: Session): Promise<{ page: Page; codes: string[]; nulls: string[] }> {
  const page = await (await newContext(browser(), { token: session.token })).newPage();
  const codes: string[] = [];
  const nulls: string[] = [];
  let answers = 0;
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/graphql')) return;
    void response
      .json()
      .then((body: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }) => {
        answers++;
        codes.push(...(body.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN'));
        nulls.push(...nullCredentials(body.data));
      })
      .catch(() => undefined);
  });
  await page.goto(`/catalogue/${credentialId}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.waitForLoadState('networkidle');
  // The answers were read (an empty list must mean "none wrong", not "none seen").
  expect(answers).toBeGreaterThan(0);
  return { page, codes, nulls };
}

it.each([
  ['an umbrella that does not sponsor it', 'umbrella', () => umbrella],
  ['an institution that did not adopt it', 'institution', () => outsider],
  ['a member of the sponsoring umbrella that did not adopt it', 'member', () => member],
])('loads for %s without asking for what it may not see', async (_who, name, viewer) => {
  const { page, codes, nulls } = await open(viewer());
  expect(codes).toEqual([]);
  expect(nulls).toEqual([]);
  await expectText(page.getByRole('main'), 'Endorsements');
  await expect(page.getByTestId('contributions').count()).resolves.toBe(0);
  await checkScreen(page, `catalogue-credential-${name}`);
  await page.context().close();
});

it('shows the issuer its contributions', async () => {
  const { page, codes, nulls } = await open(college);
  expect(codes).toEqual([]);
  expect(nulls).toEqual([]);
  await expectText(page.getByTestId('contributions'), `Vis Rigging ${suffix}`);
  await page.context().close();
});

it.each([
  ['the sponsoring umbrella', 'sponsor', () => sponsorCouncil],
  ['an institution that adopted it through the umbrella', 'adopter', () => adopter],
])('shows %s the contributions, without a FORBIDDEN or null answer', async (_who, name, viewer) => {
  const { page, codes, nulls } = await open(viewer());
  expect(codes).toEqual([]);
  expect(nulls).toEqual([]);
  const contributions = page.getByTestId('contributions');
  await expectText(contributions, `Vis Rigging ${suffix}`);
  await expectText(contributions, `Vis Sponsor Council ${suffix}`);
  await expectText(contributions, `Vis Adopter College ${suffix} (through Vis Sponsor Council ${suffix})`);
  await checkScreen(page, `catalogue-credential-contributions-${name}`);
  await page.context().close();
});
