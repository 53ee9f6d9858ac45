// Trust through the gateway, shared credentials: an employer endorses a published credential, an
// umbrella sponsors it, a member college adopts it and awards it in its own name; the public
// credential verifies and embeds the endorsement. Refusals change nothing.
import {
  codeOf,
  createOrganization,
  gql,
  joinUmbrellaAccepted,
  ok,
  origin,
  signUp,
  type Session,
  type Untyped,
} from './support/client';
import { publishCredential } from './support/credentials';

jest.setTimeout(60_000);

const ENDORSE =
  'mutation($c: ID!, $o: ID!, $i: EndorsementInput!) { endorseCredential(credentialId: $c, organizationId: $o, input: $i) { id organization { id } inDemand assessmentReflectsJobPerformance comment withdrawnAt endorsementCredential } }';
const SPONSOR =
  'mutation($c: ID!, $u: ID!) { sponsorCredential(credentialId: $c, umbrellaId: $u) { id umbrella { id } } }';
const ADOPT =
  'mutation($c: ID!, $i: ID!) { adoptSharedCredential(credentialId: $c, institutionId: $i) { id institution { id } umbrella { id } } }';
const AWARD = 'mutation($i: AwardInput!) { awardCredential(input: $i) { id publicUrl status openBadge } }';
const TRUST = `query($id: ID!) { credential(id: $id) {
  endorsements { id organization { id } inDemand assessmentReflectsJobPerformance comment createdAt withdrawnAt }
  sponsorships { umbrella { id } } adoptions { institution { id } umbrella { id } } } }`;
const claims = {
  inDemand: true,
  assessmentReflectsJobPerformance: true,
  comment: 'We hire for this <every> quarter.',
};

