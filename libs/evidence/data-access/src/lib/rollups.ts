// Rollups behind insights, so a query over a million awards reads thousands of rows, not a
// million: awards issued and revoked per credential and calendar year (kept by +1 as events
// arrive), and feedback per credential and year (respondents, each change, each score's count and
// sum), recomputed from the responses of that one credential-year whenever one of them changes.
// Counts only; suppression still happens on what insights return.
import type { EntityManager } from 'typeorm';
import { groupKeySql, INSIGHTS_GROUPS } from './groups';

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

/** The rollup row of every year together: queries without a year filter read it (a credential's rows of each year, summed). */
export const ALL_YEARS = 0;
/** equity_counts' and credential_group_keys' scope of everything (operators). */
export const ALL_SCOPE = '00000000-0000-0000-0000-000000000000';
/** The equity groups' column names in equity_counts, in the order of EQUITY_GROUPS (bit i of a learner's bits is group i). */
export const EQUITY_COLUMNS = [
  'women_and_gender_diverse',
  'indigenous',
  'disability',
  'racialized',
  'two_slgbtq_plus',
  'newcomer',
] as const;

/** Tables of migration 1767300000000: outcome counts, the credentials' group keys, equity counts, and which rollups are built. */
export const ROLLUP_TABLES_V2_SQL = [
  `CREATE TABLE ${S}."outcome_counts" (
    "credential_id" uuid NOT NULL, "year" integer NOT NULL, "reports" integer NOT NULL DEFAULT 0, "holders" integer NOT NULL DEFAULT 0,
    "hired" integer NOT NULL DEFAULT 0, "promoted" integer NOT NULL DEFAULT 0, "retained" integer NOT NULL DEFAULT 0,
    "rating_sum" integer NOT NULL DEFAULT 0, "ratings" integer NOT NULL DEFAULT 0, "reflected" integer NOT NULL DEFAULT 0,
    PRIMARY KEY ("credential_id", "year"))`,
  // Per credential, the groups (dimension, value) its holders are counted in, for each scope that sees it:
  // everything (ALL_SCOPE), its issuer, the organizations tied to it, the umbrellas of either. No person in it.
  `CREATE TABLE ${S}."credential_group_keys" (
    "scope_id" uuid NOT NULL, "dim" text NOT NULL, "value" text NOT NULL, "credential_id" uuid NOT NULL,
    PRIMARY KEY ("scope_id", "dim", "value", "credential_id"))`,
  `CREATE INDEX "credential_group_keys_credential_idx" ON ${S}."credential_group_keys" ("credential_id")`,
  // Distinct holders (non-revoked awards) per scope, group and year (0: every year; per year only for ALL_SCOPE),
  // how many of them self-identified, and how many said yes to each group. Counts only: no learner in it.
  `CREATE TABLE ${S}."equity_counts" (
    "scope_id" uuid NOT NULL, "dim" text NOT NULL, "value" text NOT NULL, "year" integer NOT NULL,
    "holders" integer NOT NULL DEFAULT 0, "self_identified" integer NOT NULL DEFAULT 0,
    ${EQUITY_COLUMNS.map((c) => `"${c}" integer NOT NULL DEFAULT 0`).join(', ')},
    PRIMARY KEY ("scope_id", "dim", "value", "year"))`,
  `CREATE TABLE ${S}."rollup_state" ("name" text PRIMARY KEY, "built" boolean NOT NULL, "built_at" timestamptz)`,
  `INSERT INTO ${S}."rollup_state" ("name", "built") VALUES ('equity', false)`,
];

