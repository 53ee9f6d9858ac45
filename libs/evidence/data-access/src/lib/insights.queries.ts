// The aggregates behind insights, over evidence's own read tables. Every query starts from the
// credentials in the caller's scope that pass the filter, each labelled with the group it falls in;
// what touches learners returns counts with every figure, so the use case can suppress small cells.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readFromReplica } from '@lattice/shared-data-access';
import {
  GROUP_SQL,
  HOURS_BAND_SQL,
  type InsightsFilterSql,
  type InsightsGroup,
  type InsightsScopeSql,
  SECTOR_SQL,
} from './groups';
import { ALL_SCOPE, ALL_YEARS, EQUITY_COLUMNS, YEAR_SQL } from './rollups';

export interface GroupRow {
  g: string;
  label: string;
}

class Sql {
  readonly params: unknown[] = [];
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/** An equity row: holders, how many self-identified, and how many said yes to each group (EQUITY_GROUPS order). */
export interface EquityRow extends GroupRow {
  holders: number;
  self_identified: number;
  groups: number[];
}

@Injectable()
export class InsightsQueries {
  /**
   * `reference`: answer every learner table straight from the base tables (awards, responses,
   * reports, sealed self-identifications) instead of the rollups — what the rollups must equal.
   */
  reference = false;

  constructor(private readonly dataSource: DataSource) {}

  /** The same queries, answered from the base tables. */
  referenceQueries(): InsightsQueries {
    const queries = new InsightsQueries(this.dataSource);
    queries.reference = true;
    return queries;
  }

  /** The scoped, filtered credentials as CTE `sc` (one row per credential and group); `year` filters awards. */
  private scoped(sql: Sql, scope: InsightsScopeSql, filter: InsightsFilterSql, group: InsightsGroup): string {
    const where: string[] = [];
    if (scope.kind === 'ORGANIZATIONS') {
      const issuers = sql.p(scope.issuers);
      const tied = sql.p(scope.tied);
      where.push(`(c."issuer_id" = ANY(${issuers}::uuid[])
        OR EXISTS (SELECT 1 FROM "evidence"."credential_ties" t WHERE t."credential_id" = c."id" AND t."organization_id" = ANY(${tied}::uuid[]))
        OR EXISTS (SELECT 1 FROM "evidence"."shares" s JOIN "evidence"."awards" sa ON sa."id" = s."award_id" WHERE sa."credential_id" = c."id" AND s."organization_id" = ANY(${tied}::uuid[])))`);
    }
    if (filter.credentialId) where.push(`c."id" = ${sql.p(filter.credentialId)}::uuid`);
    if (filter.issuerId) where.push(`c."issuer_id" = ${sql.p(filter.issuerId)}::uuid`);
    if (filter.region) where.push(`o."region" = ${sql.p(filter.region)}`);
    if (filter.sector) where.push(`${SECTOR_SQL} = ${sql.p(filter.sector)}`);
    if (filter.careerStage) where.push(`c."career_stage" = ${sql.p(filter.careerStage)}`);
    if (filter.deliveryMode) where.push(`c."delivery_mode" = ${sql.p(filter.deliveryMode)}`);
    if (filter.hoursBand) where.push(`${HOURS_BAND_SQL} = ${sql.p(filter.hoursBand)}`);
    if (filter.assessmentMethod)
      where.push(`${sql.p(filter.assessmentMethod)} = ANY(c."assessment_methods")`);
    const { key, label } = GROUP_SQL[group];
    const methods =
      group === 'ASSESSMENT_METHOD' ? `CROSS JOIN LATERAL unnest(c."assessment_methods") AS m("method")` : '';
    return `sc AS MATERIALIZED (
      SELECT c."id", c."issuer_id", c."hours", c."credit", c."transcriptable", c."assessment_methods", c."seconds_in_stage", o."size" AS "issuer_size", ${key} AS "g", ${label} AS "label"
        FROM "evidence"."credentials" c LEFT JOIN "evidence"."organizations" o ON o."id" = c."issuer_id" ${methods}
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''})`;
  }

