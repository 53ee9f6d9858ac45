// Batch issuance against real Postgres: two processor replicas racing on one batch award each
// learner exactly once; a replica that dies mid-chunk leaves its claimed items to the next one,
// without duplicate awards; refused learners fail alone; every credential verifies and is what the
// reference path would sign.
import type { DataSource, EntityManager } from 'typeorm';
import { openDataSource } from '@lattice/shared-data-access';
import { testDatabaseUrl } from '@lattice/shared-testing';
import {
  AwardBatchEntity,
  AwardBatchItemEntity,
  AwardEntity,
  credentialsDataSource,
} from '@lattice/credentials-data-access';
import { type IssuerSigner, signCredential, type UnsignedCredential } from '@lattice/credentials-openbadges';
import { AwardCredentialUseCase } from '../award-credential/award-credential.use-case';
import { IssuerTrust } from '../shared/issuer-trust';
import { MarketplaceSkillCatalog } from '../shared/skill-catalog';
import {
  NamedDirectory,
  publishedCredential,
  testAuthorizer,
  testTrust,
  testTrustOptions,
  UNREACHABLE,
} from '../testing/trust.fixture';
import { VerifyCredentialUseCase } from '../verify-credential/verify-credential.use-case';
import { AwardBatchProcessor, AWARD_BATCH_CHUNK } from './award-batch.processor';
import { AwardCredentialBatchUseCase } from './award-credential-batch.use-case';

/** A replica of the credentials service: its own pool, trust and processor. */
function replica(dataSource: DataSource, trust: IssuerTrust = testTrust(dataSource)) {
  const award = new AwardCredentialUseCase(
    dataSource,
    testAuthorizer(),
    new NamedDirectory(),
    trust,
    new MarketplaceSkillCatalog(UNREACHABLE),
  );
  return { trust, processor: new AwardBatchProcessor(dataSource, award, trust) };
}

/** Hangs forever holding its claim (a stuck replica) once it has claimed a chunk. */
class HangingTrust extends IssuerTrust {
  claimed = false;
  constructor(dataSource: DataSource) {
    super(dataSource, testTrustOptions());
  }
  override async lockStatusList(manager: EntityManager, orgId: string, signer: IssuerSigner) {
    const list = await super.lockStatusList(manager, orgId, signer);
    this.claimed = true;
    await new Promise<never>(() => undefined);
    return list;
  }
}

/** Dies (its connection is terminated, as when the process is killed) on the n-th chunk it claims. */
class CrashingTrust extends IssuerTrust {
  chunks = 0;
  constructor(
    dataSource: DataSource,
    private readonly dieOnChunk: number,
  ) {
    super(dataSource, testTrustOptions());
  }
  override async lockStatusList(manager: EntityManager, orgId: string, signer: IssuerSigner) {
    const list = await super.lockStatusList(manager, orgId, signer);
    if (++this.chunks === this.dieOnChunk)
      await manager.query('SELECT pg_terminate_backend(pg_backend_pid())');
    return list;
  }
}

