import type { MigrationInterface, QueryRunner } from 'typeorm';
import { equityRollup, REBUILD_COUNTS_SQL, ROLLUP_TABLES_V2_SQL } from '../rollups';

/**
 * Every learner table of insights from rollups: outcome counts per credential-year, every-year rows
 * (year 0) beside the per-year ones, and equity reach as counts of distinct holders per scope, group
 * and year over the credentials' group keys (counts only). Equity is built here when no learner has
 * self-identified; otherwise the service builds it at start (opening sealed rows needs EVIDENCE_KEY).
 */
export class EvidenceRollupsEverywhere1767300000000 implements MigrationInterface {
  name = 'EvidenceRollupsEverywhere1767300000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of ROLLUP_TABLES_V2_SQL) await runner.query(statement);
    for (const statement of REBUILD_COUNTS_SQL) await runner.query(statement);
    const [{ n }] = (await runner.query(
      `SELECT count(*)::int AS "n" FROM "evidence"."self_identifications"`,
    )) as [{ n: number }];
    if (n === 0) {
      await equityRollup.rebuild(runner, () => {
        throw new Error('no self-identification to open');
      });
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['rollup_state', 'equity_counts', 'credential_group_keys', 'outcome_counts']) {
      await runner.query(`DROP TABLE "evidence"."${table}"`);
    }
    await runner.query(`DELETE FROM "evidence"."award_counts" WHERE "year" = 0`);
    await runner.query(`DELETE FROM "evidence"."feedback_counts" WHERE "year" = 0`);
  }
}
