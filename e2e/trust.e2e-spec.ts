// Trust through the gateway: a published credential is awarded as a signed Open Badges 3.0
// credential, fetched from the public origin like any verifier would, validated against 1EdTech's
// schema, verified, tampered with, revoked, and refused when the result or the caller is wrong.
import { join } from 'node:path';
import { createOb3SchemaValidator, loadOb3Schema } from '@lattice/credentials-openbadges';
import {
  codeOf,
  createOrganization,
  eventually,
  gql,
  ok,
  origin,
  signUp,
  type Session,
  type Untyped,
} from './support/client';
import { publishCredential } from './support/credentials';
import { openMailbox, withVerifiedEmail } from './support/mailbox';

jest.setTimeout(60_000);

const validateSchema = createOb3SchemaValidator(
  loadOb3Schema(join(__dirname, '../data/ob3/ob_v3p0_achievementcredential_schema.json')),
);

const AWARD =
  'mutation($i: AwardInput!) { awardCredential(input: $i) { id publicUrl status openBadge recipientName score attempt } }';
const REVOKE =
  'mutation($id: ID!, $r: String!) { revokeAward(id: $id, reason: $r) { id status revokedReason } }';
const VERIFY =
  'query($c: JSON!) { verifyCredential(credential: $c) { verified checks { name passed detail } } }';

