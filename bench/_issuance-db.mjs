// The issuance bench's end-to-end figure: awards per second through the credentials service's real
// code on real Postgres (migrations, issuer key, status list, award rows, batch items, outbox), the
// batch processor against its baseline, awarding the same learners one award at a time.
// Its own database, created for the run and dropped after it (`lattice_bench_issuance_test_<pid>_<time>`).
import { randomUUID } from 'node:crypto';
import { lib, runDatabase } from './_common.mjs';

const { openDataSource } = lib('libs/shared/data-access/src/index.js');
const { credentialsDataSource, CatalogueRepository } = lib('libs/credentials/data-access/src/index.js');
const feature = lib('libs/credentials/trust/src/index.js');
const { AwardBatchProcessor } = lib(
  'libs/credentials/trust/src/lib/award-credential-batch/award-batch.processor.js',
);
const { AwardCredentialBatchUseCase } = lib(
  'libs/credentials/trust/src/lib/award-credential-batch/award-credential-batch.use-case.js',
);
const { EndorseCredentialUseCase } = lib(
  'libs/credentials/trust/src/lib/endorse-credential/endorse-credential.use-case.js',
);
const { MarketplaceSkillCatalog } = lib('libs/credentials/trust/src/lib/shared/skill-catalog.js');
const fixture = lib('libs/credentials/trust/src/lib/testing/trust.fixture.js');

/** `{ reference, batch, queued, verified, sampled }`: awards/s one at a time and through the batch processor. */
export async function measureAwardPaths({ referenceCount, batchCount }) {
  const database = await runDatabase('lattice_bench_issuance_test');
  const dataSource = await openDataSource(credentialsDataSource(database.url, 10));
  try {
    const trust = fixture.testTrust(dataSource);
    const authorizer = fixture.testAuthorizer();
    const skills = new MarketplaceSkillCatalog(fixture.UNREACHABLE);
    const award = new feature.AwardCredentialUseCase(
      dataSource,
      authorizer,
      new fixture.NamedDirectory(),
      trust,
      skills,
    );
    const processor = new AwardBatchProcessor(dataSource, award, trust);
    const queue = new AwardCredentialBatchUseCase(
      dataSource,
      authorizer,
      new fixture.NamedDirectory(),
      trust,
      { wake: () => undefined },
      skills,
    );
    const verify = new feature.VerifyCredentialUseCase(trust);
    // The same credential shape as the signing figures: endorsed by an employer.
    const { issuerId, credentialId, admin } = await fixture.publishedCredential(dataSource);
    const employerId = randomUUID();
    const employer = {
      userId: randomUUID(),
      email: 'hr@example.org',
      memberships: [{ organizationId: employerId, role: 'ADMIN', kind: 'EMPLOYER' }],
      token: 'unused',
    };
    await new EndorseCredentialUseCase(
      dataSource,
      authorizer,
      new fixture.NamedDirectory('EMPLOYER', 'Maple Manufacturing'),
      trust,
      new CatalogueRepository(dataSource),
    ).execute(employer, {
      credentialId,
      organizationId: employerId,
      inDemand: true,
      assessmentReflectsJobPerformance: true,
      comment: 'We hire people who hold this.',
    });
    const learner = (run, i) => ({
      recipient: { email: `${run}.${i}@example.org`, name: `Learner ${i}` },
      result: { score: 80 + (i % 21), attempt: 1 },
      evidence: [
        {
          url: `https://portfolio.example.org/${run}/${i}`,
          narrative: `Set up job #${i} in ${20 + (i % 15)} minutes.`,
        },
      ],
    });

    // Baseline: awardCredential's path, one learner per transaction, signed by the reference path.
    for (let i = 0; i < 10; i++)
      await award.execute(admin, { credentialId, issuerId, ...learner('warm', i) });
    let started = performance.now();
    for (let i = 0; i < referenceCount; i++)
      await award.execute(admin, { credentialId, issuerId, ...learner('one', i) });
    const referenceMs = performance.now() - started;

    // The batch path: queue the batch (validation, items written), then one processor drains it.
    await queue.execute(admin, {
      credentialId,
      issuerId,
      learners: Array.from({ length: 50 }, (_, i) => learner('warmbatch', i)),
    });
    await processor.drain();
    const batches = [];
    started = performance.now();
    let queuedMs = 0;
    for (let done = 0; done < batchCount; done += 1000) {
      const size = Math.min(1000, batchCount - done);
      const t = performance.now();
      batches.push(
        await queue.execute(admin, {
          credentialId,
          issuerId,
          learners: Array.from({ length: size }, (_, i) => learner(`batch${done}`, i)),
        }),
      );
      queuedMs += performance.now() - t;
    }
    const processed = await processor.drain();
    const batchMs = performance.now() - started;
    const [{ succeeded }] = await dataSource.query(
      `SELECT sum("succeeded")::int AS succeeded FROM "credentials"."award_batches" WHERE "id" = ANY($1::uuid[])`,
      [batches.map((b) => b.id)],
    );
    if (processed !== batchCount || succeeded !== batchCount)
      throw new Error(`batch path awarded ${succeeded}/${batchCount}`);

    // A spread sample of the batch's awards verifies in full (schema, dates, key, proof, status).
    const sample = await dataSource.query(
      `SELECT a."signed_credential" FROM "credentials"."awards" a JOIN "credentials"."award_batch_items" i ON i."award_id" = a."id" WHERE i."batch_id" = ANY($1::uuid[]) ORDER BY random() LIMIT 50`,
      [batches.map((b) => b.id)],
    );
    let verified = 0;
    for (const row of sample) if ((await verify.execute(row.signed_credential)).verified) verified++;
    return {
      reference: Math.round((referenceCount / referenceMs) * 1000),
      batch: Math.round((batchCount / batchMs) * 1000),
      queuedMs: Math.round(queuedMs),
      verified,
      sampled: sample.length,
      referenceCount,
      batchCount,
    };
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}