/** Rebuilds the rollups that need no key: awards, feedback and outcome counts (with their every-year rows), the credentials' group keys. */
export const REBUILD_COUNTS_SQL = [
  `TRUNCATE ${S}."award_counts", ${S}."feedback_counts", ${S}."outcome_counts"`,
  `INSERT INTO ${S}."award_counts" ("credential_id", "year", "issued", "revoked")
   SELECT "credential_id", y, count(*), count("revoked_at") FROM ${S}."awards"
    CROSS JOIN LATERAL (VALUES (${YEAR_SQL('"issued_at"')}), (${ALL_YEARS})) AS v(y) GROUP BY 1, 2`,
  `INSERT INTO ${S}."feedback_counts" ("credential_id", "year", "kind", "key", "n", "total")
   WITH r AS MATERIALIZED (SELECT f."award_id", f."credential_id", v."y" AS "year", f."changes"
                             FROM ${S}."feedback_responses" f JOIN ${S}."awards" a ON a."id" = f."award_id" AND a."revoked_at" IS NULL
                             CROSS JOIN LATERAL (VALUES (${YEAR_SQL('a."issued_at"')}), (${ALL_YEARS})) AS v(y))
   SELECT r."credential_id", r."year", 'R', '', count(*), 0 FROM r GROUP BY 1, 2
   UNION ALL SELECT r."credential_id", r."year", 'C', ch, count(*), 0 FROM r CROSS JOIN LATERAL unnest(r."changes") AS ch GROUP BY 1, 2, 4
   UNION ALL SELECT r."credential_id", r."year", 'S', fs."question_key", count(*), sum(fs."score") FROM r JOIN ${S}."feedback_scores" fs ON fs."award_id" = r."award_id" GROUP BY 1, 2, 4`,
  `INSERT INTO ${S}."outcome_counts" ("credential_id", "year", "reports", "holders", "hired", "promoted", "retained", "rating_sum", "ratings", "reflected")
   SELECT o."credential_id", v."y", count(*), sum(o."cohort_size"), sum(o."hired"), sum(o."promoted"), sum(o."retained"),
          coalesce(sum(r."rating_sum"), 0), coalesce(sum(r."ratings"), 0), count(*) FILTER (WHERE o."assessment_reflected")
     FROM ${S}."outcome_reports" o
     LEFT JOIN (SELECT "report_id", sum("rating")::int AS "rating_sum", count(*)::int AS "ratings" FROM ${S}."outcome_ratings" GROUP BY 1) r ON r."report_id" = o."id"
     CROSS JOIN LATERAL (VALUES (${YEAR_SQL('o."reported_at"')}), (${ALL_YEARS})) AS v(y)
    GROUP BY 1, 2`,
];

/** Something that runs SQL: a TypeORM EntityManager or QueryRunner, or a node-postgres client. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}
async function rows<T>(runner: SqlRunner, sql: string, params?: unknown[]): Promise<T[]> {
  const result = (await runner.query(sql, params)) as unknown;
  if (Array.isArray(result)) {
    return result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
      ? (result[0] as T[])
      : (result as T[]);
  }
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Opens a learner's sealed self-identification into bits (bit i: yes to EQUITY_GROUPS[i]). */
export type EquityBitsOf = (sealed: string) => number;

/**
 * The group keys of some credentials (all when `credentialIds` is null), as the insights query
 * groups them: the same expressions (`groupKeySql`), for every scope that sees the credential.
 */
function credentialKeysSql(filter: string): string {
  const plain = INSIGHTS_GROUPS.filter((d) => d !== 'ASSESSMENT_METHOD');
  return `WITH cs AS (SELECT c."id", x."scope_id" FROM ${S}."credentials" c
      CROSS JOIN LATERAL (
        SELECT '${ALL_SCOPE}'::uuid UNION SELECT c."issuer_id"
        UNION SELECT t."organization_id" FROM ${S}."credential_ties" t WHERE t."credential_id" = c."id"
        UNION SELECT um."umbrella_id" FROM ${S}."umbrella_members" um
         WHERE um."organization_id" = c."issuer_id" OR um."organization_id" IN (SELECT t."organization_id" FROM ${S}."credential_ties" t WHERE t."credential_id" = c."id")) AS x("scope_id")
      WHERE ${filter}),
    cd AS (SELECT c."id", v."dim", v."value" FROM ${S}."credentials" c LEFT JOIN ${S}."organizations" o ON o."id" = c."issuer_id"
      CROSS JOIN LATERAL (VALUES ${plain.map((d) => `('${d}', ${groupKeySql(d)})`).join(', ')}) AS v("dim", "value")
      WHERE ${filter}
      UNION SELECT c."id", 'ASSESSMENT_METHOD', m FROM ${S}."credentials" c CROSS JOIN LATERAL unnest(c."assessment_methods") AS m WHERE ${filter})
    SELECT DISTINCT cs."scope_id", cd."dim", cd."value", cs."id" AS "credential_id" FROM cs JOIN cd ON cd."id" = cs."id"`;
}

const EQUITY_LOCK = `SELECT pg_advisory_xact_lock(hashtext('evidence.equity_counts'))`;

/**
 * Adds (sign +1) or takes away (sign -1) these learners' part in equity_counts: each counts once in
 * every (scope, group, year) of their non-revoked awards, with their bits (null: not self-identified).
 */
