// How insights group credentials: one key per credential and dimension (ASSESSMENT_METHOD: one per
// method). Shared by the insights queries and the equity rollup's keys, so both group alike.
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
  | {
      readonly kind: 'ORGANIZATIONS';
      readonly issuers: readonly string[];
      readonly tied: readonly string[];
      /** The organization whose scope this is (its rows in the equity rollup). */
      readonly organizationId?: string;
    };

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
export const HOURS_BAND_SQL = `CASE WHEN c."hours" IS NULL THEN NULL WHEN c."hours" <= 10 THEN '3-10' WHEN c."hours" <= 20 THEN '11-20' WHEN c."hours" <= 40 THEN '21-40' WHEN c."hours" <= 80 THEN '41-80' ELSE '81-120' END`;
export const SECTOR_SQL = `(SELECT min(po."sector") FROM "evidence"."credential_ties" t JOIN "evidence"."organizations" po ON po."id" = t."organization_id" WHERE t."credential_id" = c."id" AND t."kind" = 'PARTNER' AND po."kind" = 'EMPLOYER')`;

export const GROUP_SQL: Record<InsightsGroup, { key: string; label: string }> = {
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

/** The SQL of a dimension's key over credentials `c` and their issuer `o` (not ASSESSMENT_METHOD: unnest the methods). */
export const groupKeySql = (dim: InsightsGroup): string => GROUP_SQL[dim].key;