/** Rows and outbox events of the trust-sharing tables for one credential. */
async function trustRowCount(credentialId: string): Promise<number> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM "credentials"."endorsements" WHERE "credential_id" = $1)
            + (SELECT count(*) FROM "credentials"."sponsorships" WHERE "credential_id" = $1)
            + (SELECT count(*) FROM "credentials"."adoptions" WHERE "credential_id" = $1)
            + (SELECT count(*) FROM "credentials"."outbox" WHERE "type" LIKE 'credentials.endorsement.%' AND "payload"->>'credentialId' = $1::text) AS n`,
      [credentialId],
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

describe('trust: endorse, sponsor, adopt, award in the adopter name', () => {
  let college: Session;
  let employer: Session;
  let umbrella: Session;
  let adopter: Session;
  let collegeId: string;
  let employerId: string;
  let umbrellaId: string;
  let adopterId: string;

  beforeAll(async () => {
    [college, employer, umbrella, adopter] = await Promise.all([
      signUp('share-college'),
      signUp('share-employer'),
      signUp('share-umbrella'),
      signUp('share-adopter'),
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
    await joinUmbrellaAccepted(adopter, umbrella, umbrellaId, adopterId);
  });

  it('embeds the endorsement in a credential the adopting institution awards, and it verifies', async () => {
    const credentialId = await publishCredential(college, collegeId, employer, employerId);

    const endorsement = (await ok(ENDORSE, { c: credentialId, o: employerId, i: claims }, employer.token))
      .endorseCredential;
    expect(endorsement).toMatchObject({
      organization: { id: employerId },
      inDemand: true,
      assessmentReflectsJobPerformance: true,
      withdrawnAt: null,
    });
    expect(endorsement.endorsementCredential.type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
    expect(endorsement.endorsementCredential.issuer.id).toMatch(new RegExp(`/issuers/${employerId}$`));
    expect(endorsement.endorsementCredential.proof).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022' });

    // The umbrella endorses too, and sponsors: its endorsement travels with the shared credential.
    await ok(
      ENDORSE,
      { c: credentialId, o: umbrellaId, i: { inDemand: true, assessmentReflectsJobPerformance: true } },
      umbrella.token,
    );
    await ok(SPONSOR, { c: credentialId, u: umbrellaId }, umbrella.token);
    // Before adopting, the member institution may not award it.
    const early = await gql(
      AWARD,
      {
        i: {
          credentialId,
          issuerId: adopterId,
          recipient: { email: 'ada@example.org', name: 'Ada' },
          result: { score: 90, attempt: 1 },
        },
      },
      adopter.token,
    );
    expect(codeOf(early)).toBe('FAILED_PRECONDITION');
    const adoption = (await ok(ADOPT, { c: credentialId, i: adopterId }, adopter.token))
      .adoptSharedCredential;
    expect(adoption).toMatchObject({ institution: { id: adopterId }, umbrella: { id: umbrellaId } });

    const trust = (await ok(TRUST, { id: credentialId }, employer.token)).credential;
    expect(trust.endorsements.map((e: { organization: { id: string } }) => e.organization.id)).toEqual([
      employerId,
      umbrellaId,
    ]);
    expect(trust.endorsements[0]).toMatchObject({
      comment: 'We hire for this <every> quarter.',
      withdrawnAt: null,
    });
    expect(trust.sponsorships).toEqual([{ umbrella: { id: umbrellaId } }]);
    expect(trust.adoptions).toEqual([{ institution: { id: adopterId }, umbrella: { id: umbrellaId } }]);

    const award = (
      await ok(
        AWARD,
        {
          i: {
            credentialId,
            issuerId: adopterId,
            recipient: { email: 'ada@example.org', name: 'Ada' },
            result: { score: 90, attempt: 1 },
          },
        },
        adopter.token,
      )
    ).awardCredential;
    const fetched = await fetch(`${origin()}/credentials/${award.id}`);
    expect(fetched.status).toBe(200);
    const credential = (await fetched.json()) as Record<string, Untyped>;
    expect(credential.issuer.id).toMatch(new RegExp(`/issuers/${adopterId}$`));
    const embedded = credential.credentialSubject.achievement.endorsement as Array<Record<string, Untyped>>;
    expect(embedded.map((e) => e.issuer.id)).toEqual([
      expect.stringMatching(new RegExp(`/issuers/${employerId}$`)),
      expect.stringMatching(new RegExp(`/issuers/${umbrellaId}$`)),
    ]);
    expect(embedded[0]!.credentialSubject.endorsementComment).toMatch(
      /in demand.*reflects job performance.*We hire for this <every> quarter\./s,
    );

    // A browser's page lists the endorsers by the NAICS sector of their organization (identity's, when they endorsed).
    const page = await (
      await fetch(`${origin()}/credentials/${award.id}`, { headers: { accept: 'text/html' } })
    ).text();
    expect(page).toContain(
      '<h2>Endorsed by</h2>\n<h3>Manufacturing (NAICS 31-33)</h3>\n<ul><li>Maple Machining</li></ul>\n<h3>Sector not stated</h3>\n<ul><li>Colleges of the North</li></ul>',
    );
    const bySector = (
      await ok(
        'query($id: ID!) { credential(id: $id) { endorsementsBySector { sector name endorsements { organization { id } } } } }',
        { id: credentialId },
        college.token,
      )
    ).credential.endorsementsBySector;
    expect(bySector).toEqual([
      { sector: '31-33', name: 'Manufacturing', endorsements: [{ organization: { id: employerId } }] },
      { sector: null, name: 'Sector not stated', endorsements: [{ organization: { id: umbrellaId } }] },
    ]);

    const verify = async (document: unknown) =>
      (await (
        await fetch(`${origin()}/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(document),
        })
      ).json()) as { verified: boolean };
    expect((await verify(credential)).verified).toBe(true);
    // The embedded endorsement verifies on its own, against the endorser's published key.
    expect((await verify(embedded[0])).verified).toBe(true);

    // Withdrawn, it is no longer embedded in credentials awarded afterwards.
    const withdrawn = (
      await ok(
        'mutation($id: ID!) { withdrawEndorsement(id: $id) { withdrawnAt } }',
        { id: endorsement.id },
        employer.token,
      )
    ).withdrawEndorsement;
    expect(withdrawn.withdrawnAt).toBeTruthy();
    expect(
      codeOf(
        await gql(
          'mutation($id: ID!) { withdrawEndorsement(id: $id) { id } }',
          { id: endorsement.id },
          employer.token,
        ),
      ),
    ).toBe('CONFLICT');
    const later = (
      await ok(
        AWARD,
        {
          i: {
            credentialId,
            issuerId: collegeId,
            recipient: { email: 'bo@example.org', name: 'Bo' },
            result: { score: 80, attempt: 1 },
          },
        },
        college.token,
      )
    ).awardCredential;
    expect(
      (later.openBadge.credentialSubject.achievement.endorsement as Array<Record<string, Untyped>>).map(
        (e) => e.issuer.id,
      ),
    ).toEqual([expect.stringMatching(new RegExp(`/issuers/${umbrellaId}$`))]);
  });

  it('refuses endorsing as a stranger or twice, adopting an unshared credential or from outside the umbrella, changing nothing', async () => {
    const credentialId = await publishCredential(college, collegeId, employer, employerId);

    // Endorsing as an organization you do not belong to.
    expect(codeOf(await gql(ENDORSE, { c: credentialId, o: employerId, i: claims }, umbrella.token))).toBe(
      'FORBIDDEN',
    );
    expect(await trustRowCount(credentialId)).toBe(0);

    // Endorsing twice.
    await ok(ENDORSE, { c: credentialId, o: employerId, i: claims }, employer.token);
    expect(await trustRowCount(credentialId)).toBe(2); // the endorsement and its event
    expect(codeOf(await gql(ENDORSE, { c: credentialId, o: employerId, i: claims }, employer.token))).toBe(
      'CONFLICT',
    );
    expect(await trustRowCount(credentialId)).toBe(2);

    // Adopting a credential no umbrella sponsors.
    const unshared = await gql(ADOPT, { c: credentialId, i: adopterId }, adopter.token);
    expect(codeOf(unshared)).toBe('FAILED_PRECONDITION');
    expect(unshared.errors?.[0]?.message).toMatch(/not shared/);
    expect(await trustRowCount(credentialId)).toBe(2);

    // Sponsored by an umbrella the institution does not belong to.
    const [otherUmbrella, outsider] = await Promise.all([
      signUp('share-umbrella2'),
      signUp('share-outsider'),
    ]);
    const otherUmbrellaId = await createOrganization(otherUmbrella, {
      name: 'Colleges of the South',
      kind: 'UMBRELLA',
      size: 'SMALL',
    });
    const outsiderId = await createOrganization(outsider, {
      name: 'Riverside College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON',
    });
    await ok(SPONSOR, { c: credentialId, u: otherUmbrellaId }, otherUmbrella.token);
    expect(codeOf(await gql(SPONSOR, { c: credentialId, u: otherUmbrellaId }, otherUmbrella.token))).toBe(
      'CONFLICT',
    );
    expect(await trustRowCount(credentialId)).toBe(3);
    expect(codeOf(await gql(ADOPT, { c: credentialId, i: outsiderId }, outsider.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(ADOPT, { c: credentialId, i: adopterId }, adopter.token))).toBe('FORBIDDEN');
    expect(await trustRowCount(credentialId)).toBe(3);
    expect((await ok(TRUST, { id: credentialId }, outsider.token)).credential.adoptions).toEqual([]);
  });
});