async function applyLearners(
  runner: SqlRunner,
  learners: ReadonlyArray<{ lookup: string; bits: number | null }>,
  sign: 1 | -1,
): Promise<void> {
  if (learners.length === 0) return;
  await runner.query(
    `INSERT INTO ${S}."equity_counts" ("scope_id", "dim", "value", "year", "holders", "self_identified", ${EQUITY_COLUMNS.map((c) => `"${c}"`).join(', ')})
     SELECT d."scope_id", d."dim", d."value", d."year", $3 * count(*), $3 * count(d."bits"),
            ${EQUITY_COLUMNS.map((_, i) => `$3 * count(*) FILTER (WHERE d."bits" & ${1 << i} <> 0)`).join(', ')}
       FROM (SELECT DISTINCT l."lookup", l."bits", k."scope_id", k."dim", k."value", y."year"
               FROM unnest($1::text[], $2::int[]) AS l("lookup", "bits")
               JOIN ${S}."awards" a ON a."learner_lookup" = l."lookup" AND a."revoked_at" IS NULL
               JOIN ${S}."credential_group_keys" k ON k."credential_id" = a."credential_id"
               CROSS JOIN LATERAL (VALUES (${ALL_YEARS}), (CASE WHEN k."scope_id" = '${ALL_SCOPE}' THEN ${YEAR_SQL('a."issued_at"')} END)) AS y("year")
              WHERE y."year" IS NOT NULL) d
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT ("scope_id", "dim", "value", "year") DO UPDATE SET "holders" = ${S}."equity_counts"."holders" + excluded."holders",
        "self_identified" = ${S}."equity_counts"."self_identified" + excluded."self_identified",
        ${EQUITY_COLUMNS.map((c) => `"${c}" = ${S}."equity_counts"."${c}" + excluded."${c}"`).join(', ')}`,
    [learners.map((l) => l.lookup), learners.map((l) => l.bits), sign],
  );
}

async function bitsOfLearners(
  runner: SqlRunner,
  lookups: readonly string[],
  bitsOf: EquityBitsOf,
): Promise<Array<{ lookup: string; bits: number | null }>> {
  const sealed = new Map(
    (
      await rows<{ learner_lookup: string; sealed: string }>(
        runner,
        `SELECT "learner_lookup", "sealed" FROM ${S}."self_identifications" WHERE "learner_lookup" = ANY($1::text[])`,
        [lookups],
      )
    ).map((r) => [r.learner_lookup, r.sealed]),
  );
  return lookups.map((lookup) => {
    const s = sealed.get(lookup);
    return { lookup, bits: s === undefined ? null : bitsOf(s) };
  });
}

