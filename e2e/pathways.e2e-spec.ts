// Pathways and recognition through the gateway: an institution stacks published credentials from
// two institutions into a larger credential of its own; a learner sees their progress; completing
// the pathway lets the institution award the larger credential, which verifies and names the
// contributing awards. Another institution recognizes a credential for credit. Every refusal is
// typed and changes nothing.
import { codeOf, createOrganization, gql, ok, signUp, type Session } from './support/client';
import { publishCredential, verifyOverHttp } from './support/credentials';
import { openMailbox, withVerifiedEmail, type Mailbox } from './support/mailbox';

jest.setTimeout(120_000);

const AWARD = 'mutation($i: AwardInput!) { awardCredential(input: $i) { id publicUrl } }';
const DEFINE = `mutation($o: ID!, $i: PathwayInput!) { definePathway(ownerId: $o, input: $i) {
  id title rule requiredCount ordered owner { id } target { id title } steps { position minScore credential { id title } } } }`;
const PROGRESS =
  '{ myPathwayProgress { pathway { id title } earned required complete steps { status credential { id } } } }';
const RECOGNIZE = `mutation($i: RecognitionInput!) { recognizeCredential(input: $i) {
  id institution { id } credential { id } pathway { id } creditAmount creditUnit conditions } }`;
const AWARD_PATHWAY =
  'mutation($i: PathwayAwardInput!) { awardPathwayCredential(input: $i) { id publicUrl openBadge } }';