  /** The filter's calendar year (UTC, as the rollups count it) on a timestamp column. */
  private yearOf(sql: Sql, column: string, filter: InsightsFilterSql): string {
    return filter.year ? `AND ${YEAR_SQL(column)} = ${sql.p(filter.year)}` : '';
  }

  /** Every insights query may run on a read replica (docs/scaling.md). */
  private run<T>(sql: Sql, text: string): Promise<T[]> {
    return readFromReplica(this.dataSource, (db) => db.query(text, sql.params) as Promise<T[]>);
  }

  /** Credentials per group: how many, credit-bearing, transcriptable, endorsed, mean hours (no learner in it). */
  credentials(scope: InsightsScopeSql, filter: InsightsFilterSql, group: InsightsGroup) {
    const sql = new Sql();
    return this.run<
      GroupRow & {
        credentials: number;
        credit: number;
        transcriptable: number;
        endorsed: number;
        mean_hours: number | null;
      }
    >(
      sql,
      `WITH ${this.scoped(sql, scope, filter, group)}
       SELECT sc."g", min(sc."label") AS "label", count(*)::int AS "credentials", count(*) FILTER (WHERE sc."credit")::int AS "credit",
              count(*) FILTER (WHERE sc."transcriptable")::int AS "transcriptable",
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "evidence"."credential_ties" t WHERE t."credential_id" = sc."id" AND t."kind" = 'ENDORSER'))::int AS "endorsed",
              avg(sc."hours")::float8 AS "mean_hours"
         FROM sc GROUP BY sc."g" ORDER BY min(sc."label")`,
    );
  }

  /** How many scoped credentials use each assessment method. */
  assessmentMix(scope: InsightsScopeSql, filter: InsightsFilterSql) {
    const sql = new Sql();
    return this.run<GroupRow & { credentials: number; total: number }>(
      sql,
      `WITH ${this.scoped(sql, scope, filter, 'NONE')}
       SELECT m AS "g", m AS "label", count(*)::int AS "credentials", (SELECT count(*)::int FROM sc) AS "total"
         FROM sc CROSS JOIN LATERAL unnest(sc."assessment_methods") AS m GROUP BY m ORDER BY count(*) DESC, m`,
    );
  }

  /** Days each stage took before publication, median and 90th percentile. */
  stageTimes(scope: InsightsScopeSql, filter: InsightsFilterSql) {
    const sql = new Sql();
    return this.run<GroupRow & { credentials: number; median_days: number; p90_days: number }>(
      sql,
      `WITH ${this.scoped(sql, scope, filter, 'NONE')}
       SELECT s.key AS "g", s.key AS "label", count(*)::int AS "credentials",
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY s.value::float8) / 86400)::float8 AS "median_days",
              (percentile_cont(0.9) WITHIN GROUP (ORDER BY s.value::float8) / 86400)::float8 AS "p90_days"
         FROM sc CROSS JOIN LATERAL jsonb_each_text(sc."seconds_in_stage") AS s
        WHERE s.key <> 'PUBLISHED' GROUP BY s.key ORDER BY 4 DESC`,
    );
  }

  /** The rollup rows of the filter's year, or the every-year rows (rollups are per credential and calendar year, and 0: all). */
  private rollupYear(sql: Sql, alias: string, filter: InsightsFilterSql): string {
    return `AND ${alias}."year" = ${sql.p(filter.year ?? ALL_YEARS)}`;
  }

  /** Awards issued and revoked per group (learners), from the per credential-year rollup. */
  awards(scope: InsightsScopeSql, filter: InsightsFilterSql, group: InsightsGroup) {
    const sql = new Sql();
    if (this.reference) {
      return this.run<GroupRow & { issued: number; revoked: number }>(
        sql,
        `WITH ${this.scoped(sql, scope, filter, group)}
         SELECT sc."g", min(sc."label") AS "label", count(*)::int AS "issued", count(a."revoked_at")::int AS "revoked"
           FROM sc JOIN "evidence"."awards" a ON a."credential_id" = sc."id" ${this.yearOf(sql, 'a."issued_at"', filter)}
          GROUP BY sc."g" ORDER BY min(sc."label")`,
      );
    }
    return this.run<GroupRow & { issued: number; revoked: number }>(
      sql,
      `WITH ${this.scoped(sql, scope, filter, group)}
       SELECT sc."g", min(sc."label") AS "label", sum(ac."issued")::int AS "issued", sum(ac."revoked")::int AS "revoked"
         FROM sc JOIN "evidence"."award_counts" ac ON ac."credential_id" = sc."id" ${this.rollupYear(sql, 'ac', filter)}
        GROUP BY sc."g" ORDER BY min(sc."label")`,
    );
  }

