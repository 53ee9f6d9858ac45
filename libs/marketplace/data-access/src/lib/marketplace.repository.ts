// Marketplace reads: the taxonomy, needs and profiles by batches of ids (for DataLoaders), the
// filtered lists, and the ranking queries. Each method is one SQL statement. The rankings and the
// demand map may run on a read replica (readFromReplica: docs/scaling.md).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { lsnToBigInt, preparedQuery, readFromReplica, requireReplayed } from '@lattice/shared-data-access';
import type { MatchWeights, WordMatch } from '@lattice/marketplace-domain';
import {
  DirectoryOrganizationEntity,
  MARKETPLACE_SCHEMA,
  type NeedStatus,
  SkillNeedEntity,
} from './marketplace.entities';

const S = `"${MARKETPLACE_SCHEMA}"`;
/** How many matches a cached ranking keeps apart for the usual pages (as the match-cache-head migration filled it). */
const MATCH_CACHE_HEAD_SIZE = 20;

export interface SkillRow {
  id: string;
  uri: string;
  framework: 'ESCO' | 'SFS';
  kind: 'SKILL' | 'KNOWLEDGE' | 'SKILL_GROUP';
  code: string | null;
  labelEn: string;
  labelFr: string | null;
  altLabelsEn: string[];
  altLabelsFr: string[];
  descriptionEn: string | null;
  descriptionFr: string | null;
  skillType: string | null;
  reuseLevel: string | null;
  collections: string[];
}

const SKILL_COLUMNS = `s."id", s."uri", s."framework", s."kind", s."code", s."label_en" AS "labelEn", s."label_fr" AS "labelFr",
  s."alt_labels_en" AS "altLabelsEn", s."alt_labels_fr" AS "altLabelsFr", s."description_en" AS "descriptionEn",
  s."description_fr" AS "descriptionFr", s."skill_type" AS "skillType", s."reuse_level" AS "reuseLevel", s."collections"`;

export interface SkillSearch {
  /** Vocabulary words the searched words met (SearchVocabulary), with the number of searched words; absent: list all. */
  readonly matches?: readonly WordMatch[] | null;
  readonly searchedWords?: number;
  readonly framework?: 'ESCO' | 'SFS' | null;
  readonly includeGroups?: boolean;
}

export interface LeveledSkill {
  ownerId: string;
  skillId: string;
  level: number;
}

export interface NeedListFilter {
  readonly organizationIds?: readonly string[] | null;
  readonly skillId?: string | null;
  /** Needs in any of these regions (the filter region and every region within it). */
  readonly regions?: readonly string[] | null;
  readonly sector?: string | null;
  readonly careerStage?: string | null;
  readonly status?: NeedStatus | null;
  readonly postedAfter?: Date | null;
  readonly postedBefore?: Date | null;
  readonly neededBefore?: string | null;
}

export interface RankedFacts {
  /** The institution (partner ranking) or the need (need ranking). */
  candidateId: string;
  score: number;
  neededSkills: number;
  exactCredit: number;
  exactSkills: number;
  exactSkillIds: string[];
  relatedSkills: number;
  relatedSkillIds: string[];
  regionFit: number;
  deliveryOverlap: boolean;
  annualCapacity: number;
  learnerCount: number;
  daysUntilNeeded: number | null;
  small: boolean;
  region: string;
  /** The exposure term this candidate received (see CALIBRATED_EXPOSURE). */
  exposure: number;
}

/** 'P': institutions ranked for a need; 'N': needs ranked for an institution. */
export type MatchCacheKind = 'P' | 'N';

export type DemandGroupBy = 'REGION' | 'SECTOR' | 'SKILL' | 'SKILL_GROUP';

export interface DemandQuery {
  readonly groupBy: DemandGroupBy;
  readonly regions?: readonly string[] | null;
  readonly sector?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly organizationIds?: readonly string[] | null;
  readonly groupLevel: number;
  readonly limit: number;
  /** Where open demand is read from: the rollup when the filters allow (default), or the needs themselves. */
  readonly source?: 'rollup' | 'needs';
}

export interface DemandRow {
  key: string;
  label: string | null;
  /** A skill's or group's French label (ESCO), when it has one. */
  labelFr: string | null;
  needs: number;
  learners: number;
  supply: number;
  capacity: number;
}

function weightParams(weights: MatchWeights): number[] {
  return [
    weights.skill,
    weights.related,
    weights.region,
    weights.deliveryMode,
    weights.capacity,
    weights.timeline,
    weights.smallInstitution,
    weights.capableCoverage,
    weights.leadTimeDays,
    weights.exposureFloor,
    weights.exposureSlots,
  ];
}

// $3..$13 are the weights in weightParams order; the same formula as scoreMatch in the domain.
// BASE is the score without the exposure term; a candidate is capable when its skill coverage
// reaches $10.
const BASE = `(
    $3::float8 * f."exact_credit" / f."needed"
  + $4::float8 * f."related_skills" / f."needed"
  + $5::float8 * f."region_fit"
  + CASE WHEN f."delivery_overlap" THEN $6::float8 ELSE 0 END
  + $7::float8 * least(1, f."annual_capacity"::float8 / greatest(f."learner_count", 1))
  + $8::float8 * CASE WHEN f."days_until" IS NULL THEN 1 ELSE least(1, greatest(0, f."days_until"::float8 / $11::float8)) END
)`;
const CAPABLE = `((f."exact_credit" + 0.5 * f."related_skills") / f."needed" >= $10::float8)`;

const FACT_COLUMNS = `f."candidate_id" AS "candidateId", f."base" + f."exposure" AS "score", f."exposure", f."needed" AS "neededSkills", f."exact_credit" AS "exactCredit",
  f."exact_skills" AS "exactSkills", f."exact_ids" AS "exactSkillIds", f."related_skills" AS "relatedSkills", f."related_ids" AS "relatedSkillIds",
  f."region_fit" AS "regionFit", f."delivery_overlap" AS "deliveryOverlap", f."annual_capacity" AS "annualCapacity",
  f."learner_count" AS "learnerCount", f."days_until" AS "daysUntilNeeded", f."small", f."region"`;