async function verify(credential: unknown) {
  const response = await fetch(`${origin()}/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credential),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    verified: boolean;
    checks: Array<{
      name: string;
      passed: boolean;
      detail: string | null;
      code?: string | null;
      params?: unknown;
    }>;
  };
}

const failedChecks = (result: { checks: Array<{ name: string; passed: boolean }> }) =>
  result.checks.filter((c) => !c.passed).map((c) => c.name);

async function awardRowCount(credentialId: string): Promise<number> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
  await client.connect();
  try {
    const awards = await client.query(
      'SELECT count(*)::int AS n FROM "credentials"."awards" WHERE "credential_id" = $1',
      [credentialId],
    );
    const events = await client.query(
      `SELECT count(*)::int AS n FROM "credentials"."outbox" WHERE "type" LIKE 'credentials.award.%' AND "payload"->>'credentialId' = $1`,
      [credentialId],
    );
    return awards.rows[0].n + events.rows[0].n;
  } finally {
    await client.end();
  }
}

describe('trust: award, verify, revoke', () => {
  let college: Session;
  let employer: Session;
  let collegeId: string;
  let employerId: string;
  let credentialId: string;

  const awardInput = (overrides: Record<string, unknown> = {}) => ({
    credentialId,
    issuerId: collegeId,
    recipient: { email: 'Learner.One@example.org', name: 'Learner One' },
    result: { score: 92, attempt: 1 },
    evidence: [
      {
        url: 'https://portfolio.example.org/learner-one/setup',
        narrative: 'Set up a 3-axis job in 25 minutes <fast>.',
      },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    [college, employer] = await Promise.all([signUp('trust-college'), signUp('trust-employer')]);
    collegeId = await createOrganization(college, {
      name: 'Boreal & "Lakes" College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    employerId = await createOrganization(employer, {
      name: 'Maple Machining',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '332',
    });
    credentialId = await publishCredential(college, collegeId, employer, employerId, {
      assessment: { masteryThreshold: 80, attemptsAllowed: 2 },
    });
  });

  it('awards, serves, validates, verifies, detects tampering, and revokes once', async () => {
    const award = (await ok(AWARD, { i: awardInput() }, college.token)).awardCredential;
    expect(award).toMatchObject({ status: 'ACTIVE', recipientName: 'Learner One', score: 92, attempt: 1 });
    expect(award.publicUrl).toMatch(new RegExp(`/credentials/${award.id}$`));

    // Anyone fetches it from the public origin, without an account.
    const fetched = await fetch(`${origin()}/credentials/${award.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const credential = (await fetched.json()) as Record<string, Untyped>;
    expect(credential).toEqual(award.openBadge);
    expect(validateSchema(credential)).toEqual({ valid: true, errors: [] });
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
    expect(credential.credentialSubject.achievement.resultDescription[0]).toMatchObject({
      requiredValue: '80',
    });
    expect(JSON.stringify(credential).toLowerCase()).not.toContain('learner.one@example.org');

    // The issuer profile the proof's key resolves to is public too.
    const issuerUrl = credential.issuer.id as string;
    const profile = (await (await fetch(`${origin()}${new URL(issuerUrl).pathname}`)).json()) as Record<
      string,
      Untyped
    >;
    expect(profile.assertionMethod).toContain(credential.proof.verificationMethod);

    // A browser gets a page: escaped, with LinkedIn and download links, and no e-mail.
    const page = await fetch(`${origin()}/credentials/${award.id}`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Safe &lt;CNC&gt; setup &amp; &quot;care&quot;');
    expect(html).toContain('Boreal &amp; &quot;Lakes&quot; College');
    expect(html).toContain('Add to LinkedIn profile');
    expect(html).toContain('https://www.linkedin.com/profile/add?');
    expect(html).toMatch(/Status: <strong>Valid<\/strong>/);
    expect(html.toLowerCase()).not.toContain('learner.one@example.org');
    expect(html).not.toContain('<fast>');

    const verified = await verify(credential);
    expect(verified.checks.map((c) => c.name)).toEqual(['schema', 'dates', 'issuerKey', 'proof', 'status']);
    expect(verified.checks.every((c) => c.passed)).toBe(true);
    expect(verified.verified).toBe(true);
    expect((await ok(VERIFY, { c: credential }, employer.token)).verifyCredential).toEqual(verified);

    // One changed field breaks the proof, and the report names it.
    const tampered = {
      ...credential,
      credentialSubject: {
        ...credential.credentialSubject,
        result: [{ ...credential.credentialSubject.result[0], value: '99' }],
      },
    };
    const forged = await verify(tampered);
    expect(forged.verified).toBe(false);
    expect(failedChecks(forged)).toEqual(['proof']);

    // The status list is cached by ETag until a revocation changes it.
    const listPath = new URL(credential.credentialStatus.statusListCredential as string).pathname;
    const list = await fetch(`${origin()}${listPath}`);
    const etag = list.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await fetch(`${origin()}${listPath}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    expect(
      (await gql(REVOKE, { id: award.id, r: 'Issued in error.' }, employer.token)).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const revoked = (await ok(REVOKE, { id: award.id, r: 'Assessment misconduct.' }, college.token))
      .revokeAward;
    expect(revoked).toMatchObject({ status: 'REVOKED', revokedReason: 'Assessment misconduct.' });
    const changed = await fetch(`${origin()}${listPath}`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);

    const afterRevocation = await verify(credential);
    expect(afterRevocation.verified).toBe(false);
    expect(failedChecks(afterRevocation)).toEqual(['status']);
    expect(afterRevocation.checks.find((c) => c.name === 'status')!.detail).toMatch(/revoked/);
    // The reason as data too (POST /verify), for an app to word in its reader's language.
    expect(afterRevocation.checks.find((c) => c.name === 'status')).toMatchObject({
      code: 'REVOKED',
      params: {},
    });

    const again = await gql(REVOKE, { id: award.id, r: 'Twice.' }, college.token);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(
      (
        await ok(
          'query($id: ID!) { award(id: $id) { status revokedReason } }',
          { id: award.id },
          college.token,
        )
      ).award,
    ).toEqual({
      status: 'REVOKED',
      revokedReason: 'Assessment misconduct.',
    });
    const revokedPage = await (
      await fetch(`${origin()}/credentials/${award.id}`, { headers: { accept: 'text/html' } })
    ).text();
    expect(revokedPage).toMatch(/Status: <strong>Revoked<\/strong>/);
  });

  it('tells a learner who has an account, in their language, and nobody else', async () => {
    const mailbox = await openMailbox();
    // The learner proves the address (the mail is in French, the account's language); awards reach only a proven address.
    const learner = await withVerifiedEmail(mailbox, await signUp('trust-learner', 'fr')).finally(() =>
      mailbox.close(),
    );
    const bystander = await signUp('trust-bystander');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the notifications directory learns of the verification
    const award = await ok(
      AWARD,
      { i: awardInput({ recipient: { email: learner.email, name: 'Léa Learner' } }) },
      college.token,
    );
    const INBOX =
      '{ unreadNotificationCount notifications(first: 5) { edges { node { type title link } } } }';
    const inbox = await eventually(
      () => ok(INBOX, {}, learner.token),
      (data) => data.unreadNotificationCount > 0 && data.notifications.edges.length > 0,
    );
    expect(inbox.notifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      type: 'credentials.award.issued',
      title: expect.stringMatching(/^Vous avez obtenu «\u00a0.+\u00a0»$/),
      // The app's page of the award (with Verify), not the API's document page (issue 16).
      link: `/public/credentials/${award.awardCredential.id}`,
    });
    expect((await ok(INBOX, {}, bystander.token)).unreadNotificationCount).toBe(0);
  });

  it('refuses a score below the mastery threshold, attempts beyond those allowed, and non-admins, writing nothing', async () => {
    const other = await publishCredential(college, collegeId, employer, employerId, {
      assessment: { masteryThreshold: 75, attemptsAllowed: 1 },
    });
    const input = (overrides: Record<string, unknown>) => ({
      ...awardInput(),
      credentialId: other,
      recipient: { email: 'learner.two@example.org', name: 'Learner Two' },
      ...overrides,
    });

    const below = await gql(AWARD, { i: input({ result: { score: 74.5, attempt: 1 } }) }, college.token);
    expect(codeOf(below)).toBe('FAILED_PRECONDITION');
    expect(below.errors?.[0]?.message).toMatch(/mastery threshold/);

    const beyond = await gql(AWARD, { i: input({ result: { score: 90, attempt: 2 } }) }, college.token);
    expect(codeOf(beyond)).toBe('FAILED_PRECONDITION');
    expect(beyond.errors?.[0]?.message).toMatch(/attempt/);

    expect(
      codeOf(await gql(AWARD, { i: input({ result: { score: 90, attempt: 1 } }) }, employer.token)),
    ).toBe('FORBIDDEN');
    expect(await awardRowCount(other)).toBe(0);

    // The first attempt passes; a second award of the same credential to the same learner is past the one attempt allowed.
    const first = (await ok(AWARD, { i: input({ result: { score: 75, attempt: 1 } }) }, college.token))
      .awardCredential;
    expect(first.status).toBe('ACTIVE');
    await ok(REVOKE, { id: first.id, r: 'Re-assessment requested.' }, college.token);
    const retry = await gql(
      AWARD,
      {
        i: input({
          result: { score: 95, attempt: 1 },
          recipient: { email: 'LEARNER.TWO@Example.org', name: 'Learner Two' },
        }),
      },
      college.token,
    );
    expect(codeOf(retry)).toBe('FAILED_PRECONDITION');
    // One award and its two events (issued, revoked).
    expect(await awardRowCount(other)).toBe(3);
  });
});