  /**
   * Feedback per group: respondents, mean of each scale question, and how many reported each
   * change — from the per credential-year rollup (responses to revoked awards already left out).
   */
  feedback(scope: InsightsScopeSql, filter: InsightsFilterSql, group: InsightsGroup) {
    const sql = new Sql();
    return this.run<
      GroupRow & { respondents: number; scores: Record<string, number>; changes: Record<string, number> }
    >(
      sql,
      `WITH ${this.scoped(sql, scope, filter, group)},
       fc AS MATERIALIZED (
         SELECT sc."g", min(sc."label") AS "label", x."kind", x."key", sum(x."n")::int AS "n", sum(x."total")::float8 AS "total"
           FROM sc JOIN ${this.reference ? this.feedbackCountsSql(sql, filter) : `"evidence"."feedback_counts" x ON x."credential_id" = sc."id" ${this.rollupYear(sql, 'x', filter)}`}
          GROUP BY sc."g", x."kind", x."key")
       SELECT fc."g", min(fc."label") AS "label", (sum(fc."n") FILTER (WHERE fc."kind" = 'R'))::int AS "respondents",
              coalesce(jsonb_object_agg(fc."key", fc."total" / fc."n") FILTER (WHERE fc."kind" = 'S'), '{}') AS "scores",
              coalesce(jsonb_object_agg(fc."key", fc."n") FILTER (WHERE fc."kind" = 'C'), '{}') AS "changes"
         FROM fc GROUP BY fc."g" HAVING sum(fc."n") FILTER (WHERE fc."kind" = 'R') > 0 ORDER BY min(fc."label")`,
    );
  }

  /** feedback_counts' rows computed from the responses (the reference), as `x` joined to `sc`. */
  private feedbackCountsSql(sql: Sql, filter: InsightsFilterSql): string {
    return `(WITH r AS MATERIALIZED (SELECT f."award_id", f."credential_id", f."changes" FROM "evidence"."feedback_responses" f
                JOIN "evidence"."awards" a ON a."id" = f."award_id" AND a."revoked_at" IS NULL ${this.yearOf(sql, 'a."issued_at"', filter)})
             SELECT r."credential_id", 'R' AS "kind", '' AS "key", count(*)::int AS "n", 0 AS "total" FROM r GROUP BY 1
             UNION ALL SELECT r."credential_id", 'C', ch, count(*)::int, 0 FROM r CROSS JOIN LATERAL unnest(r."changes") AS ch GROUP BY 1, 3
             UNION ALL SELECT r."credential_id", 'S', fs."question_key", count(*)::int, sum(fs."score")::int FROM r JOIN "evidence"."feedback_scores" fs ON fs."award_id" = r."award_id" GROUP BY 1, 3
           ) x ON x."credential_id" = sc."id"`;
  }

  /** Comments on one credential, without anything that identifies whose: text only, in a random order. */
  comments(scope: InsightsScopeSql, credentialId: string) {
    const sql = new Sql();
    return this.run<{ respondents: number; comments: string[] }>(
      sql,
      `WITH ${this.scoped(sql, scope, { credentialId }, 'NONE')}
       SELECT count(*)::int AS "respondents", coalesce(array_agg(f."comment" ORDER BY random()) FILTER (WHERE f."comment" IS NOT NULL), '{}') AS "comments"
         FROM sc JOIN "evidence"."feedback_responses" f ON f."credential_id" = sc."id" JOIN "evidence"."awards" a ON a."id" = f."award_id" AND a."revoked_at" IS NULL`,
    );
  }