/**
 * The calibrated exposure term of a need's ranking (see docs/matching.md): capable small
 * institutions should hold their share of the first $13 places — t = their share of the capable
 * candidates × $13, rounded by a dither fixed per need (so over many needs it is exact on
 * average) — and the smallest lift that puts t of them there (the t-th best capable small one just
 * above the ($13 − t + 1)-th best other) is added to every capable small one; at least the floor
 * $12 (ties go to them), at most the cap $9.
 */
const CALIBRATED_EXPOSURE = `
  g AS MATERIALIZED (SELECT f.*, ${BASE} AS "base", ${CAPABLE} AS "capable", f."small" AND ${CAPABLE} AS "sc",
                            row_number() OVER (PARTITION BY f."small" AND ${CAPABLE} ORDER BY ${BASE} DESC, f."candidate_id") AS "pos" FROM f),
  t AS MATERIALIZED (SELECT least(count(*) FILTER (WHERE g."sc"),
                     floor($13::float8 * count(*) FILTER (WHERE g."sc") / greatest(count(*) FILTER (WHERE g."capable"), 1)
                           + ('x' || substr(md5($1::text), 1, 8))::bit(32)::bigint::float8 / 4294967296.0))::int AS "t" FROM g),
  lift AS MATERIALIZED (SELECT CASE WHEN t."t" = 0 THEN $12::float8 ELSE least($9::float8, greatest($12::float8,
                    coalesce((SELECT g."base" FROM g WHERE NOT g."sc" AND g."pos" = $13::int - t."t" + 1), 0)
                    - (SELECT g."base" FROM g WHERE g."sc" AND g."pos" = t."t") + 0.000001)) END AS "b" FROM t),
  ranked AS (SELECT g.*, CASE WHEN g."sc" THEN lift."b" ELSE 0 END AS "exposure" FROM g CROSS JOIN lift)`;

/** Every open need sharing a skill with the institution (its own or related through its groups), summed per need. */
const ALL_CANDIDATES = `
       cand AS (
         SELECT k."need_id",
                coalesce(sum(least(sk."level", k."level")::float8 / k."level") FILTER (WHERE sk."level" IS NOT NULL), 0)::float8 AS "exact_credit",
                count(sk."level")::int AS "exact_skills",
                (count(*) - count(sk."level"))::int AS "related_skills"
           FROM sk JOIN ${S}."need_skills" k ON k."skill_id" = sk."skill_id"
          GROUP BY k."need_id"
       ),`;

/**
 * How many needs, in id order, the perfect-needs shortcut looks through before it gives up (and
 * the whole market is ranked): enough to find a page of perfect needs for an institution teaching
 * popular skills (about 2% of needs are perfect for it), little enough to cost ~100 ms when not.
 */
const PERFECT_WALK = 20_000;

/**
 * The shortcut's candidates: the needs "perfect" for the institution — every skill taught at or
 * above the level asked, the need's region within its cover, a shared delivery mode, capacity for
 * all its learners, time to spare: the best score it can give a need — among the first $15 needs
 * by id, and among all open needs whose skill count ($16, found by the `skill_count` index) gives a
 * perfect need a higher score than the lowest perfect score (PERFECT_SCORES). The answer is exact
 * when the page's last score reaches that lowest perfect score: every need left out scores lower,
 * or the same with a larger id.
 */
const PERFECT_CANDIDATES = `
       walk AS MATERIALIZED (
         (SELECT w."id" FROM ${S}."skill_needs" w ORDER BY w."id" LIMIT $15)
         UNION
         SELECT w."id" FROM ${S}."skill_needs" w WHERE w."status" = 'OPEN' AND w."skill_count" = ANY($16::int[])
       ),
       cand AS (
         SELECT n."id" AS "need_id", n."skill_count"::float8 AS "exact_credit", n."skill_count" AS "exact_skills", 0 AS "related_skills"
           FROM walk CROSS JOIN prof
           CROSS JOIN LATERAL (SELECT x.* FROM ${S}."skill_needs" x WHERE x."id" = walk."id" OFFSET 0) n
          WHERE n."status" = 'OPEN' AND n."skill_count" > 0 AND n."region" = ANY(prof."region_cover") AND prof."delivery_modes" && n."delivery_modes"
            AND n."learner_count" <= prof."annual_capacity" AND (n."needed_by" IS NULL OR n."needed_by" - current_date >= $11::float8)
            AND NOT EXISTS (SELECT 1 FROM ${S}."need_skills" k LEFT JOIN ps ON ps."skill_id" = k."skill_id"
                             WHERE k."need_id" = n."id" AND (ps."level" IS NULL OR ps."level" < k."level"))
       ),`;

/**
 * The score of a perfect need for this institution, for every skill count a need may have (1..30,
 * the skill_needs check), computed with the ranking's own expressions, so the same floating-point
 * values: 0.45 × 13 / 13 is one unit in the last place above 0.45 × 2 / 2.
 */
const PERFECT_SCORES = `
  WITH prof AS (SELECT p."annual_capacity", o."size" FROM ${S}."capability_profiles" p JOIN ${S}."organizations" o ON o."id" = p."organization_id"
                 WHERE p."organization_id" = $1 AND $2::int > 0) -- $2 (the page size) is unused here but shares the parameter list
  SELECT f."needed" AS "k", ${BASE} + CASE WHEN f."small" AND ${CAPABLE} AND $13::int > 0 THEN least($9::float8, $12::float8) ELSE 0 END AS "score"
    FROM (SELECT k AS "needed", k::float8 AS "exact_credit", 0 AS "related_skills", 1.0 AS "region_fit", true AS "delivery_overlap",
                 prof."annual_capacity", 1 AS "learner_count", NULL::int AS "days_until", prof."size" = 'SMALL' AS "small"
            FROM generate_series(1, 30) k CROSS JOIN prof) f`;