export const rollups = {
  /** A new award counts as issued in its credential-year (and in every-year). */
  async awardIssued(manager: EntityManager, credentialId: string, issuedAt: string | Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."award_counts" ("credential_id", "year", "issued") VALUES ($1, ${YEAR_SQL('$2::timestamptz')}, 1), ($1, ${ALL_YEARS}, 1)
       ON CONFLICT ("credential_id", "year") DO UPDATE SET "issued" = ${S}."award_counts"."issued" + 1`,
      [credentialId, issuedAt],
    );
  },

  /** An award just revoked: counted as revoked, and its feedback (if any) leaves the counts. */
  async awardRevoked(manager: EntityManager, credentialId: string, issuedAt: string | Date): Promise<void> {
    await manager.query(
      `UPDATE ${S}."award_counts" SET "revoked" = "revoked" + 1 WHERE "credential_id" = $1 AND "year" IN (${YEAR_SQL('$2::timestamptz')}, ${ALL_YEARS})`,
      [credentialId, issuedAt],
    );
    await this.recountFeedback(manager, [{ credentialId, issuedAt }]);
  },

  /** An employer's outcome report adds to its credential-year (the year it was reported) and every-year. */
  async outcomeReported(
    manager: EntityManager,
    r: {
      credentialId: string;
      reportedAt: string | Date;
      cohortSize: number;
      hired: number;
      promoted: number;
      retained: number;
      ratings: readonly number[];
      reflected: boolean;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."outcome_counts" ("credential_id", "year", "reports", "holders", "hired", "promoted", "retained", "rating_sum", "ratings", "reflected")
       SELECT $1, y, 1, $3, $4, $5, $6, $7, $8, $9 FROM (VALUES (${YEAR_SQL('$2::timestamptz')}), (${ALL_YEARS})) AS v(y)
       ON CONFLICT ("credential_id", "year") DO UPDATE SET "reports" = ${S}."outcome_counts"."reports" + 1,
         "holders" = ${S}."outcome_counts"."holders" + excluded."holders", "hired" = ${S}."outcome_counts"."hired" + excluded."hired",
         "promoted" = ${S}."outcome_counts"."promoted" + excluded."promoted", "retained" = ${S}."outcome_counts"."retained" + excluded."retained",
         "rating_sum" = ${S}."outcome_counts"."rating_sum" + excluded."rating_sum", "ratings" = ${S}."outcome_counts"."ratings" + excluded."ratings",
         "reflected" = ${S}."outcome_counts"."reflected" + excluded."reflected"`,
      [
        r.credentialId,
        r.reportedAt,
        r.cohortSize,
        r.hired,
        r.promoted,
        r.retained,
        r.ratings.reduce((a, b) => a + b, 0),
        r.ratings.length,
        r.reflected ? 1 : 0,
      ],
    );
  },

  /**
   * Recounts the feedback of the credential-years these awards fall in, from their responses, and
   * the credential's every-year rows from its years. A transaction lock per credential serializes
   * recounts, so concurrent answers each end with counts that include every committed response.
   */
  async recountFeedback(
    manager: EntityManager,
    awards: ReadonlyArray<{ credentialId: string; issuedAt: string | Date }>,
  ): Promise<void> {
    const seen = new Set<string>();
    for (const { credentialId, issuedAt } of awards) {
      const [{ year }] = (await manager.query(`SELECT ${YEAR_SQL('$1::timestamptz')} AS "year"`, [
        issuedAt,
      ])) as Array<{
        year: number;
      }>;
      const key = `${credentialId}:${year}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtext('evidence.feedback_counts'), hashtext($1))`,
        [credentialId],
      );
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
      await manager.query(
        `DELETE FROM ${S}."feedback_counts" WHERE "credential_id" = $1 AND "year" = ${ALL_YEARS}`,
        [credentialId],
      );
      await manager.query(
        `INSERT INTO ${S}."feedback_counts" ("credential_id", "year", "kind", "key", "n", "total")
         SELECT "credential_id", ${ALL_YEARS}, "kind", "key", sum("n"), sum("total") FROM ${S}."feedback_counts"
          WHERE "credential_id" = $1 AND "year" <> ${ALL_YEARS} GROUP BY 1, 3, 4`,
        [credentialId],
      );
    }
  },
};

/**
 * Equity reach kept current: a learner's part in equity_counts is taken away before anything that
 * changes it (an award issued or revoked, self-identification given, changed or deleted, a
 * credential's groups changing) and added back after, in the same transaction, under one lock.
 */
