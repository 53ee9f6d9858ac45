// Learners and issuer staff through the gateway: a learner sees the awards addressed to their
// account's e-mail (myAwards) and exports them as a signed CLR 2.0 transcript that verifies, by
// GraphQL and POST /verify, and stops verifying when an embedded credential is tampered with; issuer
// staff list their awards by credential and status (awards) and revoke from there. Others see nothing.
import {
  codeOf,
  createOrganization,
  gql,
  ok,
  origin,
  signUp,
  type Session,
  type Untyped,
} from './support/client';
import { failedChecks, publishCredential, verifyOverHttp } from './support/credentials';
import { openMailbox, withVerifiedEmail, type Mailbox } from './support/mailbox';

jest.setTimeout(90_000);

const AWARD = 'mutation($i: AwardInput!) { awardCredential(input: $i) { id status } }';
const MY_AWARDS =
  'query($first: Int, $after: String) { myAwards(first: $first, after: $after) { totalCount edges { node { id status credentialId recipientName } } pageInfo { hasNextPage endCursor } } }';
const AWARDS =
  'query($f: AwardFilter, $first: Int) { awards(filter: $f, first: $first) { totalCount edges { node { id status credentialId issuer { id } recipientName } } pageInfo { hasNextPage endCursor } } }';
const VERIFY =
  'query($c: JSON!) { verifyCredential(credential: $c) { verified checks { name passed detail } } }';