/**
 * The shortcut is exact only when a perfect need strictly beats every other: each term it
 * maximises must weigh something, and an exact skill more than a related one.
 */
function perfectShortcutApplies(w: MatchWeights): boolean {
  return (
    w.skill > w.related &&
    w.related >= 0 &&
    w.region > 0 &&
    w.deliveryMode > 0 &&
    w.capacity > 0 &&
    w.timeline > 0 &&
    w.leadTimeDays > 0
  );
}

/** rankNeeds' statement up to its select list, over the given candidates (see rankNeeds). */
function rankNeedsSql(candidates: string): string {
  return `WITH prof AS MATERIALIZED (
         SELECT p.*, o."size" FROM ${S}."capability_profiles" p JOIN ${S}."organizations" o ON o."id" = p."organization_id" WHERE p."organization_id" = $1
       ),
       ps AS MATERIALIZED (SELECT "skill_id", "level" FROM ${S}."profile_skills" WHERE "organization_id" = $1),
       sk AS MATERIALIZED (
         SELECT ps."skill_id", ps."level" FROM ps
         UNION ALL
         SELECT DISTINCT sg."skill_id", NULL::smallint
           FROM ${S}."profile_groups" pg
           JOIN ${S}."skill_groups" sg ON sg."group_id" = pg."group_id" AND sg."nearest"
          WHERE pg."organization_id" = $1 AND sg."skill_id" NOT IN (SELECT ps."skill_id" FROM ps)
       ),
${candidates}       f AS (
         SELECT c."need_id" AS "candidate_id", n."skill_count" AS "needed",
                c."exact_credit", c."exact_skills", c."related_skills",
                CASE WHEN n."region" = ANY(prof."region_cover") THEN 1.0 WHEN n."region" = ANY($14::text[]) THEN 0.5 ELSE 0.0 END AS "region_fit",
                prof."delivery_modes" && n."delivery_modes" AS "delivery_overlap",
                prof."annual_capacity", n."learner_count", (n."needed_by" - current_date) AS "days_until", prof."size" = 'SMALL' AS "small", n."region"
           FROM cand c CROSS JOIN prof
           JOIN ${S}."skill_needs" n ON n."id" = c."need_id" AND n."status" = 'OPEN'
       ),
       ranked AS (SELECT f.*, ${BASE} AS "base", CASE WHEN f."small" AND ${CAPABLE} AND $13::int > 0 THEN least($9::float8, $12::float8) ELSE 0 END AS "exposure" FROM f),
       top AS MATERIALIZED (SELECT * FROM ranked f ORDER BY f."base" + f."exposure" DESC, f."candidate_id" LIMIT $2),
       lists AS (
         SELECT k."need_id",
                array_agg(k."skill_id" ORDER BY k."skill_id") FILTER (WHERE sk."level" IS NOT NULL) AS "exact_ids",
                array_agg(k."skill_id" ORDER BY k."skill_id") FILTER (WHERE sk."level" IS NULL) AS "related_ids"
           FROM top t JOIN ${S}."need_skills" k ON k."need_id" = t."candidate_id" JOIN sk ON sk."skill_id" = k."skill_id"
          GROUP BY k."need_id"
       ),
       f2 AS (
         SELECT t.*, coalesce(l."exact_ids", '{}') AS "exact_ids", coalesce(l."related_ids", '{}') AS "related_ids"
           FROM top t LEFT JOIN lists l ON l."need_id" = t."candidate_id"
       )
       SELECT ${FACT_COLUMNS}`;
}

@Injectable()
export class MarketplaceRepository {
  /** needMatches rankings answered by the perfect-needs shortcut (tests read it). */
  perfectPagesServed = 0;
  /** How many needs, in id order, the shortcut walks (PERFECT_WALK; tests shorten it). */
  perfectWalk = PERFECT_WALK;

  constructor(private readonly dataSource: DataSource) {}

  skillsByIds(ids: readonly string[]): Promise<SkillRow[]> {
    return this.dataSource.query(
      `SELECT ${SKILL_COLUMNS} FROM ${S}."skills" s WHERE s."id" = ANY($1::uuid[])`,
      [ids],
    );
  }

  skillsByUris(uris: readonly string[]): Promise<SkillRow[]> {
    return this.dataSource.query(
      `SELECT ${SKILL_COLUMNS} FROM ${S}."skills" s WHERE s."uri" = ANY($1::text[])`,
      [uris],
    );
  }

  /** Broader (direction 'broader') or narrower concepts of each skill. */
  async related(
    direction: 'broader' | 'narrower',
    ids: readonly string[],
  ): Promise<Array<SkillRow & { ownerId: string }>> {
    const [own, other] = direction === 'broader' ? ['skill_id', 'broader_id'] : ['broader_id', 'skill_id'];
    return this.dataSource.query(
      `SELECT e."${own}" AS "ownerId", ${SKILL_COLUMNS}
         FROM ${S}."skill_broader" e JOIN ${S}."skills" s ON s."id" = e."${other}"
        WHERE e."${own}" = ANY($1::uuid[]) ORDER BY s."label_en", s."id"`,
      [ids],
    );
  }