export const equityRollup = {
  /** Runs `change` with these learners' part taken out before and put back after (their bits read before and after). */
  async around<T>(
    runner: SqlRunner,
    lookups: readonly string[],
    bitsOf: EquityBitsOf,
    change: () => Promise<T>,
  ): Promise<T> {
    await runner.query(EQUITY_LOCK);
    const distinct = [...new Set(lookups)].sort();
    await applyLearners(runner, await bitsOfLearners(runner, distinct, bitsOf), -1);
    const result = await change();
    await applyLearners(runner, await bitsOfLearners(runner, distinct, bitsOf), 1);
    return result;
  },

  /**
   * Recomputes the group keys of these credentials from what evidence now knows (issuer, region,
   * partners' sector, ties, umbrellas, facts); when they changed, their holders are counted again
   * under the new keys.
   */
  async refreshCredentials(
    runner: SqlRunner,
    credentialIds: readonly string[],
    bitsOf: EquityBitsOf,
  ): Promise<void> {
    if (credentialIds.length === 0) return;
    await runner.query(EQUITY_LOCK);
    const [{ changed }] = await rows<{ changed: boolean }>(
      runner,
      `WITH fresh AS (${credentialKeysSql(`c."id" = ANY($1::uuid[])`)}),
            old AS (SELECT "scope_id", "dim", "value", "credential_id" FROM ${S}."credential_group_keys" WHERE "credential_id" = ANY($1::uuid[]))
       SELECT EXISTS ((SELECT * FROM fresh EXCEPT SELECT * FROM old) UNION ALL (SELECT * FROM old EXCEPT SELECT * FROM fresh)) AS "changed"`,
      [credentialIds],
    );
    if (!changed) return;
    const holders = (
      await rows<{ learner_lookup: string }>(
        runner,
        `SELECT DISTINCT "learner_lookup" FROM ${S}."awards" WHERE "credential_id" = ANY($1::uuid[]) AND "revoked_at" IS NULL`,
        [credentialIds],
      )
    ).map((r) => r.learner_lookup);
    await this.around(runner, holders, bitsOf, async () => {
      await runner.query(`DELETE FROM ${S}."credential_group_keys" WHERE "credential_id" = ANY($1::uuid[])`, [
        credentialIds,
      ]);
      await runner.query(
        `INSERT INTO ${S}."credential_group_keys" ("scope_id", "dim", "value", "credential_id") ${credentialKeysSql(`c."id" = ANY($1::uuid[])`)}`,
        [credentialIds],
      );
    });
  },

  /** Credentials whose keys depend on this organization: issued by it, tied to it, or (an umbrella) its members'. */
  async credentialsOf(runner: SqlRunner, organizationId: string): Promise<string[]> {
    return (
      await rows<{ id: string }>(
        runner,
        `SELECT c."id" FROM ${S}."credentials" c WHERE c."issuer_id" = $1
          OR EXISTS (SELECT 1 FROM ${S}."credential_ties" t WHERE t."credential_id" = c."id" AND t."organization_id" = $1)
          OR c."issuer_id" IN (SELECT "organization_id" FROM ${S}."umbrella_members" WHERE "umbrella_id" = $1)
          OR EXISTS (SELECT 1 FROM ${S}."credential_ties" t JOIN ${S}."umbrella_members" um ON um."organization_id" = t."organization_id"
                      WHERE t."credential_id" = c."id" AND um."umbrella_id" = $1)`,
        [organizationId],
      )
    ).map((r) => r.id);
  },

  /**
   * Rebuilds the keys and equity counts from scratch: every self-identification opened (in batches,
   * held in a temporary table for this transaction only), counted, dropped. Marks equity built.
   */
  async rebuild(runner: SqlRunner, bitsOf: EquityBitsOf): Promise<void> {
    await runner.query(EQUITY_LOCK);
    await runner.query(`TRUNCATE ${S}."credential_group_keys", ${S}."equity_counts"`);
    await runner.query(
      `INSERT INTO ${S}."credential_group_keys" ("scope_id", "dim", "value", "credential_id") ${credentialKeysSql('true')}`,
    );
    await runner.query(
      `CREATE TEMPORARY TABLE "equity_bits" ("learner_lookup" text PRIMARY KEY, "bits" int NOT NULL) ON COMMIT DROP`,
    );
    for (let after = ''; ;) {
      const batch = await rows<{ learner_lookup: string; sealed: string }>(
        runner,
        `SELECT "learner_lookup", "sealed" FROM ${S}."self_identifications" WHERE "learner_lookup" > $1 ORDER BY "learner_lookup" LIMIT 5000`,
        [after],
      );
      if (batch.length === 0) break;
      await runner.query(`INSERT INTO "equity_bits" SELECT * FROM unnest($1::text[], $2::int[])`, [
        batch.map((b) => b.learner_lookup),
        batch.map((b) => bitsOf(b.sealed)),
      ]);
      after = batch[batch.length - 1]!.learner_lookup;
    }
    // Holdings: one row per learner, credential and year. Learners with one holding (most) are
    // counted per credential-year and spread over its keys; only the others need deduplicating,
    // by integer ids (learner, key) so a million awards' keys sort quickly.
    await runner.query(
      `CREATE TEMPORARY TABLE "equity_holdings" ON COMMIT DROP AS
       SELECT h.*, count(*) OVER (PARTITION BY h."learner_lookup") AS "held"
         FROM (SELECT a."learner_lookup", a."credential_id", ${YEAR_SQL('a."issued_at"')} AS "year"
                 FROM ${S}."awards" a WHERE a."revoked_at" IS NULL GROUP BY 1, 2, 3) h`,
    );
    const counts = (bits: string) =>
      `count(*) AS "holders", count(${bits}) AS "self_identified", ${EQUITY_COLUMNS.map((c, i) => `count(*) FILTER (WHERE ${bits} & ${1 << i} <> 0) AS "${c}"`).join(', ')}`;
    const sums = `sum(s."holders"), sum(s."self_identified"), ${EQUITY_COLUMNS.map((c) => `sum(s."${c}")`).join(', ')}`;
    const insert = `INSERT INTO ${S}."equity_counts" ("scope_id", "dim", "value", "year", "holders", "self_identified", ${EQUITY_COLUMNS.map((c) => `"${c}"`).join(', ')})`;
    const upsert = `ON CONFLICT ("scope_id", "dim", "value", "year") DO UPDATE SET "holders" = ${S}."equity_counts"."holders" + excluded."holders",
        "self_identified" = ${S}."equity_counts"."self_identified" + excluded."self_identified",
        ${EQUITY_COLUMNS.map((c) => `"${c}" = ${S}."equity_counts"."${c}" + excluded."${c}"`).join(', ')}`;
    const years = (year: string) =>
      `CROSS JOIN LATERAL (VALUES (${ALL_YEARS}), (CASE WHEN k."scope_id" = '${ALL_SCOPE}' THEN ${year} END)) AS y("year")`;
    await runner.query(
      `${insert}
       SELECT k."scope_id", k."dim", k."value", y."year", ${sums}
         FROM (SELECT h."credential_id", h."year", ${counts('b."bits"')}
                 FROM "equity_holdings" h LEFT JOIN "equity_bits" b ON b."learner_lookup" = h."learner_lookup"
                WHERE h."held" = 1 GROUP BY 1, 2) s
         JOIN ${S}."credential_group_keys" k ON k."credential_id" = s."credential_id" ${years('s."year"')}
        WHERE y."year" IS NOT NULL GROUP BY 1, 2, 3, 4`,
    );
    await runner.query(
      `CREATE TEMPORARY TABLE "equity_keys" ON COMMIT DROP AS
       SELECT row_number() OVER ()::int AS "key_id", k.* FROM (SELECT DISTINCT "scope_id", "dim", "value" FROM ${S}."credential_group_keys") k`,
    );
    await runner.query(
      `CREATE TEMPORARY TABLE "equity_credential_keys" ON COMMIT DROP AS
       SELECT k."credential_id", ek."key_id", k."scope_id" = '${ALL_SCOPE}' AS "yearly"
         FROM ${S}."credential_group_keys" k JOIN "equity_keys" ek ON ek."scope_id" = k."scope_id" AND ek."dim" = k."dim" AND ek."value" = k."value"`,
    );
    await runner.query(
      `CREATE TEMPORARY TABLE "equity_multi" ON COMMIT DROP AS
       SELECT dense_rank() OVER (ORDER BY h."learner_lookup")::int AS "learner", h."credential_id", h."year", b."bits"
         FROM "equity_holdings" h LEFT JOIN "equity_bits" b ON b."learner_lookup" = h."learner_lookup" WHERE h."held" > 1`,
    );
    await runner.query(
      `${insert}
       SELECT ek."scope_id", ek."dim", ek."value", d."year", ${counts('d."bits"')}
         FROM (SELECT DISTINCT m."learner", m."bits", ck."key_id", y."year"
                 FROM "equity_multi" m JOIN "equity_credential_keys" ck ON ck."credential_id" = m."credential_id"
                 CROSS JOIN LATERAL (VALUES (${ALL_YEARS}), (CASE WHEN ck."yearly" THEN m."year" END)) AS y("year")
                WHERE y."year" IS NOT NULL) d
         JOIN "equity_keys" ek ON ek."key_id" = d."key_id"
        GROUP BY 1, 2, 3, 4
       ${upsert}`,
    );
    await runner.query(
      `UPDATE ${S}."rollup_state" SET "built" = true, "built_at" = now() WHERE "name" = 'equity'`,
    );
  },
};

/** Rebuilds every rollup from the base tables (run inside one transaction): counts, group keys, equity. */
export async function rebuildRollups(runner: SqlRunner, bitsOf: EquityBitsOf): Promise<void> {
  for (const statement of REBUILD_COUNTS_SQL) await runner.query(statement);
  await equityRollup.rebuild(runner, bitsOf);
}

/** Whether equity_counts is built (a migration leaves it to the service when sealed rows need the key). */
export async function equityRollupBuilt(runner: SqlRunner): Promise<boolean> {
  const [row] = await rows<{ built: boolean }>(
    runner,
    `SELECT "built" FROM ${S}."rollup_state" WHERE "name" = 'equity'`,
  );
  return row?.built === true;
}
