// The aggregates behind insights, over evidence's own read tables. Every query starts from the
// credentials in the caller's scope that pass the filter, each labelled with the group it falls in;
// what touches learners returns counts with every figure, so the use case can suppress small cells.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readFromReplica } from '@lattice/shared-data-access';

export const INSIGHTS_GROUPS = [
  'NONE',
  'CREDENTIAL',
  'INSTITUTION',
  'REGION',
  'SECTOR',
  'CAREER_STAGE',
  'DELIVERY_MODE',
  'HOURS_BAND',
  'ASSESSMENT_METHOD',
] as const;
export type InsightsGroup = (typeof INSIGHTS_GROUPS)[number];
/** Groupings where one credential falls in several groups: rows do not add up to a total. */
export const OVERLAPPING_GROUPS: ReadonlySet<InsightsGroup> = new Set(['ASSESSMENT_METHOD']);

/** Which credentials the caller may see: all (operators), or those of some organizations. */
export type InsightsScopeSql =
  | { readonly kind: 'ALL' }
  /** Credentials these organizations issued, partnered on or endorsed, and (for employers) those a holder shared with them. */
  | { readonly kind: 'ORGANIZATIONS'; readonly issuers: readonly string[]; readonly tied: readonly string[] };

export interface InsightsFilterSql {
  readonly credentialId?: string | null;
  readonly issuerId?: string | null;
  readonly region?: string | null;
  readonly sector?: string | null;
  readonly careerStage?: string | null;
  readonly deliveryMode?: string | null;
  readonly hoursBand?: string | null;
  readonly assessmentMethod?: string | null;
  /** Awards (and feedback on them) issued in this calendar year. */
  readonly year?: number | null;
}

export const HOURS_BANDS = ['3-10', '11-20', '21-40', '41-80', '81-120'] as const;
const HOURS_BAND_SQL = `CASE WHEN c."hours" IS NULL THEN NULL WHEN c."hours" <= 10 THEN '3-10' WHEN c."hours" <= 20 THEN '11-20' WHEN c."hours" <= 40 THEN '21-40' WHEN c."hours" <= 80 THEN '41-80' ELSE '81-120' END`;
const SECTOR_SQL = `(SELECT min(po."sector") FROM "evidence"."credential_ties" t JOIN "evidence"."organizations" po ON po."id" = t."organization_id" WHERE t."credential_id" = c."id" AND t."kind" = 'PARTNER' AND po."kind" = 'EMPLOYER')`;

const GROUP_SQL: Record<InsightsGroup, { key: string; label: string }> = {
  NONE: { key: `'all'`, label: `'all'` },
  CREDENTIAL: { key: `c."id"::text`, label: `c."title"` },
  INSTITUTION: { key: `c."issuer_id"::text`, label: `coalesce(o."name", c."issuer_id"::text)` },
  REGION: { key: `coalesce(o."region", 'unknown')`, label: `coalesce(o."region", 'unknown')` },
  SECTOR: { key: `coalesce(${SECTOR_SQL}, 'unknown')`, label: `coalesce(${SECTOR_SQL}, 'unknown')` },
  CAREER_STAGE: {
    key: `coalesce(c."career_stage", 'unknown')`,
    label: `coalesce(c."career_stage", 'unknown')`,
  },
  DELIVERY_MODE: {
    key: `coalesce(c."delivery_mode", 'unknown')`,
    label: `coalesce(c."delivery_mode", 'unknown')`,
  },
  HOURS_BAND: {
    key: `coalesce(${HOURS_BAND_SQL}, 'unknown')`,
    label: `coalesce(${HOURS_BAND_SQL}, 'unknown')`,
  },
  ASSESSMENT_METHOD: { key: `m."method"`, label: `m."method"` },
};

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

@Injectable()
export class InsightsQueries {
  constructor(private readonly dataSource: DataSource) {}

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

  private yearOf(sql: Sql, column: string, filter: InsightsFilterSql): string {
    return filter.year
      ? `AND ${column} >= make_date(${sql.p(filter.year)}, 1, 1) AND ${column} < make_date(${sql.p(filter.year)} + 1, 1, 1)`
      : '';
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

  /** The rollup rows of the filter's year, when it has one (rollups are per credential and calendar year). */
  private rollupYear(sql: Sql, alias: string, filter: InsightsFilterSql): string {
    return filter.year ? `AND ${alias}."year" = ${sql.p(filter.year)}` : '';
  }

  /** Awards issued and revoked per group (learners), from the per credential-year rollup. */
  awards(scope: InsightsScopeSql, filter: InsightsFilterSql, group: InsightsGroup) {
    const sql = new Sql();
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
           FROM sc JOIN "evidence"."feedback_counts" x ON x."credential_id" = sc."id" ${this.rollupYear(sql, 'x', filter)}
          GROUP BY sc."g", x."kind", x."key")
       SELECT fc."g", min(fc."label") AS "label", (sum(fc."n") FILTER (WHERE fc."kind" = 'R'))::int AS "respondents",
              coalesce(jsonb_object_agg(fc."key", fc."total" / fc."n") FILTER (WHERE fc."kind" = 'S'), '{}') AS "scores",
              coalesce(jsonb_object_agg(fc."key", fc."n") FILTER (WHERE fc."kind" = 'C'), '{}') AS "changes"
         FROM fc GROUP BY fc."g" HAVING sum(fc."n") FILTER (WHERE fc."kind" = 'R') > 0 ORDER BY min(fc."label")`,
    );
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
      `WITH ${this.scoped(sql, scope, filter, group)}
       SELECT sc."g", min(sc."label") AS "label", count(*)::int AS "reports", sum(o."cohort_size")::int AS "holders", sum(o."hired")::int AS "hired",
              sum(o."promoted")::int AS "promoted", sum(o."retained")::int AS "retained",
              (sum(r."rating_sum")::float8 / nullif(sum(r."ratings"), 0))::float8 AS "mean_rating",
              count(*) FILTER (WHERE o."assessment_reflected")::int AS "reflected"
         FROM sc JOIN "evidence"."outcome_reports" o ON o."credential_id" = sc."id" ${this.yearOf(sql, 'o."reported_at"', filter)}
         LEFT JOIN LATERAL (SELECT sum("rating")::int AS "rating_sum", count(*)::int AS "ratings" FROM "evidence"."outcome_ratings" x WHERE x."report_id" = o."id") r ON true
        GROUP BY sc."g" ORDER BY min(sc."label")`,
    );
  }

  /** Holders per group with their learner lookup's sealed self-identification (opened and counted by the caller, never returned). */
  equityHolders(scope: InsightsScopeSql, filter: InsightsFilterSql, group: InsightsGroup) {
    const sql = new Sql();
    return this.run<GroupRow & { holders: number; sealed: string[] }>(
      sql,
      `WITH ${this.scoped(sql, scope, filter, group)},
       h AS (SELECT DISTINCT sc."g", sc."label", a."learner_lookup" FROM sc JOIN "evidence"."awards" a ON a."credential_id" = sc."id" AND a."revoked_at" IS NULL ${this.yearOf(sql, 'a."issued_at"', filter)})
       SELECT h."g", min(h."label") AS "label", count(*)::int AS "holders", coalesce(array_agg(si."sealed") FILTER (WHERE si."sealed" IS NOT NULL), '{}') AS "sealed"
         FROM h LEFT JOIN "evidence"."self_identifications" si ON si."learner_lookup" = h."learner_lookup" GROUP BY h."g" ORDER BY min(h."label")`,
    );
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
