// Audit retention against the real schema: entries older than the retention are deleted, newer
// ones stay; two replicas ticking together sweep once (the leader lease); the log is still
// append-only for every other UPDATE and DELETE (the trigger), and a shorter retention reaches
// further back.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDataSource } from '@lattice/shared-data-access';
import { testDatabaseUrl } from '@lattice/shared-testing';
import { IdentityRepository, identityDataSource } from '@lattice/identity-data-access';
import type { IdentityOptions } from '../shared/identity.options';
import { AuditRetentionWatch, SweepAuditLogUseCase } from './audit-retention';

const DAY_MS = 86_400_000;
const options = (auditRetentionDays?: number) => ({ auditRetentionDays }) as IdentityOptions;

describe('audit retention', () => {
  const sources: DataSource[] = [];
  const open = async () => {
    const dataSource = await openDataSource(identityDataSource(testDatabaseUrl('int'), 3));
    sources.push(dataSource);
    return dataSource;
  };
  let db: DataSource;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
  });

  /** Appends an entry `daysAgo` days old to the organization's log; returns its id. */
  const append = async (organizationId: string, daysAgo: number, count = 1): Promise<void> => {
    await db.query(
      `INSERT INTO "identity"."audit_log" ("id", "organization_id", "occurred_at", "actor_kind", "action")
       SELECT gen_random_uuid(), $1, $2, 'SYSTEM', 'test.entry' FROM generate_series(1, $3)`,
      [organizationId, new Date(Date.now() - daysAgo * DAY_MS).toISOString(), count],
    );
  };
  const ages = async (organizationId: string): Promise<number[]> =>
    (
      (await db.query(
        `SELECT round(extract(epoch FROM now() - "occurred_at") / 86400)::int AS days FROM "identity"."audit_log" WHERE "organization_id" = $1 ORDER BY "occurred_at"`,
        [organizationId],
      )) as Array<{ days: number }>
    ).map((r) => r.days);

  it('deletes entries older than the retention (400 days by default) on one replica of two, and keeps the rest', async () => {
    const org = randomUUID();
    await append(org, 800);
    await append(org, 500, 2);
    await append(org, 399);
    await append(org, 0);
    const replicas = await Promise.all(
      [0, 1].map(async () => {
        const dataSource = await open();
        return new AuditRetentionWatch(
          new SweepAuditLogUseCase(new IdentityRepository(dataSource), options()),
          dataSource,
        );
      }),
    );
    const counts = await Promise.all(replicas.map((watch) => watch.tick()));
    expect([...counts].sort()).toEqual([0, expect.any(Number)]);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(3);
    expect(await ages(org)).toEqual([399, 0]);
    // The next sweep finds nothing more of this organization's.
    await Promise.all(replicas.map((watch) => watch.tick()));
    expect(await ages(org)).toEqual([399, 0]);
    await Promise.all(replicas.map((watch) => watch.onApplicationShutdown()));
  });

  it('deletes in batches until none is left, and a shorter retention reaches further back', async () => {
    const org = randomUUID();
    await append(org, 450, 2_345);
    await append(org, 45);
    await append(org, 1);
    const repository = new IdentityRepository(db);
    expect(await new SweepAuditLogUseCase(repository, options()).execute()).toBeGreaterThanOrEqual(2_345);
    expect(await ages(org)).toEqual([45, 1]);
    expect(await new SweepAuditLogUseCase(repository, options(30)).execute()).toBeGreaterThanOrEqual(1);
    expect(await ages(org)).toEqual([1]);
  });

  it('stays append-only otherwise: no DELETE without the sweep’s cutoff, none of a newer entry, no UPDATE', async () => {
    const org = randomUUID();
    await append(org, 500);
    await append(org, 1);
    await expect(
      db.query(`DELETE FROM "identity"."audit_log" WHERE "organization_id" = $1`, [org]),
    ).rejects.toThrow(/append-only/);
    const cutoff = new Date(Date.now() - 400 * DAY_MS).toISOString();
    await expect(
      db.transaction(async (manager) => {
        await manager.query(`SELECT set_config('lattice.audit_retention_cutoff', $1, true)`, [cutoff]);
        await manager.query(`DELETE FROM "identity"."audit_log" WHERE "organization_id" = $1`, [org]);
      }),
    ).rejects.toThrow(/append-only \(DELETE refused\)/);
    await expect(
      db.transaction(async (manager) => {
        await manager.query(`SELECT set_config('lattice.audit_retention_cutoff', $1, true)`, [cutoff]);
        await manager.query(
          `UPDATE "identity"."audit_log" SET "action" = 'forged' WHERE "organization_id" = $1`,
          [org],
        );
      }),
    ).rejects.toThrow(/append-only \(UPDATE refused\)/);
    // The cutoff is the transaction's own: the next one cannot delete without naming it.
    await expect(
      db.query(
        `DELETE FROM "identity"."audit_log" WHERE "organization_id" = $1 AND "occurred_at" < now() - interval '400 days'`,
        [org],
      ),
    ).rejects.toThrow(/append-only/);
    expect(await ages(org)).toEqual([500, 1]);
  });
});
