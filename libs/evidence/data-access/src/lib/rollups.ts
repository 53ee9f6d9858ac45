// Rollups behind insights, so a query over a million awards reads thousands of rows, not a
// million: awards issued and revoked per credential and calendar year (kept by +1 as events
// arrive), and feedback per credential and year (respondents, each change, each score's count and
// sum), recomputed from the responses of that one credential-year whenever one of them changes.
// Counts only; suppression still happens on what insights return.
import type { EntityManager } from 'typeorm';

const S = '"evidence"';

/** The calendar year (UTC) a timestamp falls in, as the insights `year` filter reads it. */
export const YEAR_SQL = (column: string) => `extract(year FROM ${column} AT TIME ZONE 'UTC')::int`;

export const ROLLUP_TABLES_SQL = [
  `CREATE TABLE ${S}."award_counts" (
    "credential_id" uuid NOT NULL, "year" integer NOT NULL, "issued" integer NOT NULL DEFAULT 0, "revoked" integer NOT NULL DEFAULT 0,
    PRIMARY KEY ("credential_id", "year"))`,
  // kind R: respondents (key ''); C: a change (key = the change); S: a score (key = the question, n answers, total their sum).
  `CREATE TABLE ${S}."feedback_counts" (
    "credential_id" uuid NOT NULL, "year" integer NOT NULL, "kind" char(1) NOT NULL CHECK ("kind" IN ('R', 'C', 'S')), "key" text NOT NULL,
    "n" integer NOT NULL, "total" integer NOT NULL DEFAULT 0, PRIMARY KEY ("credential_id", "year", "kind", "key"))`,
];

/** Rebuilds every rollup from the base tables (migration backfill, bulk seeding). */
export const REBUILD_ROLLUPS_SQL = [
  `TRUNCATE ${S}."award_counts", ${S}."feedback_counts"`,
  `INSERT INTO ${S}."award_counts" ("credential_id", "year", "issued", "revoked")
   SELECT "credential_id", ${YEAR_SQL('"issued_at"')}, count(*), count("revoked_at") FROM ${S}."awards" GROUP BY 1, 2`,
  `INSERT INTO ${S}."feedback_counts" ("credential_id", "year", "kind", "key", "n", "total")
   WITH r AS MATERIALIZED (SELECT f."award_id", f."credential_id", ${YEAR_SQL('a."issued_at"')} AS "year", f."changes"
                             FROM ${S}."feedback_responses" f JOIN ${S}."awards" a ON a."id" = f."award_id" AND a."revoked_at" IS NULL)
   SELECT r."credential_id", r."year", 'R', '', count(*), 0 FROM r GROUP BY 1, 2
   UNION ALL SELECT r."credential_id", r."year", 'C', ch, count(*), 0 FROM r CROSS JOIN LATERAL unnest(r."changes") AS ch GROUP BY 1, 2, 4
   UNION ALL SELECT r."credential_id", r."year", 'S', fs."question_key", count(*), sum(fs."score") FROM r JOIN ${S}."feedback_scores" fs ON fs."award_id" = r."award_id" GROUP BY 1, 2, 4`,
];

export const rollups = {
  /** A new award counts as issued in its credential-year. */
  async awardIssued(manager: EntityManager, credentialId: string, issuedAt: string | Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."award_counts" ("credential_id", "year", "issued") VALUES ($1, ${YEAR_SQL('$2::timestamptz')}, 1)
       ON CONFLICT ("credential_id", "year") DO UPDATE SET "issued" = ${S}."award_counts"."issued" + 1`,
      [credentialId, issuedAt],
    );
  },

  /** An award just revoked: counted as revoked, and its feedback (if any) leaves the counts. */
  async awardRevoked(manager: EntityManager, credentialId: string, issuedAt: string | Date): Promise<void> {
    await manager.query(
      `UPDATE ${S}."award_counts" SET "revoked" = "revoked" + 1 WHERE "credential_id" = $1 AND "year" = ${YEAR_SQL('$2::timestamptz')}`,
      [credentialId, issuedAt],
    );
    await this.recountFeedback(manager, [{ credentialId, issuedAt }]);
  },

  /**
   * Recounts the feedback of the credential-years these awards fall in, from their responses. A
   * transaction lock per credential-year serializes recounts, so concurrent answers each end with
   * counts that include every committed response.
   */
  async recountFeedback(
    manager: EntityManager,
    awards: ReadonlyArray<{ credentialId: string; issuedAt: string | Date }>,
  ): Promise<void> {
    const seen = new Set<string>();
    for (const { credentialId, issuedAt } of awards) {
      const [{ year }] = (await manager.query(`SELECT ${YEAR_SQL('$1::timestamptz')} AS "year"`, [issuedAt])) as Array<{
        year: number;
      }>;
      const key = `${credentialId}:${year}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('evidence.feedback_counts'), hashtext($1))`, [key]);
      await manager.query(`DELETE FROM ${S}."feedback_counts" WHERE "credential_id" = $1 AND "year" = $2`, [
        credentialId,
        year,
      ]);
      await manager.query(
        `INSERT INTO ${S}."feedback_counts" ("credential_id", "year", "kind", "key", "n", "total")
         WITH r AS MATERIALIZED (SELECT f."award_id", f."changes" FROM ${S}."feedback_responses" f
                JOIN ${S}."awards" a ON a."id" = f."award_id" AND a."revoked_at" IS NULL
               WHERE f."credential_id" = $1 AND a."issued_at" >= make_timestamptz($2, 1, 1, 0, 0, 0, 'UTC') AND a."issued_at" < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'UTC'))
         SELECT $1::uuid, $2::int, 'R', '', count(*)::int, 0 FROM r HAVING count(*) > 0
         UNION ALL SELECT $1::uuid, $2::int, 'C', ch, count(*)::int, 0 FROM r CROSS JOIN LATERAL unnest(r."changes") AS ch GROUP BY ch
         UNION ALL SELECT $1::uuid, $2::int, 'S', fs."question_key", count(*)::int, sum(fs."score")::int FROM r JOIN ${S}."feedback_scores" fs ON fs."award_id" = r."award_id" GROUP BY fs."question_key"`,
        [credentialId, year],
      );
    }
  },
};