  /** Employers' outcome reports per group: holders covered, hired, promoted, retained, mean rating, assessment reflected. */
  outcomes(scope: InsightsScopeSql, filter: InsightsFilterSql, group: InsightsGroup) {
    const sql = new Sql();
    return this.run<
      GroupRow & {
        reports: number;
        holders: number;
        hired: number;
        promoted: number;
        retained: number;
        mean_rating: number | null;
        reflected: number;
      }
    >(
      sql,
      this.reference
        ? `WITH ${this.scoped(sql, scope, filter, group)}
       SELECT sc."g", min(sc."label") AS "label", count(*)::int AS "reports", sum(o."cohort_size")::int AS "holders", sum(o."hired")::int AS "hired",
              sum(o."promoted")::int AS "promoted", sum(o."retained")::int AS "retained",
              (sum(r."rating_sum")::float8 / nullif(sum(r."ratings"), 0))::float8 AS "mean_rating",
              count(*) FILTER (WHERE o."assessment_reflected")::int AS "reflected"
         FROM sc JOIN "evidence"."outcome_reports" o ON o."credential_id" = sc."id" ${this.yearOf(sql, 'o."reported_at"', filter)}
         LEFT JOIN LATERAL (SELECT sum("rating")::int AS "rating_sum", count(*)::int AS "ratings" FROM "evidence"."outcome_ratings" x WHERE x."report_id" = o."id") r ON true
        GROUP BY sc."g" ORDER BY min(sc."label")`
        : `WITH ${this.scoped(sql, scope, filter, group)}
       SELECT sc."g", min(sc."label") AS "label", sum(oc."reports")::int AS "reports", sum(oc."holders")::int AS "holders", sum(oc."hired")::int AS "hired",
              sum(oc."promoted")::int AS "promoted", sum(oc."retained")::int AS "retained",
              (sum(oc."rating_sum")::float8 / nullif(sum(oc."ratings"), 0))::float8 AS "mean_rating",
              sum(oc."reflected")::int AS "reflected"
         FROM sc JOIN "evidence"."outcome_counts" oc ON oc."credential_id" = sc."id" ${this.rollupYear(sql, 'oc', filter)}
        GROUP BY sc."g" HAVING sum(oc."reports") > 0 ORDER BY min(sc."label")`,
    );
  }

  /** Holders per group with their learner lookup's sealed self-identification (opened and counted by the caller, never returned). */
  private equityHolders(scope: InsightsScopeSql, filter: InsightsFilterSql, group: InsightsGroup) {
    const sql = new Sql();
    return this.run<GroupRow & { holders: number; sealed: string[] }>(
      sql,
      `WITH ${this.scoped(sql, scope, filter, group)},
       h AS (SELECT DISTINCT sc."g", sc."label", a."learner_lookup" FROM sc JOIN "evidence"."awards" a ON a."credential_id" = sc."id" AND a."revoked_at" IS NULL ${this.yearOf(sql, 'a."issued_at"', filter)})
       SELECT h."g", min(h."label") AS "label", count(*)::int AS "holders", coalesce(array_agg(si."sealed") FILTER (WHERE si."sealed" IS NOT NULL), '{}') AS "sealed"
         FROM h LEFT JOIN "evidence"."self_identifications" si ON si."learner_lookup" = h."learner_lookup" GROUP BY h."g" ORDER BY min(h."label")`,
    );
  }

  /** The rollup scope a query's scope has rows under, if any: everything, or the one organization asked about. */
  private equityScope(scope: InsightsScopeSql): string | null {
    return scope.kind === 'ALL' ? ALL_SCOPE : (scope.organizationId ?? null);
  }

