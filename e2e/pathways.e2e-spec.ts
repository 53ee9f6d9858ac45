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

async function database<T>(work: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

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

  it('checks completion inside the award: a revocation racing it wins or waits, never slips between', async () => {
    const email = `race-${Date.now()}@example.org`;
    const give = async (college: Session, issuerId: string, credentialId: string) =>
      (
        await ok(
          AWARD,
          {
            i: {
              credentialId,
              issuerId,
              recipient: { email, name: 'Race Learner' },
              result: { score: 95, attempt: 1 },
            },
          },
          college.token,
        )
      ).awardCredential.id as string;
    const first = await give(north, northId, safety);
    await give(north, northId, blueprint);
    await give(lake, lakeId, lakeWelding);
    const { Client } = await import('pg');
    const revoker = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
    await revoker.connect();
    try {
      // A revocation of one step's award, not yet committed, holds that award's row.
      await revoker.query('BEGIN');
      await revoker.query(
        `UPDATE "credentials"."awards" SET "status" = 'REVOKED', "revoked_reason" = 'Race', "revoked_at" = now(), "revoked_by" = "awarded_by" WHERE "id" = $1`,
        [first],
      );
      let settled = false;
      const racing = gql(
        AWARD_PATHWAY,
        {
          i: {
            pathwayId,
            issuerId: northId,
            recipient: { email, name: 'Race Learner' },
            result: { score: 90, attempt: 1 },
          },
        },
        north.token,
      ).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // The pathway award waits for the revocation instead of reading the award as still standing.
      expect(settled).toBe(false);
      await revoker.query('COMMIT');
      expect(codeOf(await racing)).toBe('FAILED_PRECONDITION');
    } finally {
      await revoker.end();
    }
    expect(
      await database(async (client) =>
        Number(
          (
            await client.query(
              `SELECT count(*) AS n FROM "credentials"."awards" WHERE "credential_id" = $1 AND "recipient_name" = 'Race Learner'`,
              [diploma],
            )
          ).rows[0].n,
        ),
      ),
    ).toBe(0);
  });

  it('reads a definition’s facts inside its transaction: a retirement racing it wins or waits', async () => {
    const doomed = await publishCredential(north, northId, employer, employerId, { title: 'Soon retired' });
    const { Client } = await import('pg');
    const retirer = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
    await retirer.connect();
    try {
      // A retirement of one step's design, not yet committed, holds the design row.
      await retirer.query('BEGIN');
      await retirer.query(
        `UPDATE "credentials"."designs" SET "stage" = 'RETIRED' WHERE "id" = (SELECT "design_id" FROM "credentials"."credentials" WHERE "id" = $1)`,
        [doomed],
      );
      let settled = false;
      const racing = gql(
        DEFINE,
        {
          o: northId,
          i: {
            title: 'Racing path',
            rule: 'ALL_OF',
            steps: [{ credentialId: safety }, { credentialId: doomed }],
          },
        },
        north.token,
      ).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(settled).toBe(false);
      await retirer.query('COMMIT');
      expect(codeOf(await racing)).toBe('BAD_USER_INPUT');
    } finally {
      await retirer.end();
    }
    expect(
      (await ok('query($c: ID!) { pathways(credentialId: $c) { title } }', { c: doomed })).pathways,
    ).toEqual([]);
  });

  it('pages pathways newest first', async () => {
    const second = (
      await ok(
        DEFINE,
        {
          o: northId,
          i: { title: 'Shop basics', rule: 'N_OF', requiredCount: 1, steps: [{ credentialId: safety }] },
        },
        north.token,
      )
    ).definePathway.id;
    const PAGE = `query($o: ID, $c: ID, $first: Int, $after: String) { pathwayPage(ownerId: $o, credentialId: $c, first: $first, after: $after) {
      edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const one = (await ok(PAGE, { o: northId, first: 1 })).pathwayPage;
    expect(one.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([second]);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = (await ok(PAGE, { o: northId, first: 1, after: one.pageInfo.endCursor })).pathwayPage;
    expect(two.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([pathwayId]);
    expect(two.pageInfo.hasNextPage).toBe(false);
    const bySafety = (await ok(PAGE, { c: safety, first: 10 })).pathwayPage;
    expect(bySafety.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([second, pathwayId]);
    const forged = Buffer.from(JSON.stringify(['yesterday', pathwayId])).toString('base64url');
    expect(codeOf(await gql(PAGE, { o: northId, after: forged }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(PAGE, { o: northId, c: safety }))).toBe('BAD_USER_INPUT');
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

    // Withdrawn by its institution: no longer listed, the event leaves through the outbox, and
    // the same recognition may be declared again.
    const WITHDRAW = 'mutation($id: ID!) { withdrawRecognition(id: $id) { id credential { id } } }';
    expect(codeOf(await gql(WITHDRAW, { id: recognized.id }, north.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(WITHDRAW, { id: recognized.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(WITHDRAW, { id: '00000000-0000-4000-8000-000000000077' }, lake.token))).toBe(
      'NOT_FOUND',
    );
    expect((await ok(WITHDRAW, { id: recognized.id }, lake.token)).withdrawRecognition).toEqual({
      id: recognized.id,
      credential: { id: safety },
    });
    expect(codeOf(await gql(WITHDRAW, { id: recognized.id }, lake.token))).toBe('CONFLICT');
    expect(
      (await ok('query($c: ID!) { recognitions(credentialId: $c) { id } }', { c: safety })).recognitions,
    ).toEqual([]);
    const events = await database(async (client) =>
      (
        await client.query(
          `SELECT "payload" FROM "credentials"."outbox" WHERE "type" = 'credentials.recognition.withdrawn' AND "payload"->>'recognitionId' = $1`,
          [recognized.id],
        )
      ).rows.map((row: { payload: unknown }) => row.payload),
    );
    expect(events).toEqual([
      expect.objectContaining({ institutionId: lakeId, credentialId: safety, pathwayId: lakePath }),
    ]);
    const redeclared = (
      await ok(
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
      )
    ).recognizeCredential;
    expect(redeclared.id).not.toBe(recognized.id);
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