async function countRows(): Promise<number> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM "credentials"."pathways") + (SELECT count(*) FROM "credentials"."pathway_members")
            + (SELECT count(*) FROM "credentials"."recognitions") + (SELECT count(*) FROM "credentials"."awards") AS n`,
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

describe('pathways: stacking credentials across institutions', () => {
  let mailbox: Mailbox;
  let north: Session;
  let lake: Session;
  let employer: Session;
  let learner: Session;
  let northId: string;
  let lakeId: string;
  let employerId: string;
  let safety: string;
  let blueprint: string;
  let lakeWelding: string;
  let diploma: string;
  let pathwayId: string;
  const award = async (college: Session, issuerId: string, credentialId: string, score = 90) =>
    ok(
      AWARD,
      {
        i: {
          credentialId,
          issuerId,
          recipient: { email: learner.email, name: 'Robin Learner' },
          result: { score, attempt: 1 },
        },
      },
      college.token,
    );

  afterAll(async () => {
    await mailbox.close();
  });

  beforeAll(async () => {
    mailbox = await openMailbox();
    [north, lake, employer, learner] = await Promise.all([
      signUp('path-north'),
      signUp('path-lake'),
      signUp('path-employer'),
      signUp('path-learner'),
    ]);
    learner = await withVerifiedEmail(mailbox, learner);
    northId = await createOrganization(north, {
      name: 'Pathway North College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    lakeId = await createOrganization(lake, {
      name: 'Pathway Lake College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
    });
    employerId = await createOrganization(employer, {
      name: 'Pathway Fabrication',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '332',
    });
    safety = await publishCredential(north, northId, employer, employerId, { title: 'Shop safety' });
    blueprint = await publishCredential(north, northId, employer, employerId, { title: 'Blueprint reading' });
    lakeWelding = await publishCredential(lake, lakeId, employer, employerId, {
      title: 'Welding fundamentals',
    });
    diploma = await publishCredential(north, northId, employer, employerId, {
      title: 'Fabrication certificate',
      content: { hours: 120 },
    });
  });

  it('defines a pathway across two institutions, public to read', async () => {
    const defined = (
      await ok(
        DEFINE,
        {
          o: northId,
          i: {
            title: 'Fabrication certificate',
            rule: 'ALL_OF',
            steps: [
              { credentialId: safety },
              { credentialId: blueprint, minScore: 90 },
              { credentialId: lakeWelding },
            ],
            targetCredentialId: diploma,
          },
        },
        north.token,
      )
    ).definePathway;
    pathwayId = defined.id;
    expect(defined).toMatchObject({
      rule: 'ALL_OF',
      requiredCount: 3,
      ordered: false,
      owner: { id: northId },
      target: { id: diploma },
    });
    expect(defined.steps.map((s: { credential: { id: string } }) => s.credential.id)).toEqual([
      safety,
      blueprint,
      lakeWelding,
    ]);
    expect(defined.steps[1].minScore).toBe(90);

    // Where does Lake's credential count? Anyone may ask.
    const where = (
      await ok('query($c: ID!) { pathways(credentialId: $c) { id title owner { id } } }', { c: lakeWelding })
    ).pathways;
    expect(where).toEqual([{ id: pathwayId, title: 'Fabrication certificate', owner: { id: northId } }]);
    expect(
      (await ok('query($id: ID!) { pathway(id: $id) { id steps { position } } }', { id: pathwayId })).pathway
        .steps,
    ).toHaveLength(3);
  });

  it('shows the learner 2/3, then complete; the larger credential is awarded with its steps as evidence and verifies', async () => {
    await award(north, northId, safety);
    await award(north, northId, blueprint, 95);
    let [progress] = (await ok(PROGRESS, {}, learner.token)).myPathwayProgress;
    expect(progress).toMatchObject({ pathway: { id: pathwayId }, earned: 2, required: 3, complete: false });
    expect(progress.steps.map((s: { status: string }) => s.status)).toEqual([
      'EARNED',
      'EARNED',
      'NOT_EARNED',
    ]);

    const early = await gql(
      AWARD_PATHWAY,
      {
        i: {
          pathwayId,
          issuerId: northId,
          recipient: { email: learner.email, name: 'Robin Learner' },
          result: { score: 90, attempt: 1 },
        },
      },
      north.token,
    );
    expect(codeOf(early)).toBe('FAILED_PRECONDITION');

    await award(lake, lakeId, lakeWelding);
    [progress] = (await ok(PROGRESS, {}, learner.token)).myPathwayProgress;
    expect(progress).toMatchObject({ earned: 3, required: 3, complete: true });

    const larger = (
      await ok(
        AWARD_PATHWAY,
        {
          i: {
            pathwayId,
            issuerId: northId,
            recipient: { email: learner.email, name: 'Robin Learner' },
            result: { score: 90, attempt: 1 },
          },
        },
        north.token,
      )
    ).awardPathwayCredential;
    const evidence = larger.openBadge.evidence as { id?: string; narrative?: string }[];
    expect(evidence).toHaveLength(3);
    expect(evidence.every((e) => /\/credentials\/[0-9a-f-]{36}$/.test(e.id ?? ''))).toBe(true);
    const report = await verifyOverHttp(larger.openBadge);
    expect(report.verified).toBe(true);
  });

  it('does not count a score below a step’s minimum', async () => {
    const other = await withVerifiedEmail(mailbox, await signUp('path-other'));
    await ok(
      AWARD,
      {
        i: {
          credentialId: blueprint,
          issuerId: northId,
          recipient: { email: other.email, name: 'Other' },
          result: { score: 85, attempt: 1 },
        },
      },
      north.token,
    );
    const [progress] = (await ok(PROGRESS, {}, other.token)).myPathwayProgress;
    expect(progress.steps.map((s: { status: string }) => s.status)).toEqual([
      'NOT_EARNED',
      'SCORE_BELOW_MINIMUM',
      'NOT_EARNED',
    ]);
  });

  it('records recognition across institutions, public to read', async () => {
    const lakePath = (
      await ok(
        DEFINE,
        {
          o: lakeId,
          i: {
            title: 'Lake welding path',
            rule: 'N_OF',
            requiredCount: 1,
            steps: [{ credentialId: lakeWelding }],
          },
        },
        lake.token,
      )
    ).definePathway.id;
    const recognized = (
      await ok(
        RECOGNIZE,
        {
          i: {
            institutionId: lakeId,
            credentialId: safety,
            pathwayId: lakePath,
            creditAmount: 3,
            creditUnit: 'credit hours',
            conditions: 'Within five years.',
          },
        },
        lake.token,
      )
    ).recognizeCredential;
    expect(recognized).toMatchObject({
      institution: { id: lakeId },
      credential: { id: safety },
      pathway: { id: lakePath },
      creditAmount: 3,
      creditUnit: 'credit hours',
    });
    const listed = (
      await ok('query($c: ID!) { recognitions(credentialId: $c) { id institution { id } creditAmount } }', {
        c: safety,
      })
    ).recognitions;
    expect(listed).toEqual([{ id: recognized.id, institution: { id: lakeId }, creditAmount: 3 }]);
    const again = await gql(
      RECOGNIZE,
      {
        i: {
          institutionId: lakeId,
          credentialId: safety,
          pathwayId: lakePath,
          creditAmount: 3,
          creditUnit: 'credit hours',
        },
      },
      lake.token,
    );
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('refuses bad definitions and recognitions, changing nothing', async () => {
    const before = await countRows();
    const define = async (session: Session, ownerId: string, input: Record<string, unknown>) =>
      codeOf(await gql(DEFINE, { o: ownerId, i: { title: 'Bad', rule: 'ALL_OF', ...input } }, session.token));
    // A cycle: the certificate would stack into one of its own steps' pathway.
    expect(
      await define(north, northId, { steps: [{ credentialId: diploma }], targetCredentialId: safety }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await define(north, northId, { steps: [{ credentialId: safety }], targetCredentialId: safety }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await define(north, northId, { steps: [{ credentialId: '00000000-0000-4000-8000-000000000099' }] }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await define(north, northId, { steps: [{ credentialId: safety }, { credentialId: safety }] }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await define(north, northId, { rule: 'N_OF', requiredCount: 3, steps: [{ credentialId: safety }] }),
    ).toBe('BAD_USER_INPUT');
    expect(await define(north, northId, { steps: [{ credentialId: safety, minScore: 120 }] })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await define(north, northId, { steps: [] })).toBe('BAD_USER_INPUT');
    expect(
      await define(lake, lakeId, { steps: [{ credentialId: safety }], targetCredentialId: diploma }),
    ).toBe('FORBIDDEN');
    expect(await define(lake, northId, { steps: [{ credentialId: safety }] })).toBe('FORBIDDEN');
    expect(await define(employer, employerId, { steps: [{ credentialId: safety }] })).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await gql(DEFINE, {
          o: northId,
          i: { title: 'Anon', rule: 'ALL_OF', steps: [{ credentialId: safety }] },
        }),
      ),
    ).toBe('UNAUTHENTICATED');

    const recognize = async (session: Session, input: Record<string, unknown>) =>
      codeOf(await gql(RECOGNIZE, { i: input }, session.token));
    expect(
      await recognize(north, {
        institutionId: northId,
        credentialId: safety,
        creditAmount: 3,
        creditUnit: 'credits',
      }),
    ).toBe('BAD_USER_INPUT');
    expect(await recognize(lake, { institutionId: lakeId, credentialId: safety, pathwayId })).toBe(
      'FORBIDDEN',
    );
    expect(await recognize(lake, { institutionId: lakeId, credentialId: blueprint })).toBe('BAD_USER_INPUT');
    expect(
      await recognize(lake, {
        institutionId: lakeId,
        credentialId: blueprint,
        creditAmount: -1,
        creditUnit: 'credits',
      }),
    ).toBe('BAD_USER_INPUT');
    expect(await recognize(lake, { institutionId: lakeId, credentialId: blueprint, creditAmount: 2 })).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await recognize(north, {
        institutionId: lakeId,
        credentialId: blueprint,
        creditAmount: 2,
        creditUnit: 'credits',
      }),
    ).toBe('FORBIDDEN');
    expect(codeOf(await gql('query { pathways { id } }'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql('query { pathways(ownerId: "nope") { id } }'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(PROGRESS))).toBe('UNAUTHENTICATED');
    expect(await countRows()).toBe(before);
  });
});
