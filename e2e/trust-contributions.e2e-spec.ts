// Trust through the gateway, contributions to a shared credential: after an employer endorses, an
// umbrella sponsors, a member college adopts and both colleges award (one award revoked), the
// sponsor sees who designed, reviewed, endorsed, adopted and issued how many; a stranger may not.
import {
  codeOf,
  createOrganization,
  gql,
  joinUmbrellaAccepted,
  ok,
  signUp,
  type Session,
} from './support/client';
import { publishCredential } from './support/credentials';

jest.setTimeout(60_000);

const ENDORSE =
  'mutation($c: ID!, $o: ID!, $i: EndorsementInput!) { endorseCredential(credentialId: $c, organizationId: $o, input: $i) { id } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawEndorsement(id: $id) { withdrawnAt } }';
const SPONSOR = 'mutation($c: ID!, $u: ID!) { sponsorCredential(credentialId: $c, umbrellaId: $u) { id } }';
const ADOPT =
  'mutation($c: ID!, $i: ID!) { adoptSharedCredential(credentialId: $c, institutionId: $i) { id } }';
const AWARD = 'mutation($i: AwardInput!) { awardCredential(input: $i) { id } }';
const REVOKE = 'mutation($id: ID!, $r: String!) { revokeAward(id: $id, reason: $r) { status } }';
const CONTRIBUTIONS = `query($id: ID!) { credential(id: $id) { contributions {
  designers { organization { id } isIssuer versionsAuthored }
  reviewers { organization { id } approvals lastApprovedAt }
  endorsers { organization { id } endorsedAt withdrawn withdrawnAt }
  sponsors { organization { id } since }
  adopters { organization { id } umbrella { id } since }
  issuers { organization { id } active revoked } } } }`;
const claims = { inDemand: true, assessmentReflectsJobPerformance: true };

describe('trust: contributions to a shared credential', () => {
  let college: Session;
  let employer: Session;
  let umbrella: Session;
  let adopter: Session;
  let stranger: Session;
  let collegeId: string;
  let employerId: string;
  let umbrellaId: string;
  let adopterId: string;
  let credentialId: string;

  beforeAll(async () => {
    [college, employer, umbrella, adopter, stranger] = await Promise.all([
      signUp('contrib-college'),
      signUp('contrib-employer'),
      signUp('contrib-umbrella'),
      signUp('contrib-adopter'),
      signUp('contrib-stranger'),
    ]);
    collegeId = await createOrganization(college, {
      name: 'Northern Lights College',
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
    umbrellaId = await createOrganization(umbrella, {
      name: 'Colleges of the North',
      kind: 'UMBRELLA',
      size: 'SMALL',
    });
    adopterId = await createOrganization(adopter, {
      name: 'Lakeshore College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
    });
    await createOrganization(stranger, {
      name: 'Faraway Staffing',
      kind: 'EMPLOYER',
      size: 'SMALL',
      sector: '561',
    });
    await joinUmbrellaAccepted(adopter, umbrella, umbrellaId, adopterId);

    credentialId = await publishCredential(college, collegeId, employer, employerId);
    const endorsement = (await ok(ENDORSE, { c: credentialId, o: employerId, i: claims }, employer.token))
      .endorseCredential;
    await ok(ENDORSE, { c: credentialId, o: umbrellaId, i: claims }, umbrella.token);
    await ok(WITHDRAW, { id: endorsement.id }, employer.token);
    await ok(SPONSOR, { c: credentialId, u: umbrellaId }, umbrella.token);
    await ok(ADOPT, { c: credentialId, i: adopterId }, adopter.token);

    const award = (issuerId: string, session: Session, name: string) =>
      ok(
        AWARD,
        {
          i: {
            credentialId,
            issuerId,
            recipient: { email: `${name.toLowerCase()}@example.org`, name },
            result: { score: 90, attempt: 1 },
          },
        },
        session.token,
      );
    await award(collegeId, college, 'Ada');
    await award(collegeId, college, 'Bo');
    await award(adopterId, adopter, 'Cy');
    const revoked = (await award(adopterId, adopter, 'Di')).awardCredential;
    await ok(REVOKE, { id: revoked.id, r: 'Issued in error.' }, adopter.token);
  });

  it('shows the sponsor who designed, reviewed, endorsed, adopted and issued how many', async () => {
    const contributions = (await ok(CONTRIBUTIONS, { id: credentialId }, umbrella.token)).credential
      .contributions;
    expect(contributions.designers).toEqual([
      { organization: { id: collegeId }, isIssuer: true, versionsAuthored: 2 },
      { organization: { id: employerId }, isIssuer: false, versionsAuthored: 0 },
    ]);
    expect(contributions.reviewers).toEqual([
      { organization: { id: collegeId }, approvals: 1, lastApprovedAt: expect.any(String) },
      { organization: { id: employerId }, approvals: 1, lastApprovedAt: expect.any(String) },
    ]);
    expect(contributions.endorsers).toEqual([
      {
        organization: { id: employerId },
        endorsedAt: expect.any(String),
        withdrawn: true,
        withdrawnAt: expect.any(String),
      },
      {
        organization: { id: umbrellaId },
        endorsedAt: expect.any(String),
        withdrawn: false,
        withdrawnAt: null,
      },
    ]);
    expect(contributions.sponsors).toEqual([{ organization: { id: umbrellaId }, since: expect.any(String) }]);
    expect(contributions.adopters).toEqual([
      { organization: { id: adopterId }, umbrella: { id: umbrellaId }, since: expect.any(String) },
    ]);
    expect(contributions.issuers).toEqual([
      { organization: { id: collegeId }, active: 2, revoked: 0 },
      { organization: { id: adopterId }, active: 1, revoked: 1 },
    ]);
  });

  it('is visible to the issuer, a partner and an adopter, and FORBIDDEN to an unrelated organization', async () => {
    for (const session of [college, employer, adopter]) {
      const seen = (await ok(CONTRIBUTIONS, { id: credentialId }, session.token)).credential.contributions;
      expect(seen.issuers).toHaveLength(2);
    }
    const refused = await gql(CONTRIBUTIONS, { id: credentialId }, stranger.token);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.data?.credential ?? null).toBeNull();
  });
});
