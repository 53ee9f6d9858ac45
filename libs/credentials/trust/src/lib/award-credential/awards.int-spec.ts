// Awards against real Postgres: concurrent awards get distinct status list indexes, a learner
// racing for two awards gets one, and a refused revocation leaves the signed list as it was. An
// endorser racing itself gets one endorsement, which awards issued afterwards embed.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { openDataSource } from '@lattice/shared-data-access';
import { testDatabaseUrl } from '@lattice/shared-testing';
import {
  CatalogueRepository,
  credentialsDataSource,
  EndorsementEntity,
  StatusListEntity,
} from '@lattice/credentials-data-access';
import { EndorseCredentialUseCase } from '../endorse-credential/endorse-credential.use-case';
import { MarketplaceSkillCatalog } from '../shared/skill-catalog';
import { RevokeAwardUseCase } from '../revoke-award/revoke-award.use-case';
import { RotateIssuerKeyUseCase } from '../rotate-issuer-key/rotate-issuer-key.use-case';
import {
  NamedDirectory,
  publishedCredential as published,
  testAuthorizer,
  testTrust,
  UNREACHABLE,
} from '../testing/trust.fixture';
import { VerifyCredentialUseCase } from '../verify-credential/verify-credential.use-case';
import { AwardCredentialUseCase } from './award-credential.use-case';

describe('awards (integration)', () => {
  let dataSource: DataSource;
  let award: AwardCredentialUseCase;
  let revoke: RevokeAwardUseCase;
  let endorse: EndorseCredentialUseCase;
  let verify: VerifyCredentialUseCase;
  let rotate: RotateIssuerKeyUseCase;

  beforeAll(async () => {
    dataSource = await openDataSource(credentialsDataSource(testDatabaseUrl('int'), 20));
    const authorizer = testAuthorizer();
    const trust = testTrust(dataSource);
    award = new AwardCredentialUseCase(
      dataSource,
      authorizer,
      new NamedDirectory(),
      trust,
      new MarketplaceSkillCatalog(UNREACHABLE),
    );
    revoke = new RevokeAwardUseCase(dataSource, authorizer, trust);
    endorse = new EndorseCredentialUseCase(
      dataSource,
      authorizer,
      new NamedDirectory('EMPLOYER', 'Integration Employer'),
      trust,
      new CatalogueRepository(dataSource),
    );
    verify = new VerifyCredentialUseCase(trust);
    rotate = new RotateIssuerKeyUseCase(dataSource, authorizer, trust);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  const publishedCredential = () => published(dataSource);

  const input = (credentialId: string, issuerId: string, email: string) => ({
    credentialId,
    issuerId,
    recipient: { email, name: 'Learner' },
    result: { score: 80, attempt: 1 },
  });

  it('hands concurrent awards distinct status list indexes, and one issuer key and list', async () => {
    const { issuerId, credentialId, admin } = await publishedCredential();
    const awards = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        award.execute(admin, input(credentialId, issuerId, `learner${i}@example.org`)),
      ),
    );
    expect(new Set(awards.map((a) => a.statusListIndex))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(new Set(awards.map((a) => a.statusListId)).size).toBe(1);
    const [{ n: keys }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM "credentials"."issuer_keys" WHERE "organization_id" = $1`,
      [issuerId],
    );
    expect(keys).toBe(1);
  });

  it('gives a learner racing for two awards of one credential exactly one', async () => {
    const { issuerId, credentialId, admin } = await publishedCredential();
    const results = await Promise.allSettled([
      award.execute(admin, input(credentialId, issuerId, 'twin@example.org')),
      award.execute(admin, input(credentialId, issuerId, 'Twin@Example.org')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'CREDENTIALS.ALREADY_AWARDED', category: 'CONFLICT' },
    });
  });

  it('refuses a second revocation and leaves the signed status list untouched', async () => {
    const { issuerId, credentialId, admin } = await publishedCredential();
    const issued = await award.execute(admin, input(credentialId, issuerId, 'once@example.org'));
    await revoke.execute(admin, issued.id, 'Issued in error.');
    const before = await dataSource
      .getRepository(StatusListEntity)
      .findOneByOrFail({ id: issued.statusListId });
    await expect(revoke.execute(admin, issued.id, 'Again.')).rejects.toMatchObject({ category: 'CONFLICT' });
    const after = await dataSource
      .getRepository(StatusListEntity)
      .findOneByOrFail({ id: issued.statusListId });
    expect(after.version).toBe(before.version);
    expect(after.signedCredential).toEqual(before.signedCredential);
    const [{ n: events }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM "credentials"."outbox" WHERE "payload"->>'awardId' = $1`,
      [issued.id],
    );
    expect(events).toBe(2);
  });

  it('gives an employer racing to endorse twice one endorsement, embedded in awards issued afterwards', async () => {
    const { issuerId, credentialId, admin } = await publishedCredential();
    const employerId = randomUUID();
    const employer: Principal = {
      userId: randomUUID(),
      email: 'hr@example.org',
      memberships: [{ organizationId: employerId, role: 'ADMIN', kind: 'EMPLOYER' }],
      token: 'unused',
    };
    const command = {
      credentialId,
      organizationId: employerId,
      inDemand: true,
      assessmentReflectsJobPerformance: true,
      comment: 'Hiring.',
    };
    const results = await Promise.allSettled([
      endorse.execute(employer, command),
      endorse.execute(employer, command),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'CREDENTIALS.ALREADY_ENDORSED', category: 'CONFLICT' },
    });
    expect(await dataSource.getRepository(EndorsementEntity).countBy({ credentialId })).toBe(1);

    const awarded = await award.execute(admin, input(credentialId, issuerId, 'endorsed@example.org'));
    const achievement = (
      awarded.signedCredential['credentialSubject'] as {
        achievement: { endorsement: Array<{ issuer: { name: string } }> };
      }
    ).achievement;
    expect(achievement.endorsement.map((e) => e.issuer.name)).toEqual(['Integration Employer']);
    expect((await verify.execute(awarded.signedCredential)).verified).toBe(true);
  });

  it('serializes concurrent key rotations: each retires the key before it, one event each, old awards verify', async () => {
    const { issuerId, credentialId, admin } = await publishedCredential();
    const first = await award.execute(admin, input(credentialId, issuerId, 'rotating@example.org'));
    const rotations = await Promise.all([rotate.execute(admin, issuerId), rotate.execute(admin, issuerId)]);
    expect(rotations.map((r) => r.next.sequence).sort()).toEqual([2, 3]);
    expect(rotations.map((r) => r.previous.sequence).sort()).toEqual([1, 2]);
    const keys: { sequence: number; status: string }[] = await dataSource.query(
      `SELECT "sequence", "record"->>'status' AS "status" FROM "credentials"."issuer_keys" WHERE "organization_id" = $1 ORDER BY "sequence"`,
      [issuerId],
    );
    expect(keys).toEqual([
      { sequence: 1, status: 'retired' },
      { sequence: 2, status: 'retired' },
      { sequence: 3, status: 'active' },
    ]);
    const [{ n: events }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM "credentials"."outbox" WHERE "type" = 'credentials.issuer_key.rotated' AND "payload"->>'organizationId' = $1`,
      [issuerId],
    );
    expect(events).toBe(2);
    expect((await verify.execute(first.signedCredential)).verified).toBe(true);
    const later = await award.execute(admin, input(credentialId, issuerId, 'rotated@example.org'));
    expect((later.signedCredential['proof'] as { verificationMethod: string }).verificationMethod).toMatch(
      /#key-3$/,
    );
  });
});
