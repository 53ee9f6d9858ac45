// Batch issuance through the gateway: a list of learners is queued, awarded in the background by
// the credentials service, and followed with awardBatch; one learner below the threshold fails
// with its reason while the others are awarded and verify. Bad batches are refused, nothing written.
import {
  codeOf,
  createOrganization,
  eventually,
  gql,
  ok,
  origin,
  signUp,
  type Session,
} from './support/client';
import { publishCredential } from './support/credentials';

jest.setTimeout(90_000);

const BATCH =
  'mutation($i: AwardBatchInput!) { awardCredentialBatch(input: $i) { id status total succeeded failed items { position status } } }';
const PROGRESS =
  'query($id: ID!) { awardBatch(id: $id) { id status total succeeded failed finishedAt items { position recipientName status awardId errorCode errorMessage } } }';

async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const batchRows = async (credentialId: string) =>
  (
    await query<{ n: number }>(
      'SELECT count(*)::int AS n FROM "credentials"."award_batches" WHERE "credential_id" = $1',
      [credentialId],
    )
  )[0]!.n;

describe('trust: batch issuance', () => {
  let college: Session;
  let employer: Session;
  let collegeId: string;
  let credentialId: string;

  const learner = (i: number, score = 90) => ({
    recipient: { email: `batch.learner.${i}@example.org`, name: `Batch Learner ${i}` },
    result: { score, attempt: 1 },
    evidence: [{ url: `https://portfolio.example.org/batch/${i}`, narrative: 'A clean bead.' }],
  });

  beforeAll(async () => {
    [college, employer] = await Promise.all([signUp('batch-college'), signUp('batch-employer')]);
    collegeId = await createOrganization(college, {
      name: 'Batch College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
    });
    const employerId = await createOrganization(employer, {
      name: 'Batch Fabrication',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '332',
    });
    credentialId = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Batch welding basics',
    });
  });

  it('awards every learner who qualifies and records why the others failed', async () => {
    const learners = [learner(1), learner(2), learner(3, 61.5), learner(4), learner(5)];
    const queued = (await ok(BATCH, { i: { credentialId, issuerId: collegeId, learners } }, college.token))
      .awardCredentialBatch;
    expect(queued).toMatchObject({ total: 5 });
    expect(queued.items.map((i: { position: number }) => i.position)).toEqual([0, 1, 2, 3, 4]);

    const done = await eventually(
      async () => (await ok(PROGRESS, { id: queued.id }, college.token)).awardBatch,
      (batch) => batch.status === 'DONE',
      60_000,
    );
    expect(done).toMatchObject({ total: 5, succeeded: 4, failed: 1 });
    expect(done.finishedAt).toBeTruthy();
    const failed = done.items.filter((i: { status: string }) => i.status === 'FAILED');
    expect(failed).toEqual([
      expect.objectContaining({
        position: 2,
        recipientName: 'Batch Learner 3',
        awardId: null,
        errorCode: 'CREDENTIALS.BELOW_MASTERY_THRESHOLD',
      }),
    ]);
    expect(failed[0].errorMessage).toContain('below the mastery threshold');

    const awarded = done.items.filter((i: { status: string }) => i.status === 'AWARDED');
    expect(awarded.map((i: { position: number }) => i.position)).toEqual([0, 1, 3, 4]);
    for (const item of awarded) {
      const fetched = await fetch(`${origin()}/credentials/${item.awardId}`);
      expect(fetched.status).toBe(200);
      const credential = await fetched.json();
      const verified = (await (
        await fetch(`${origin()}/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(credential),
        })
      ).json()) as { verified: boolean };
      expect(verified.verified).toBe(true);
    }

    // Processed items keep only the e-mail's keyed hash.
    const emails = await query<{ n: number }>(
      'SELECT count(*)::int AS n FROM "credentials"."award_batch_items" WHERE "batch_id" = $1 AND "recipient_email" IS NOT NULL',
      [queued.id],
    );
    expect(emails[0]!.n).toBe(0);

    // Others see nothing of it.
    expect(codeOf(await gql(PROGRESS, { id: queued.id }, employer.token))).toBe('FORBIDDEN');
  });

  it('checks each learner with the single award’s rules: invalid ones fail as their items, the valid ones are awarded', async () => {
    const badEmail = { ...learner(21), recipient: { email: 'not-an-email', name: 'Bad Mail' } };
    const httpLink = {
      ...learner(22),
      evidence: [{ url: 'http://portfolio.example.org/batch/22', narrative: 'Plain http.' }],
    };
    const learners = [learner(20), badEmail, httpLink, learner(23, 61.5), learner(24)];
    const queued = (await ok(BATCH, { i: { credentialId, issuerId: collegeId, learners } }, college.token))
      .awardCredentialBatch;
    expect(queued).toMatchObject({ total: 5, failed: 2 });
    const done = await eventually(
      async () => (await ok(PROGRESS, { id: queued.id }, college.token)).awardBatch,
      (batch) => batch.status === 'DONE',
      60_000,
    );
    expect(done).toMatchObject({ total: 5, succeeded: 2, failed: 3 });
    const byPosition = (position: number) =>
      done.items.find((i: { position: number }) => i.position === position);
    expect(byPosition(1)).toMatchObject({
      status: 'FAILED',
      awardId: null,
      errorCode: 'COMMON.INVALID_INPUT',
    });
    expect(byPosition(1).errorMessage).toContain('recipient.email');
    expect(byPosition(2)).toMatchObject({
      status: 'FAILED',
      awardId: null,
      errorCode: 'COMMON.INVALID_INPUT',
    });
    expect(byPosition(2).errorMessage).toContain('https://');
    expect(byPosition(3)).toMatchObject({
      status: 'FAILED',
      errorCode: 'CREDENTIALS.BELOW_MASTERY_THRESHOLD',
    });
    expect([byPosition(0).status, byPosition(4).status]).toEqual(['AWARDED', 'AWARDED']);
    // Refused learners keep no address either.
    const emails = await query<{ n: number }>(
      'SELECT count(*)::int AS n FROM "credentials"."award_batch_items" WHERE "batch_id" = $1 AND "recipient_email" IS NOT NULL',
      [queued.id],
    );
    expect(emails[0]!.n).toBe(0);
  });

  it('finishes at once a batch whose every learner is refused by the input rules', async () => {
    const badEmail = { ...learner(31), recipient: { email: 'nobody', name: 'Nobody' } };
    const queued = (
      await ok(BATCH, { i: { credentialId, issuerId: collegeId, learners: [badEmail] } }, college.token)
    ).awardCredentialBatch;
    expect(queued).toMatchObject({ status: 'DONE', total: 1, succeeded: 0, failed: 1 });
  });

  it('tells issuers the published assessment the rules check against', async () => {
    const credential = (
      await ok(
        'query($id: ID!) { credential(id: $id) { assessment { masteryThreshold attemptsAllowed } } }',
        { id: credentialId },
        college.token,
      )
    ).credential;
    expect(credential.assessment).toEqual({ masteryThreshold: 80, attemptsAllowed: 2 });
  });

  it('refuses an http:// evidence link on a single award, as the form does', async () => {
    const refused = await gql(
      'mutation($i: AwardInput!) { awardCredential(input: $i) { id } }',
      {
        i: {
          credentialId,
          issuerId: collegeId,
          ...learner(40),
          evidence: [{ url: 'http://portfolio.example.org/x' }],
        },
      },
      college.token,
    );
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.errors?.[0]?.extensions?.details)).toContain('evidence');
  });

  it('refuses empty, oversized and non-admin batches, writing nothing', async () => {
    const before = await batchRows(credentialId);
    const empty = await gql(BATCH, { i: { credentialId, issuerId: collegeId, learners: [] } }, college.token);
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    const small = { recipient: { email: 'a@example.org', name: 'A' }, result: { score: 90, attempt: 1 } };
    const oversized = await gql(
      BATCH,
      { i: { credentialId, issuerId: collegeId, learners: Array.from({ length: 1001 }, () => small) } },
      college.token,
    );
    expect(codeOf(oversized)).toBe('BAD_USER_INPUT');
    const stranger = await gql(
      BATCH,
      { i: { credentialId, issuerId: collegeId, learners: [learner(9)] } },
      employer.token,
    );
    expect(codeOf(stranger)).toBe('FORBIDDEN');
    expect(await batchRows(credentialId)).toBe(before);
  });
});
