// Key rotation through the gateway: an issuer's admin rotates its key; credentials issued before
// keep verifying with the retired key (still published), new ones are signed with the new key,
// revocation after rotation still shows (the status list is re-signed with the new key). A mere
// member or another organization cannot rotate, and a refused rotation changes nothing.
import {
  codeOf,
  createOrganization,
  gql,
  inviteAndAccept,
  ok,
  origin,
  signUp,
  type Session,
} from './support/client';
import { failedChecks, publishCredential, verifyOverHttp } from './support/credentials';

jest.setTimeout(60_000);

const AWARD = 'mutation($i: AwardInput!) { awardCredential(input: $i) { id openBadge } }';
const ROTATE =
  'mutation($o: ID!) { rotateIssuerKey(organizationId: $o) { id sequence publicKeyMultibase createdAt previousKeyId } }';

describe('trust: issuer key rotation', () => {
  let college: Session;
  let employer: Session;
  let member: Session;
  let collegeId: string;
  let employerId: string;
  let credentialId: string;
  const profile = async () =>
    (await (await fetch(`${origin()}/issuers/${collegeId}`)).json()) as {
      assertionMethod: string[];
      verificationMethod: { id: string }[];
    };
  const award = async (email: string) =>
    (
      await ok(
        AWARD,
        {
          i: {
            credentialId,
            issuerId: collegeId,
            recipient: { email, name: 'Rotation Learner' },
            result: { score: 91, attempt: 1 },
          },
        },
        college.token,
      )
    ).awardCredential as {
      id: string;
      openBadge: { proof: { verificationMethod: string } };
    };

  beforeAll(async () => {
    [college, employer, member] = await Promise.all([
      signUp('rotate-college'),
      signUp('rotate-employer'),
      signUp('rotate-member'),
    ]);
    collegeId = await createOrganization(college, {
      name: 'Rotation College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
    });
    employerId = await createOrganization(employer, {
      name: 'Rotation Robotics',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '333',
    });
    await inviteAndAccept(college, collegeId, member, 'MEMBER');
    credentialId = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Rotation robotics',
    });
  });

  it('signs new credentials with the new key while the old ones keep verifying, revocation included', async () => {
    const before = await award('before.rotation@example.org');
    expect(before.openBadge.proof.verificationMethod).toMatch(/#key-1$/);

    const rotated = (await ok(ROTATE, { o: collegeId }, college.token)).rotateIssuerKey;
    expect(rotated).toMatchObject({ sequence: 2, previousKeyId: before.openBadge.proof.verificationMethod });
    expect(rotated.id).toMatch(new RegExp(`/issuers/${collegeId}#key-2$`));
    const published = await profile();
    expect(published.verificationMethod.map((m) => m.id)).toEqual([
      before.openBadge.proof.verificationMethod,
      rotated.id,
    ]);

    const after = await award('after.rotation@example.org');
    expect(after.openBadge.proof.verificationMethod).toBe(rotated.id);
    expect((await verifyOverHttp(before.openBadge)).verified).toBe(true);
    expect((await verifyOverHttp(after.openBadge)).verified).toBe(true);

    // Revoking an old award re-signs the status list with the new key; verifiers see it revoked.
    await ok(
      'mutation($id: ID!) { revokeAward(id: $id, reason: "Assessment voided.") { status } }',
      { id: before.id },
      college.token,
    );
    const report = await verifyOverHttp(before.openBadge);
    expect(failedChecks(report)).toEqual(['status']);
    expect((await verifyOverHttp(after.openBadge)).verified).toBe(true);
  });

  it('refuses members, other organizations, unknown ids and issuers without a key, changing nothing', async () => {
    const keysBefore = (await profile()).verificationMethod.length;
    expect(codeOf(await gql(ROTATE, { o: collegeId }, member.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(ROTATE, { o: collegeId }, employer.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(ROTATE, { o: 'not-an-id' }, college.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(ROTATE, { o: collegeId }))).toBe('UNAUTHENTICATED');
    expect((await profile()).verificationMethod.length).toBe(keysBefore);

    // The employer never signed anything: nothing to rotate.
    const none = await gql(ROTATE, { o: employerId }, employer.token);
    expect(codeOf(none)).toBe('FAILED_PRECONDITION');
    expect(none.errors?.[0]?.extensions?.['reason']).toBe('CREDENTIALS.NO_ISSUER_KEY');
    expect((await fetch(`${origin()}/issuers/${employerId}`)).status).toBe(404);
  });
});