  /**
   * Equity reach per group, from equity_counts when that answers exactly: the rollup counts a
   * group's distinct holders over every credential in it (within the scope), so it is used only
   * when, in every group shown, the credentials the scope and filter select are exactly the
   * group's credentials in the rollup's keys (and the equity rollup is built; per year only for
   * everything). Otherwise (a filter cutting across a group, a scope widened by shares) the
   * holders are read from the awards and their sealed self-identifications opened with `bitsOf`.
   */
  async equityReach(
    scope: InsightsScopeSql,
    filter: InsightsFilterSql,
    group: InsightsGroup,
    bitsOf: (sealed: string) => number,
  ): Promise<EquityRow[]> {
    const exact = this.reference ? null : await this.equityFromRollup(scope, filter, group);
    if (exact) return exact;
    const rows = await this.equityHolders(scope, filter, group);
    return rows.map((r) => {
      const groups = EQUITY_COLUMNS.map(() => 0);
      for (const sealed of r.sealed) {
        const bits = bitsOf(sealed);
        groups.forEach((_, i) => (groups[i]! += bits & (1 << i) ? 1 : 0));
      }
      return { g: r.g, label: r.label, holders: r.holders, self_identified: r.sealed.length, groups };
    });
  }

  /** Equity reach from equity_counts, or null when the rollup would not answer exactly (see equityReach). */
  async equityFromRollup(
    scope: InsightsScopeSql,
    filter: InsightsFilterSql,
    group: InsightsGroup,
  ): Promise<EquityRow[] | null> {
    const scopeId = this.equityScope(scope);
    if (scopeId && (!filter.year || scopeId === ALL_SCOPE)) {
      const sql = new Sql();
      const scopeParam = sql.p(scopeId);
      const dimParam = sql.p(group);
      const [answer] = await this.run<{ exact: boolean; rows: EquityRow[] }>(
        sql,
        `WITH ${this.scoped(sql, scope, filter, group)},
         sel AS (SELECT DISTINCT sc."g", sc."id" FROM sc),
         snap AS (SELECT k."value" AS "g", k."credential_id" AS "id" FROM "evidence"."credential_group_keys" k
                   WHERE k."scope_id" = ${scopeParam}::uuid AND k."dim" = ${dimParam} AND k."value" IN (SELECT "g" FROM sel)),
         l AS (SELECT sc."g", min(sc."label") AS "label" FROM sc GROUP BY sc."g")
         SELECT (SELECT "built" FROM "evidence"."rollup_state" WHERE "name" = 'equity')
                AND NOT EXISTS ((SELECT * FROM sel EXCEPT SELECT * FROM snap) UNION ALL (SELECT * FROM snap EXCEPT SELECT * FROM sel)) AS "exact",
                coalesce((SELECT json_agg(json_build_object('g', l."g", 'label', l."label", 'holders', e."holders", 'self_identified', e."self_identified",
                                                           'groups', json_build_array(${EQUITY_COLUMNS.map((c) => `e."${c}"`).join(', ')})) ORDER BY l."label")
                            FROM l JOIN "evidence"."equity_counts" e ON e."scope_id" = ${scopeParam}::uuid AND e."dim" = ${dimParam} AND e."value" = l."g"
                             AND e."year" = ${sql.p(filter.year ?? ALL_YEARS)} AND e."holders" > 0), '[]') AS "rows"`,
      );
      if (answer?.exact) return answer.rows;
    }
    return null;
  }

  /** Accepted partnerships in scope by the institution's region, and how many went to small institutions. */
  partnerships(scope: InsightsScopeSql, byRegion: boolean) {
    const sql = new Sql();
    const where =
      scope.kind === 'ALL'
        ? ''
        : `WHERE p."employer_id" = ANY(${sql.p([...scope.issuers, ...scope.tied])}::uuid[]) OR p."institution_id" = ANY($1::uuid[])`;
    return this.run<GroupRow & { partnerships: number; small: number }>(
      sql,
      `SELECT ${byRegion ? `coalesce(i."region", 'unknown')` : `'all'`} AS "g", min(${byRegion ? `coalesce(i."region", 'unknown')` : `'all'`}) AS "label",
              count(*)::int AS "partnerships", count(*) FILTER (WHERE i."size" IN ('MICRO', 'SMALL'))::int AS "small"
         FROM "evidence"."partnerships" p LEFT JOIN "evidence"."organizations" i ON i."id" = p."institution_id" ${where}
        GROUP BY 1 ORDER BY 2`,
    );
  }
}