  /**
   * Forgiving search over every label, English and French (see skill-search-text in the domain):
   * the searched words met vocabulary words (SearchVocabulary, in memory, bounded), and skills
   * rank by how well all searched words met theirs; without a search, alphabetical. Rows come with their sort key for keyset paging.
   */
  async searchSkills(
    query: SkillSearch,
    limit: number,
    after: readonly [string | number, string] | null,
  ): Promise<Array<SkillRow & { sortKey: string | number }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.framework) where.push(`s."framework" = ${param(query.framework)}`);
    if (!query.includeGroups) where.push(`s."kind" <> 'SKILL_GROUP'`);
    if (query.matches) {
      const matched = query.matches;
      if (matched.length === 0) return [];
      const searched = Math.max(1, query.searchedWords ?? 1);
      // A skill scores the mean over searched words of its best-met word, less a little per word its
      // label has beyond or short of the search.
      const m = [
        param(matched.map((c) => c.ord)),
        param(matched.map((c) => c.word)),
        param(matched.map((c) => c.quality)),
      ];
      const rank = `round((sc."total" / ${param(searched)}::float8 - 0.02 * abs(s."label_words" - ${param(searched)}::int))::numeric, 6)::float8`;
      const page = after
        ? `AND (${rank}, s."id") < (${param(Number(after[0]))}::float8, ${param(after[1])}::uuid)`
        : '';
      return this.dataSource.query(
        `WITH m AS (SELECT * FROM unnest(${m[0]}::int[], ${m[1]}::text[], ${m[2]}::float8[]) AS m("ord", "word", "quality")),
           per AS (SELECT w."skill_id", m."ord", max(m."quality") AS "quality" FROM m JOIN ${S}."skill_words" w ON w."word" = m."word" GROUP BY w."skill_id", m."ord"),
           sc AS (SELECT "skill_id", sum("quality") AS "total" FROM per GROUP BY "skill_id")
         SELECT ${SKILL_COLUMNS}, ${rank} AS "sortKey" FROM sc JOIN ${S}."skills" s ON s."id" = sc."skill_id"
          WHERE true ${where.map((w) => `AND ${w}`).join(' ')} ${page}
          ORDER BY "sortKey" DESC, s."id" DESC LIMIT ${param(limit + 1)}`,
        params,
      );
    }
    if (after)
      where.push(`(s."label_en", s."id") > (${param(String(after[0]))}::text, ${param(after[1])}::uuid)`);
    return this.dataSource.query(
      `SELECT ${SKILL_COLUMNS}, s."label_en" AS "sortKey" FROM ${S}."skills" s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY s."label_en", s."id" LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  organizationsByIds(ids: readonly string[]): Promise<DirectoryOrganizationEntity[]> {
    return this.dataSource
      .getRepository(DirectoryOrganizationEntity)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids::uuid[])', { ids })
      .getMany();
  }

  needsByIds(ids: readonly string[]): Promise<SkillNeedEntity[]> {
    return this.dataSource
      .getRepository(SkillNeedEntity)
      .createQueryBuilder('n')
      .where('n.id = ANY(:ids::uuid[])', { ids })
      .getMany();
  }

  needSkills(needIds: readonly string[]): Promise<LeveledSkill[]> {
    return this.dataSource.query(
      `SELECT "need_id" AS "ownerId", "skill_id" AS "skillId", "level" FROM ${S}."need_skills" WHERE "need_id" = ANY($1::uuid[])`,
      [needIds],
    );
  }

  profileSkills(organizationIds: readonly string[]): Promise<LeveledSkill[]> {
    return this.dataSource.query(
      `SELECT "organization_id" AS "ownerId", "skill_id" AS "skillId", "level" FROM ${S}."profile_skills" WHERE "organization_id" = ANY($1::uuid[])`,
      [organizationIds],
    );
  }

  umbrellaMemberIds(umbrellaId: string): Promise<string[]> {
    return this.dataSource
      .query(`SELECT "organization_id" FROM ${S}."umbrella_members" WHERE "umbrella_id" = $1 AND "member"`, [
        umbrellaId,
      ])
      .then((rows: Array<{ organization_id: string }>) => rows.map((r) => r.organization_id));
  }

  /** Needs newest first, keyset-paged on their sequence number. */
  async listNeeds(
    filter: NeedListFilter,
    limit: number,
    afterSeq: number | null,
  ): Promise<{ rows: SkillNeedEntity[]; total: number }> {
    const query = this.dataSource.getRepository(SkillNeedEntity).createQueryBuilder('n');
    if (filter.organizationIds)
      query.andWhere('n.organization_id = ANY(:orgs::uuid[])', { orgs: filter.organizationIds });
    if (filter.skillId)
      query.andWhere(
        `EXISTS (SELECT 1 FROM ${S}."need_skills" k WHERE k."need_id" = n.id AND k."skill_id" = :skillId)`,
        { skillId: filter.skillId },
      );
    if (filter.regions) query.andWhere('n.region = ANY(:regions::text[])', { regions: filter.regions });
    if (filter.sector) query.andWhere(`n.sector LIKE :sector`, { sector: `${filter.sector}%` });
    if (filter.careerStage) query.andWhere('n.career_stage = :stage', { stage: filter.careerStage });
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    if (filter.postedAfter)
      query.andWhere('n.created_at >= :postedAfter', { postedAfter: filter.postedAfter });
    if (filter.postedBefore)
      query.andWhere('n.created_at < :postedBefore', { postedBefore: filter.postedBefore });
    if (filter.neededBefore)
      query.andWhere('n.needed_by <= :neededBefore', { neededBefore: filter.neededBefore });
    const total = await query.clone().getCount();
    if (afterSeq !== null) query.andWhere('n.seq < :afterSeq', { afterSeq });
    const rows = await query
      .orderBy('n.seq', 'DESC')
      .limit(limit + 1)
      .getMany();
    return { rows, total };
  }

  /**
   * Institutions for a need, best first. Candidates come from the need's skills through the
   * profile_skills and profile_groups indexes (never a scan of all profiles); the score is the
   * domain formula; the cut to `limit` happens in the database.
   */
  rankInstitutions(
    needId: string,
    needRegionDescendants: readonly string[],
    weights: MatchWeights,
    limit: number,
  ): Promise<RankedFacts[]> {
    return readFromReplica(this.dataSource, (db) =>
      db.query(
        `WITH ns AS MATERIALIZED (SELECT "skill_id", "level" FROM ${S}."need_skills" WHERE "need_id" = $1),
       need AS MATERIALIZED (
         SELECT n."id", n."region", n."delivery_modes", n."learner_count", (n."needed_by" - current_date) AS "days_until",
                (SELECT count(*) FROM ns)::int AS "needed"
           FROM ${S}."skill_needs" n WHERE n."id" = $1
       ),
       exact AS (
         SELECT ps."organization_id", ns."skill_id", least(ps."level", ns."level")::float8 / ns."level" AS "credit"
           FROM ns JOIN ${S}."profile_skills" ps ON ps."skill_id" = ns."skill_id"
       ),
       related AS (
         SELECT DISTINCT pg."organization_id", ns."skill_id"
           FROM ns JOIN ${S}."skill_groups" sg ON sg."skill_id" = ns."skill_id" AND sg."nearest"
           JOIN ${S}."profile_groups" pg ON pg."group_id" = sg."group_id"
       ),
       cand AS (
         SELECT x."organization_id",
                coalesce(sum(x."credit"), 0)::float8 AS "exact_credit",
                count(x."credit")::int AS "exact_skills",
                coalesce(array_agg(x."skill_id") FILTER (WHERE x."credit" IS NOT NULL), '{}') AS "exact_ids",
                count(*) FILTER (WHERE x."credit" IS NULL)::int AS "related_skills",
                coalesce(array_agg(x."skill_id") FILTER (WHERE x."credit" IS NULL), '{}') AS "related_ids"
           FROM (SELECT coalesce(e."organization_id", r."organization_id") AS "organization_id", coalesce(e."skill_id", r."skill_id") AS "skill_id", e."credit"
                   FROM exact e FULL JOIN related r ON r."organization_id" = e."organization_id" AND r."skill_id" = e."skill_id") x
          GROUP BY x."organization_id"
       ),
       f AS (
         SELECT c."organization_id" AS "candidate_id", need."needed", c."exact_credit", c."exact_skills", c."exact_ids", c."related_skills", c."related_ids",
                CASE WHEN need."region" = ANY(p."region_cover") THEN 1.0 WHEN p."regions" && $14::text[] THEN 0.5 ELSE 0.0 END AS "region_fit",
                p."delivery_modes" && need."delivery_modes" AS "delivery_overlap",
                p."annual_capacity", need."learner_count", need."days_until", o."size" = 'SMALL' AS "small", need."region"
           FROM cand c CROSS JOIN need
           JOIN ${S}."capability_profiles" p ON p."organization_id" = c."organization_id"
           JOIN ${S}."organizations" o ON o."id" = c."organization_id"
       )
       ,${CALIBRATED_EXPOSURE}
       SELECT ${FACT_COLUMNS} FROM ranked f ORDER BY "score" DESC, f."candidate_id" LIMIT $2`,
        [needId, limit, ...weightParams(weights), needRegionDescendants],
      ),
    );
  }

  /**
   * Open needs for an institution, best first: the same formula seen from the other side. An
   * institution teaching popular skills meets most of the market (800k of 1M needs), so the
   * statement is built to touch each candidate once, cheaply: the skills it meets (its own, with
   * their level, and those only related through its groups) are listed first, so every
   * (need, skill) pair is one index entry of `need_skills` (no FULL JOIN of exact and related
   * pairs); candidates are summed with scalar aggregates in one hash aggregate; the need's skill
   * count is its maintained `skill_count` column (no count per candidate); only the first `limit`
   * get their skill lists. `jit` is off (compiling this statement cost seconds, more than it
   * saved) and `work_mem` raised for this transaction only, so the aggregate stays in memory.
   */
  rankNeeds(
    institutionId: string,
    profileRegionAncestors: readonly string[],
    weights: MatchWeights,
    limit: number,
    /** The perfect-needs shortcut (default on); off computes the whole-market ranking (the differential test's reference). */
    perfectShortcut = true,
  ): Promise<RankedFacts[]> {
    const params = [institutionId, limit, ...weightParams(weights), profileRegionAncestors];
    return readFromReplica(this.dataSource, (db) =>
      db.transaction(async (manager) => {
        await manager.query(`SET LOCAL jit = off`);
        await manager.query(`SET LOCAL work_mem = '64MB'`);
        if (perfectShortcut && perfectShortcutApplies(weights)) {
          const perfect: Array<{ k: number; score: number }> = await manager.query(
            PERFECT_SCORES,
            params.slice(0, 13),
          );
          const lowest = Math.min(...perfect.map((p) => p.score));
          const higher = perfect.filter((p) => p.score > lowest).map((p) => p.k);
          const rows: RankedFacts[] = perfect.length
            ? await manager.query(
                `${rankNeedsSql(PERFECT_CANDIDATES)} FROM f2 f ORDER BY "score" DESC, f."candidate_id"`,
                [...params, this.perfectWalk, higher],
              )
            : [];
          // The best `limit` perfect needs found are the page when the last of them reaches the
          // lowest perfect score (see PERFECT_CANDIDATES); else the whole market is ranked.
          if (rows.length === limit && rows[limit - 1].score >= lowest) {
            this.perfectPagesServed++;
            return rows;
          }
        }
        return manager.query(
          `${rankNeedsSql(ALL_CANDIDATES)} FROM f2 f ORDER BY "score" DESC, f."candidate_id"`,
          params,
        );
      }),
    );
  }

  /**
   * A cached ranking, when nothing it depends on changed since it was computed: no change row on
   * its topics (from the other side) or on its owner (from its own side) that its snapshot did not
   * see. Kind 'P': institutions for a need; 'N': needs for an institution.
   */
  async cachedMatches(
    kind: MatchCacheKind,
    ownerId: string,
    weightsKey: string,
    first: number,
  ): Promise<unknown[] | null> {
    const rows: Array<{ matches: unknown[] }> = await this.dataSource.query(cachedMatchesSql(first), [
      kind,
      ownerId,
      weightsKey,
      ...(kind === 'P' ? ['P', 'N'] : ['N', 'P']),
      ...pageParameter(first),
    ]);
    return rows[0] ? rows[0].matches.slice(0, first) : null;
  }

  /**
   * partnerMatches served in one statement: the need (null when there is none) with its cached
   * page, as cachedMatches reads it (`matches` null when there is no valid cached page).
   */
  async cachedPartnerMatches(
    needId: string,
    weightsKey: string,
    first: number,
  ): Promise<{ need: { id: string; status: string; region: string }; matches: unknown[] | null } | null> {
    const rows = await preparedQuery<{
      id: string;
      status: string;
      region: string;
      matches: unknown[] | null;
    }>(
      this.dataSource,
      `SELECT n."id", n."status", n."region", (SELECT c."matches" FROM (${cachedMatchesSql(first)}) c) AS "matches"
         FROM ${S}."skill_needs" n WHERE n."id" = $2`,
      ['P', needId, weightsKey, 'P', 'N', ...pageParameter(first)],
    );
    const [row] = rows;
    if (!row) return null;
    return {
      need: { id: row.id, status: row.status, region: row.region },
      matches: row.matches && row.matches.slice(0, first),
    };
  }

  /**
   * needMatches served in one statement: the cached page (as cachedMatches, and only while the
   * institution still has a capability profile) with the needs it names, read in the same snapshot.
   * Null when there is no valid cached page; a need no longer stored is absent from `needs`.
   */
  async cachedNeedMatches(
    institutionId: string,
    weightsKey: string,
    first: number,
  ): Promise<{ matches: unknown[]; needs: SkillNeedEntity[] } | null> {
    // The page goes out on the first row only (a page of 200 is not repeated 200 times). The page
    // is built once (MATERIALIZED): inlined, Postgres built it again for the lateral's ids.
    const rows = await preparedQuery<{ matches: unknown[] | null; ord: string | null; id: string | null }>(
      this.dataSource,
      `WITH c AS MATERIALIZED (${cachedMatchesSql(first)}
                    AND EXISTS (SELECT 1 FROM ${S}."capability_profiles" p WHERE p."organization_id" = c."owner_id"))
       SELECT CASE WHEN coalesce(n."ord", 1) = 1 THEN c."matches" END AS "matches", n.*
         FROM c LEFT JOIN LATERAL (
           SELECT row_number() OVER () AS "ord", n."id", n."seq"::text AS "seq", n."organization_id" AS "organizationId", n."title",
                  n."description", n."region", n."region_within" AS "regionWithin", n."sector", n."delivery_modes" AS "deliveryModes",
                  n."learner_count" AS "learnerCount", n."career_stage" AS "careerStage", n."needed_by"::text AS "neededBy",
                  n."status", n."created_by" AS "createdBy", n."created_at" AS "createdAt", n."updated_at" AS "updatedAt",
                  n."closed_at" AS "closedAt", n."version"
             FROM ${S}."skill_needs" n
            WHERE n."id" IN (SELECT (m."value" ->> 'candidateId')::uuid FROM jsonb_array_elements(c."matches") WITH ORDINALITY AS m("value", "i") WHERE m."i" <= $6)
         ) n ON true`,
      ['N', institutionId, weightsKey, 'N', 'P', first],
    );
    if (rows.length === 0) return null;
    const matches = (rows[0]!.matches ?? []).slice(0, first);
    const needs = rows.flatMap(({ matches: _page, ord: _ord, ...need }) =>
      need.id === null ? [] : [Object.assign(new SkillNeedEntity(), need)],
    );
    return { matches, needs };
  }

  /**
   * What a ranking about to be computed depends on, and a snapshot taken before it: a change this
   * snapshot does not see invalidates the cached ranking (at worst once too often, never too few).
   */
  async matchDependencies(
    kind: MatchCacheKind,
    ownerId: string,
  ): Promise<{ snapshot: string; topics: string[] }> {
    const topics =
      kind === 'P'
        ? `SELECT k."skill_id" FROM ${S}."need_skills" k WHERE k."need_id" = $1
           UNION SELECT sg."group_id" FROM ${S}."need_skills" k JOIN ${S}."skill_groups" sg ON sg."skill_id" = k."skill_id" AND sg."nearest" WHERE k."need_id" = $1`
        : `SELECT "skill_id" FROM ${S}."profile_skills" WHERE "organization_id" = $1 UNION SELECT "group_id" FROM ${S}."profile_groups" WHERE "organization_id" = $1`;
    const [row] = await this.dataSource.query(
      `SELECT pg_current_snapshot()::text AS "snapshot", ARRAY(${topics}) AS "topics", pg_current_wal_insert_lsn()::text AS "lsn"`,
      [ownerId],
    );
    // The ranking stamped with this snapshot must see at least what it saw, also on a read replica.
    requireReplayed(lsnToBigInt(row.lsn));
    return { snapshot: row.snapshot, topics: row.topics };
  }

  async storeMatches(
    kind: MatchCacheKind,
    ownerId: string,
    weightsKey: string,
    dependencies: { snapshot: string; topics: readonly string[] },
    matches: readonly unknown[],
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${S}."match_cache" ("kind", "owner_id", "weights_key", "for_date", "snapshot", "topics", "matches", "head")
       VALUES ($1, $2, $3, current_date, $4::pg_snapshot, $5::uuid[], $6::jsonb, $7::jsonb)
       ON CONFLICT ("kind", "owner_id", "weights_key") DO UPDATE SET "for_date" = EXCLUDED."for_date", "snapshot" = EXCLUDED."snapshot",
         "topics" = EXCLUDED."topics", "matches" = EXCLUDED."matches", "head" = EXCLUDED."head", "computed_at" = now()`,
      [
        kind,
        ownerId,
        weightsKey,
        dependencies.snapshot,
        dependencies.topics,
        JSON.stringify(matches),
        JSON.stringify(matches.slice(0, MATCH_CACHE_HEAD_SIZE)),
      ],
    );
  }

  /** Every word skills can be found by (for SearchVocabulary). */
  async skillVocabulary(): Promise<string[]> {
    const rows: Array<{ word: string }> = await this.dataSource.query(
      `SELECT "word" FROM ${S}."skill_vocabulary" ORDER BY "word"`,
    );
    return rows.map((row) => row.word);
  }

  /** Recomputes the demand rollup from the needs (`npm run demand:rebuild`); returns its rows. */
  async rebuildDemandRollup(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT ${S}."rebuild_demand_rollup"()::int AS "rows"`);
    return row.rows;
  }

  /** Drops change rows and cached rankings no ranking can still depend on (cached rankings live for their day). */
  async pruneMatchCache(): Promise<number> {
    const [changes, cached] = await Promise.all([
      this.dataSource.query(`DELETE FROM ${S}."match_changes" WHERE "at" < now() - interval '2 days'`),
      this.dataSource.query(`DELETE FROM ${S}."match_cache" WHERE "for_date" < current_date`),
    ]);
    return Number(changes[1] ?? 0) + Number(cached[1] ?? 0);
  }

  /**
   * Open demand per cell, with supply: by region, institutions serving the region; by sector,
   * institutions teaching a skill the sector asks for; by skill or group, institutions teaching it.
   * Where the cells come from: market-wide totals without filters (demand_totals, and
   * demand_sector_supply for supply by sector), the rollup's cells with region or sector filters,
   * the needs themselves with date or organization filters (or `source: 'needs'`, the reference).
   * Supply is counted for the cells of the page only.
   */
  demand(query: DemandQuery): Promise<DemandRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    // The rollup answers every query without a date or umbrella filter; those read the needs.
    const rollup = query.source !== 'needs' && !query.from && !query.to && !query.organizationIds;
    const totals = rollup && !query.regions && !query.sector;
    const alias = rollup ? 'r' : 'n';
    const groupings = { REGION: ['R'], SECTOR: ['R', 'S'], SKILL: ['S'], SKILL_GROUP: ['G'] }[query.groupBy];
    let needs: string;
    if (totals) {
      needs =
        query.groupBy === 'SKILL' || query.groupBy === 'SKILL_GROUP'
          ? `SELECT t."key", t."level", t."needs", t."learners" FROM ${S}."demand_totals" t
              WHERE t."needs" > 0 AND t."grouping" = ${param(groupings[0])}`
          : `SELECT r.* FROM ${S}."demand_rollup" r WHERE r."needs" > 0 AND r."grouping" = 'R'`;
    } else {
      const where = rollup
        ? [`r."needs" > 0`, `r."grouping" = ANY(${param(groupings)}::char(1)[])`]
        : [`n."status" = 'OPEN'`];
      if (query.regions) where.push(`${alias}."region" = ANY(${param(query.regions)}::text[])`);
      if (query.sector) where.push(`${alias}."sector" LIKE ${param(`${query.sector}%`)}`);
      if (!rollup && query.from) where.push(`n."created_at" >= ${param(query.from)}`);
      if (!rollup && query.to) where.push(`n."created_at" < ${param(query.to)}`);
      if (!rollup && query.organizationIds)
        where.push(`n."organization_id" = ANY(${param(query.organizationIds)}::uuid[])`);
      needs = rollup
        ? `SELECT r.* FROM ${S}."demand_rollup" r WHERE ${where.join(' AND ')}`
        : `SELECT n."id", n."region", n."sector", n."learner_count" FROM ${S}."skill_needs" n WHERE ${where.join(' AND ')}`;
    }
    const sectorKey = rollup
      ? `coalesce(nullif(left(f."sector", 2), ''), '—')`
      : `coalesce(left(f."sector", 2), '—')`;
    const totalsOf = rollup
      ? `sum(f."needs")::int AS "needs", sum(f."learners")::int AS "learners"`
      : `count(*)::int AS "needs", sum(f."learner_count")::int AS "learners"`;
    let cells: string;
    let supply: string;
    switch (query.groupBy) {
      case 'REGION':
        cells = `SELECT f."region" AS "key", ${totalsOf} FROM needs f ${rollup ? `WHERE f."grouping" = 'R'` : ''} GROUP BY f."region"`;
        // Supply by region: institutions whose profile serves the region (GIN on region_cover).
        // Summed per region by triggers with the rollup; counted from the profiles for the reference.
        supply = rollup
          ? `SELECT c."key", t."institutions" AS "supply", t."capacity" FROM top c JOIN ${S}."supply_totals" t ON t."grouping" = 'R' AND t."key" = c."key"`
          : `SELECT c."key", count(p."organization_id")::int AS "supply", coalesce(sum(p."annual_capacity"), 0)::int AS "capacity"
               FROM top c JOIN ${S}."capability_profiles" p ON p."region_cover" @> ARRAY[c."key"]
              GROUP BY c."key"`;
        break;
      case 'SECTOR': {
        cells = `SELECT ${sectorKey} AS "key", ${totalsOf} FROM needs f ${rollup ? `WHERE f."grouping" = 'R'` : ''} GROUP BY 1`;
        if (totals) {
          // Summed per 2-digit sector by triggers (see the demand-totals migration).
          supply = `SELECT c."key", t."institutions" AS "supply", t."capacity"
                      FROM top c JOIN ${S}."supply_totals" t ON t."grouping" = 'C' AND t."key" = CASE WHEN c."key" = '—' THEN '' ELSE c."key" END`;
          break;
        }
        const sectorSkills = rollup
          ? `SELECT DISTINCT ${sectorKey} AS "key", f."key"::uuid AS "skill_id" FROM needs f WHERE f."grouping" = 'S'`
          : `SELECT DISTINCT ${sectorKey} AS "key", k."skill_id" FROM needs f JOIN ${S}."need_skills" k ON k."need_id" = f."id"`;
        // Supply by sector: institutions teaching a skill the sector asks for (each skill once per sector).
        supply = `SELECT d."key", count(*)::int AS "supply", sum(d."annual_capacity")::int AS "capacity"
                    FROM (SELECT DISTINCT w."key", p."organization_id", p."annual_capacity"
                            FROM (${sectorSkills}) w
                            JOIN ${S}."profile_skills" ps ON ps."skill_id" = w."skill_id"
                            JOIN ${S}."capability_profiles" p ON p."organization_id" = ps."organization_id"
                           WHERE w."key" IN (SELECT "key" FROM top)) d
                   GROUP BY d."key"`;
        break;
      }
      case 'SKILL':
        cells = rollup
          ? `SELECT f."key", ${totalsOf} FROM needs f ${totals ? '' : `WHERE f."grouping" = 'S'`} GROUP BY f."key"`
          : `SELECT k."skill_id"::text AS "key", ${totalsOf} FROM needs f JOIN ${S}."need_skills" k ON k."need_id" = f."id" GROUP BY k."skill_id"`;
        // Summed per skill by triggers with the rollup; counted from the profiles for the reference.
        supply = rollup
          ? `SELECT c."key", t."institutions" AS "supply", t."capacity" FROM top c JOIN ${S}."supply_totals" t ON t."grouping" = 'S' AND t."key" = c."key"`
          : `SELECT c."key", count(ps."organization_id")::int AS "supply", coalesce(sum(p."annual_capacity"), 0)::int AS "capacity"
               FROM top c JOIN ${S}."profile_skills" ps ON ps."skill_id" = c."key"::uuid
               JOIN ${S}."capability_profiles" p ON p."organization_id" = ps."organization_id"
              GROUP BY c."key"`;
        break;
      case 'SKILL_GROUP':
        // Each need counts once per group, and so do its learners, however many of its skills the group holds.
        cells = rollup
          ? `SELECT f."key", ${totalsOf} FROM needs f WHERE ${totals ? '' : `f."grouping" = 'G' AND `}f."level" = ${param(query.groupLevel)} GROUP BY f."key"`
          : `SELECT g."key", count(*)::int AS "needs", sum(g."learner_count")::int AS "learners"
               FROM (SELECT DISTINCT f."id", sg."group_id"::text AS "key", f."learner_count"
                       FROM needs f JOIN ${S}."need_skills" k ON k."need_id" = f."id"
                       JOIN ${S}."skill_groups" sg ON sg."skill_id" = k."skill_id" AND sg."level" = ${param(query.groupLevel)}
                       JOIN ${S}."skills" g ON g."id" = sg."group_id" AND g."kind" = 'SKILL_GROUP') g
              GROUP BY g."key"`;
        supply = `SELECT c."key", count(pg."organization_id")::int AS "supply", coalesce(sum(p."annual_capacity"), 0)::int AS "capacity"
                    FROM top c JOIN ${S}."profile_groups" pg ON pg."group_id" = c."key"::uuid
                    JOIN ${S}."capability_profiles" p ON p."organization_id" = pg."organization_id"
                   GROUP BY c."key"`;
        break;
    }
    const labelOf = (column: 'label_en' | 'label_fr') =>
      query.groupBy === 'SKILL' || query.groupBy === 'SKILL_GROUP'
        ? `(SELECT s."${column}" FROM ${S}."skills" s WHERE s."id" = c."key"::uuid)`
        : 'NULL';
    return readFromReplica(this.dataSource, (db) =>
      db.query(
        `WITH needs AS MATERIALIZED (${needs}), cells AS MATERIALIZED (${cells}),
              top AS MATERIALIZED (SELECT * FROM cells ORDER BY "learners" DESC, "key" LIMIT ${param(query.limit)}),
              supply AS (${supply})
         SELECT c."key", ${labelOf('label_en')} AS "label", ${labelOf('label_fr')} AS "labelFr", c."needs", c."learners", coalesce(s."supply", 0)::int AS "supply", coalesce(s."capacity", 0)::int AS "capacity"
           FROM top c LEFT JOIN supply s ON s."key" = c."key"
          ORDER BY c."learners" DESC, c."key"`,
        params,
      ),
    );
  }
}

/**
 * The cached page of a ranking ($6 entries) when nothing it depends on changed since it was
 * computed. $1 kind, $2 owner, $3 weights key, $4 the topics' side, $5 the owner's side.
 */
function cachedMatchesSql(first: number): string {
  // A page within the head is the head itself, cut to `first` by the caller: Postgres neither
  // rebuilds a smaller page nor reads the whole ranking (see the match-cache-head migration).
  // A longer page is cut from the whole ranking by Postgres ($6), so only it leaves the database.
  const page =
    first <= MATCH_CACHE_HEAD_SIZE
      ? `c."head"`
      : `(SELECT coalesce(jsonb_agg(m."value" ORDER BY m."i"), '[]') FROM jsonb_array_elements(c."matches") WITH ORDINALITY AS m("value", "i") WHERE m."i" <= $6)`;
  return `SELECT ${page} AS "matches"
         FROM ${S}."match_cache" c
        WHERE c."kind" = $1 AND c."owner_id" = $2 AND c."weights_key" = $3 AND c."for_date" = current_date
          AND NOT EXISTS (SELECT 1 FROM unnest(c."topics") t JOIN ${S}."match_changes" x ON x."side" = $4 AND x."topic" = t
                           WHERE x."xid" >= pg_snapshot_xmin(c."snapshot") AND NOT pg_visible_in_snapshot(x."xid", c."snapshot"))
          AND NOT EXISTS (SELECT 1 FROM ${S}."match_changes" x WHERE x."side" = $5 AND x."topic" = c."owner_id"
                             AND x."xid" >= pg_snapshot_xmin(c."snapshot") AND NOT pg_visible_in_snapshot(x."xid", c."snapshot"))`;
}

/** $6 of cachedMatchesSql: the page size, when Postgres cuts the page (beyond the head). */
function pageParameter(first: number): number[] {
  return first <= MATCH_CACHE_HEAD_SIZE ? [] : [first];
}