describe('award batches (integration)', () => {
  let main: DataSource;
  let other: DataSource;
  let queue: AwardCredentialBatchUseCase;
  let verify: VerifyCredentialUseCase;

  beforeAll(async () => {
    [main, other] = await Promise.all([
      openDataSource(credentialsDataSource(testDatabaseUrl('int'), 4)),
      openDataSource(credentialsDataSource(testDatabaseUrl('int'), 4)),
    ]);
    const trust = testTrust(main);
    // Queued only: the tests drive the processors themselves.
    const idle = { wake: () => undefined } as unknown as AwardBatchProcessor;
    queue = new AwardCredentialBatchUseCase(
      main,
      testAuthorizer(),
      new NamedDirectory(),
      trust,
      idle,
      new MarketplaceSkillCatalog(UNREACHABLE),
    );
    verify = new VerifyCredentialUseCase(trust);
  });
  afterAll(async () => {
    await Promise.all([main?.destroy(), other?.destroy()]);
  });

  const learner = (i: number, score = 85) => ({
    recipient: { email: `batch.${i}@example.org`, name: `Learner ${i}` },
    result: { score, attempt: 1 },
    evidence: [{ url: `https://portfolio.example.org/${i}`, narrative: `Piece ${i}.` }],
  });

  async function queued(learners: ReturnType<typeof learner>[]) {
    const { issuerId, credentialId, admin } = await publishedCredential(main);
    const batch = await queue.execute(admin, { credentialId, issuerId, learners });
    return { batch, credentialId };
  }

  async function outcome(batchId: string, credentialId: string) {
    const batch = await main.getRepository(AwardBatchEntity).findOneByOrFail({ id: batchId });
    const items = await main
      .getRepository(AwardBatchItemEntity)
      .find({ where: { batchId }, order: { position: 'ASC' } });
    const awards = await main.getRepository(AwardEntity).findBy({ credentialId });
    const [{ n: events }] = await main.query(
      `SELECT count(*)::int AS n FROM "credentials"."outbox" WHERE "type" = 'credentials.award.issued' AND "payload"->>'credentialId' = $1`,
      [credentialId],
    );
    return { batch, items, awards, events: events as number };
  }

  it('lets two replicas race on one batch and awards each learner exactly once', async () => {
    // More than two chunks, with refusals spread over them: below threshold, and one learner listed twice.
    const count = AWARD_BATCH_CHUNK * 2 + 50;
    const learners = Array.from({ length: count }, (_, i) => learner(i, i % 97 === 5 ? 40 : 85));
    learners[count - 1] = learner(3);
    const refused = learners.filter((l) => l.result.score < 70).length + 1;
    const { batch, credentialId } = await queued(learners);

    const [a, b] = [replica(main), replica(other)];
    const processed = await Promise.all([a.processor.drain(), b.processor.drain()]);
    expect(processed[0] + processed[1]).toBe(count);

    const { batch: done, items, awards, events } = await outcome(batch.id, credentialId);
    expect(done).toMatchObject({ status: 'DONE', total: count, succeeded: count - refused, failed: refused });
    expect(awards).toHaveLength(count - refused);
    expect(new Set(awards.map((x) => x.recipientLookup)).size).toBe(awards.length);
    expect(new Set(awards.map((x) => x.statusListIndex)).size).toBe(awards.length);
    expect(events).toBe(awards.length);
    expect(items.filter((i) => i.status === 'PENDING')).toHaveLength(0);
    expect(items.every((i) => i.recipientEmail === null)).toBe(true);
    expect(items.filter((i) => i.errorCode === 'CREDENTIALS.BELOW_MASTERY_THRESHOLD')).toHaveLength(
      refused - 1,
    );
    expect(items[count - 1]).toMatchObject({
      status: 'FAILED',
      errorCode: 'CREDENTIALS.ALREADY_AWARDED',
      awardId: null,
    });
    // Each AWARDED item points at its own award.
    const awarded = items.filter((i) => i.status === 'AWARDED');
    expect(new Set(awarded.map((i) => i.awardId))).toEqual(new Set(awards.map((x) => x.id)));

    // Every credential of the batch verifies; a sample from each replica's share is checked in full.
    for (const award of [awards[0]!, awards[Math.floor(awards.length / 2)]!, awards.at(-1)!]) {
      const report = await verify.execute(award.signedCredential);
      expect(report).toMatchObject({ verified: true });
    }
  });

  it('recovers the chunk of a replica that died mid-batch, without duplicate awards', async () => {
    const count = AWARD_BATCH_CHUNK + 60;
    const { batch, credentialId } = await queued(Array.from({ length: count }, (_, i) => learner(i)));

    // The first replica commits its first chunk, then dies holding the second (learner locks, status list).
    const crashing = new CrashingTrust(other, 2);
    const doomed = replica(other, crashing);
    await doomed.processor.drain();
    expect(crashing.chunks).toBe(2);
    const half = await outcome(batch.id, credentialId);
    expect(half.batch).toMatchObject({ status: 'RUNNING', succeeded: AWARD_BATCH_CHUNK, failed: 0 });
    expect(half.awards).toHaveLength(AWARD_BATCH_CHUNK);
    expect(half.items.filter((i) => i.status === 'PENDING')).toHaveLength(count - AWARD_BATCH_CHUNK);

    // Its claims died with its connection: another replica takes them at once.
    const survivor = replica(main);
    expect(await survivor.processor.drain()).toBe(count - AWARD_BATCH_CHUNK);
    const { batch: done, awards, events } = await outcome(batch.id, credentialId);
    expect(done).toMatchObject({ status: 'DONE', succeeded: count, failed: 0 });
    expect(awards).toHaveLength(count);
    expect(new Set(awards.map((x) => x.recipientLookup)).size).toBe(count);
    expect(new Set(awards.map((x) => x.statusListIndex)).size).toBe(count);
    expect(events).toBe(count);
    expect((await verify.execute(awards.at(-1)!.signedCredential)).verified).toBe(true);
  });

  it('frees the claim of a replica that hangs mid-chunk once it has been idle too long', async () => {
    const { batch, credentialId } = await queued(Array.from({ length: 30 }, (_, i) => learner(i)));
    const stuckTrust = new HangingTrust(other);
    const stuck = replica(other, stuckTrust);
    // The claim must outlive the next check by far: with 2 s, a loaded machine (another test run on
    // both cores) took longer than that between the claim and the survivor's drain, Postgres had
    // already ended the stuck transaction, and the survivor rightly took all 30 ("expected 0, got 30").
    stuck.processor.claimTimeoutMs = 8_000;
    void stuck.processor.drain();
    while (!stuckTrust.claimed) await new Promise((resolve) => setTimeout(resolve, 20));

    // While it hangs, its items are claimed: another replica finds nothing to do.
    const survivor = replica(main);
    expect(await survivor.processor.drain()).toBe(0);
    // Past the claim timeout Postgres ends the stuck transaction; the items are taken again.
    let taken = 0;
    for (const deadline = Date.now() + 30_000; taken === 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      taken = await survivor.processor.drain();
    }
    expect(taken).toBe(30);
    const { batch: done, awards } = await outcome(batch.id, credentialId);
    expect(done).toMatchObject({ status: 'DONE', succeeded: 30, failed: 0 });
    expect(new Set(awards.map((x) => x.recipientLookup)).size).toBe(30);
  });

  it('fails every learner with the reason when the credential was retired after the batch was queued', async () => {
    const { batch, credentialId } = await queued([learner(1), learner(2), learner(3)]);
    await main.query(
      `UPDATE "credentials"."designs" SET "stage" = 'RETIRED' WHERE "id" = (SELECT "design_id" FROM "credentials"."credentials" WHERE "id" = $1)`,
      [credentialId],
    );
    expect(await replica(main).processor.drain()).toBe(3);
    const { batch: done, items, awards, events } = await outcome(batch.id, credentialId);
    expect(done).toMatchObject({ status: 'DONE', succeeded: 0, failed: 3 });
    expect(items.map((i) => i.errorCode)).toEqual([
      'CREDENTIALS.CREDENTIAL_RETIRED',
      'CREDENTIALS.CREDENTIAL_RETIRED',
      'CREDENTIALS.CREDENTIAL_RETIRED',
    ]);
    expect(awards).toHaveLength(0);
    expect(events).toBe(0);
  });

  it('signs byte for byte what the reference path signs', async () => {
    const { batch, credentialId } = await queued([learner(1), learner(2)]);
    await replica(main).processor.drain();
    const { awards, items } = await outcome(batch.id, credentialId);
    expect(items.map((i) => i.status)).toEqual(['AWARDED', 'AWARDED']);
    const trust = testTrust(main);
    const signer = await main.transaction((manager) => trust.signerFor(manager, awards[0]!.issuerId, ''));
    for (const award of awards) {
      const { proof, ...unsigned } = award.signedCredential as { proof: { created: string } } & Record<
        string,
        unknown
      >;
      const reference = await signCredential(unsigned as unknown as UnsignedCredential, {
        signer,
        documentLoader: trust.documentLoader,
        created: proof.created,
      });
      // jsonb keeps no key order, so the documents are compared as values; the proofs are the same bytes.
      expect(reference).toEqual(award.signedCredential);
    }
  });
});