describe('trust: transcripts and award lists', () => {
  let college: Session;
  let employer: Session;
  let learner: Session;
  let stranger: Session;
  let collegeId: string;
  let credentials: string[];
  const awardIds: string[] = [];
  let mailbox: Mailbox;

  afterAll(async () => {
    await mailbox.close();
  });

  beforeAll(async () => {
    mailbox = await openMailbox();
    [college, employer, learner, stranger] = await Promise.all([
      signUp('clr-college'),
      signUp('clr-employer'),
      signUp('clr-learner'),
      signUp('clr-stranger'),
    ]);
    // Awards are found by a proven address only.
    [learner, stranger] = await Promise.all([
      withVerifiedEmail(mailbox, learner),
      withVerifiedEmail(mailbox, stranger),
    ]);
    collegeId = await createOrganization(college, {
      name: 'Transcript College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
    });
    const employerId = await createOrganization(employer, {
      name: 'Transcript Tooling',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '333',
    });
    credentials = [
      await publishCredential(college, collegeId, employer, employerId, { title: 'Transcript welding' }),
      await publishCredential(college, collegeId, employer, employerId, {
        title: 'Transcript blueprint reading',
      }),
    ];
    for (const credentialId of credentials) {
      // Addressed to the learner's account e-mail, in another case: e-mails compare case-insensitively.
      const recipient = { email: learner.email.toUpperCase(), name: 'Casey Learner' };
      awardIds.push(
        (
          await ok(
            AWARD,
            { i: { credentialId, issuerId: collegeId, recipient, result: { score: 90, attempt: 1 } } },
            college.token,
          )
        ).awardCredential.id,
      );
    }
    await ok(
      AWARD,
      {
        i: {
          credentialId: credentials[0],
          issuerId: collegeId,
          recipient: { email: 'someone.else@example.org', name: 'Someone Else' },
          result: { score: 88, attempt: 1 },
        },
      },
      college.token,
    );
  });

  it('shows a learner the awards addressed to them, and nobody else’s, paged', async () => {
    const first = (await ok(MY_AWARDS, { first: 1 }, learner.token)).myAwards;
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await ok(MY_AWARDS, { first: 1, after: first.pageInfo.endCursor }, learner.token))
      .myAwards;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((e: Untyped) => e.node.id).sort()).toEqual(
      [...awardIds].sort(),
    );
    expect((await ok(MY_AWARDS, {}, stranger.token)).myAwards.totalCount).toBe(0);
  });

  it('exports a signed CLR 2.0 transcript that verifies, and fails when an embedded credential is tampered with', async () => {
    const transcript = (await ok('{ myTranscript }', {}, learner.token)).myTranscript as Record<
      string,
      Untyped
    >;
    expect(transcript.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(transcript['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(transcript.credentialSubject.verifiableCredential.map((c: Untyped) => c.id).sort()).toEqual(
      awardIds.map((id) => `${origin()}/credentials/${id}`).sort(),
    );
    expect(JSON.stringify(transcript)).not.toContain(learner.email);
    expect(transcript.proof).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022' });

    // Lattice's transcript key is published like any issuer's.
    const issuer = await fetch(transcript.issuer.id.replace(/^https?:\/\/[^/]+/, origin()));
    expect(issuer.status).toBe(200);

    const verified = (await ok(VERIFY, { c: transcript }, learner.token)).verifyCredential;
    expect(verified.verified).toBe(true);
    expect(verified.checks.map((c: Untyped) => c.name)).toEqual([
      'schema',
      'dates',
      'issuerKey',
      'proof',
      'status',
      'credentials',
    ]);

    const tampered = structuredClone(transcript);
    tampered.credentialSubject.verifiableCredential[0].credentialSubject.result[0].value = '100';
    const report = await verifyOverHttp(tampered);
    expect(report.verified).toBe(false);
    expect(failedChecks(report)).toEqual(['proof', 'credentials']);
    expect(report.checks.find((c) => c.name === 'credentials')!.detail).toMatch(/credential 0 .*proof/);
  });

  it('refuses a transcript to someone with no award, with a typed error', async () => {
    const result = await gql('{ myTranscript }', {}, stranger.token);
    expect(codeOf(result)).toBe('FAILED_PRECONDITION');
    expect(result.errors?.[0]?.extensions?.['reason']).toBe('CREDENTIALS.TRANSCRIPT_EMPTY');
  });

  it('lists the issuer’s awards by credential and status for its staff, and leaves revoked awards out of the next transcript', async () => {
    const all = (await ok(AWARDS, { f: { issuerId: collegeId } }, college.token)).awards;
    expect(all.totalCount).toBe(3);
    const ofFirst = (
      await ok(AWARDS, { f: { issuerId: collegeId, credentialId: credentials[0] } }, college.token)
    ).awards;
    expect(ofFirst.edges.map((e: Untyped) => e.node.recipientName).sort()).toEqual([
      'Casey Learner',
      'Someone Else',
    ]);
    // Without an issuer: every organization the caller belongs to.
    expect((await ok(AWARDS, {}, college.token)).awards.totalCount).toBe(3);

    await ok(
      'mutation($id: ID!) { revokeAward(id: $id, reason: "Issued in error.") { status } }',
      { id: awardIds[0] },
      college.token,
    );
    const revoked = (await ok(AWARDS, { f: { issuerId: collegeId, status: 'REVOKED' } }, college.token))
      .awards;
    expect(revoked.edges.map((e: Untyped) => e.node.id)).toEqual([awardIds[0]]);
    expect(
      (await ok(AWARDS, { f: { issuerId: collegeId, status: 'ACTIVE' } }, college.token)).awards.totalCount,
    ).toBe(2);

    const transcript = (await ok('{ myTranscript }', {}, learner.token)).myTranscript as Record<
      string,
      Untyped
    >;
    expect(transcript.credentialSubject.verifiableCredential.map((c: Untyped) => c.id)).toEqual([
      `${origin()}/credentials/${awardIds[1]}`,
    ]);
    expect(
      (await ok(MY_AWARDS, {}, learner.token)).myAwards.edges.find((e: Untyped) => e.node.id === awardIds[0])
        .node.status,
    ).toBe('REVOKED');
  });

  it('refuses another organization’s award list and bad filters, with typed errors', async () => {
    expect(codeOf(await gql(AWARDS, { f: { issuerId: collegeId } }, employer.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(AWARDS, { f: { status: 'LOST' } }, college.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(AWARDS, { f: { credentialId: 'not-a-uuid' } }, college.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await gql(AWARDS, { first: 0 }, college.token))).toBe('BAD_USER_INPUT');
    // The same validation for the published credentials' filter (it used to reach SQL and fail as an internal error).
    expect(
      codeOf(
        await gql(
          'query($f: CredentialFilter) { credentials(filter: $f) { totalCount } }',
          { f: { issuerId: 'not-a-uuid' } },
          college.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(MY_AWARDS, {}))).toBe('UNAUTHENTICATED');
  });
});
