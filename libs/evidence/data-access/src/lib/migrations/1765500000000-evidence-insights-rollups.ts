import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REBUILD_ROLLUPS_SQL, ROLLUP_TABLES_SQL } from '../rollups';

/**
 * Insights over a million awards read rollups, not the awards: awards issued and revoked, and
 * feedback counts and score sums, per credential and calendar year (backfilled here).
 */
export class EvidenceInsightsRollups1765500000000 implements MigrationInterface {
  name = 'EvidenceInsightsRollups1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of ROLLUP_TABLES_SQL) await runner.query(statement);
    for (const statement of REBUILD_ROLLUPS_SQL) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "evidence"."feedback_counts"`);
    await runner.query(`DROP TABLE "evidence"."award_counts"`);
  }
}
