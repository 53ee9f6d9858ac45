import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Needs remember the needed-by date they were last announced as expiring for, so the reminder goes out once per need and date. */
export class MarketplaceNeedExpiry1764500000000 implements MigrationInterface {
  name = 'MarketplaceNeedExpiry1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "marketplace"."skill_needs" ADD COLUMN "expiry_notified_for" date`);
    await runner.query(
      `CREATE INDEX "skill_needs_open_needed_by_idx" ON "marketplace"."skill_needs" ("needed_by") WHERE "status" = 'OPEN' AND "needed_by" IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "marketplace"."skill_needs_open_needed_by_idx"`);
    await runner.query(`ALTER TABLE "marketplace"."skill_needs" DROP COLUMN "expiry_notified_for"`);
  }
}
