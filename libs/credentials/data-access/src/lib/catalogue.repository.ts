// The public catalogue's reads and its one write (see catalogue.sql.ts): search with filters,
// facets with counts, three orders with keyset cursors, and the refresh that keeps entries current
// inside the transaction of whatever changed them.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { readFromReplica } from '@lattice/shared-data-access';
import { regionAndAncestors } from '@lattice/shared-util-regions';
import { REFRESH_CATALOGUE_SQL } from './catalogue.sql';

/** An entry with its issuer's recorded name and region, for the rows a read returns. */
const FROM_ENTRIES = `"credentials"."catalogue_entries" e LEFT JOIN "credentials"."organization_profiles" ip ON ip."organization_id" = e."issuer_id"`;

/**
 * The entry columns a hit reads: every column but the text-search `document` (and `refreshed_at`),
 * which is large and only needed to match and rank — so sorting and any parallel gather move small rows.
 */
const ENTRY_COLUMN_NAMES = [
  'credential_id',
  'issuer_id',
  'title',
  'description',
  'language',
  'delivery_mode',
  'hours',
  'price',
  'credit',
  'transcriptable',
  'career_stage',
  'skill_ids',
  'assessment_methods',
  'endorsement_count',
  'endorser_sectors',
  'sponsor_ids',
  'retired',
  'published_at',
];
const ENTRY_COLUMNS = ENTRY_COLUMN_NAMES.map((column) => `e."${column}"`).join(', ');
/** Every column of a hit row, in order: the entry's, then issuer, credential, rank and sort key. */
const HIT_COLUMN_NAMES = [
  ...ENTRY_COLUMN_NAMES,
  'issuer_name',
  'issuer_region',
  'issuer_size',
  'design_id',
  'design_version',
  'framework_id',
  'rank',
  'sort_key',
];

export type CatalogueSort = 'RELEVANCE' | 'NEWEST' | 'MOST_ENDORSED';

/** Hours bands, in hours: [from, below). The report's credentials ran from 3 to 120 hours. */
export const HOURS_BANDS = {
  UNDER_10: [0, 10],
  FROM_10_TO_29: [10, 30],
  FROM_30_TO_59: [30, 60],
  FROM_60_TO_120: [60, 121],
  OVER_120: [121, null],
} as const satisfies Record<string, readonly [number, number | null]>;
export type HoursBand = keyof typeof HOURS_BANDS;

/** Price bands, in Canadian dollars: [from, below). */
export const PRICE_BANDS = {
  FREE: [0, 0.01],
  UNDER_500: [0.01, 500],
  FROM_500_TO_1499: [500, 1500],
  FROM_1500: [1500, null],
} as const satisfies Record<string, readonly [number, number | null]>;
export type PriceBand = keyof typeof PRICE_BANDS;

export type CatalogueFacetName =
  | 'DELIVERY_MODE'
  | 'LANGUAGE'
  | 'HOURS_BAND'
  | 'PRICE_BAND'
  | 'CREDIT'
  | 'TRANSCRIPTABLE'
  | 'ENDORSER_SECTOR'
  | 'SPONSOR'
  | 'ISSUER'
  | 'REGION'
  | 'ISSUER_SIZE';

export interface CatalogueQuery {
  /** Words as people type them (websearch syntax: quotes, `or`, `-`); null: no text condition. */
  readonly text: string | null;
  /** Any of these skills (the caller expands broader skills to their narrower ones). */
  readonly skillIds?: readonly string[];
  readonly deliveryModes?: readonly string[];
  readonly languages?: readonly string[];
  readonly hoursBands?: readonly HoursBand[];
  readonly priceBands?: readonly PriceBand[];
  readonly credit?: boolean | null;
  readonly transcriptable?: boolean | null;
  /** NAICS sector codes as the catalogue writes them (`54`, `31-33`). */
  readonly endorserSectors?: readonly string[];
  readonly sponsorIds?: readonly string[];
  readonly issuerIds?: readonly string[];
  /** Issuers in any of these regions, a region including every region within it (`ON` holds `ON-Toronto`). */
  readonly regions?: readonly string[];
  /** Issuers of these sizes (SMALL, MEDIUM, LARGE), as identity states them. */
  readonly issuerSizes?: readonly string[];
}

export interface CatalogueHit {
  readonly credentialId: string;
  readonly designId: string;
  readonly designVersion: number;
  readonly frameworkId: string;
  readonly issuerId: string;
  readonly title: string;
  readonly description: string | null;
  readonly language: string;
  readonly deliveryMode: string | null;
  readonly hours: number | null;
  readonly price: number | null;
  readonly credit: boolean | null;
  readonly transcriptable: boolean | null;
  readonly careerStage: string | null;
  readonly skillIds: string[];
  readonly assessmentMethods: string[];
  readonly endorsementCount: number;
  readonly endorserSectors: string[];
  readonly sponsorIds: string[];
  readonly issuerName: string | null;
  readonly issuerRegion: string | null;
  readonly issuerSize: string | null;
  readonly retired: boolean;
  readonly publishedAt: Date;
  readonly rank: number;
  /** The sort key as Postgres writes it (exact for timestamps and floats), for the cursor. */
  readonly sortKey: string;
}

export interface FacetCount {
  readonly facet: CatalogueFacetName;
  readonly value: string;
  readonly count: number;
  /** For ISSUER and SPONSOR values: the organization's recorded name, when there is one. */
  readonly label?: string;
}

export interface OrganizationProfile {
  readonly id: string;
  readonly name: string;
  readonly region: string | null;
  readonly size: string | null;
}

/** Where the page starts: the sort key and id of the last row seen. */
export type CatalogueAfter = readonly [string, string] | null;

/** The words (the parameter `ref`) as a query in both languages' stemming and unstemmed. */
const tsquery = (ref: string) =>
  `(websearch_to_tsquery('english', public.unaccent(${ref}::text)) || websearch_to_tsquery('french', public.unaccent(${ref}::text)) || websearch_to_tsquery('simple', public.unaccent(${ref}::text)))`;

function bandCase(column: string, bands: Record<string, readonly [number, number | null]>): string {
  const arms = Object.entries(bands).map(
    ([name, [from, below]]) =>
      `WHEN ${column} >= ${from}${below === null ? '' : ` AND ${column} < ${below}`} THEN '${name}'`,
  );
  return `CASE ${arms.join(' ')} END`;
}

function bandCondition(
  column: string,
  bands: Record<string, readonly [number, number | null]>,
  chosen: readonly string[],
): string {
  return `(${chosen
    .map((name) => {
      const [from, below] = bands[name]!;
      return `(${column} >= ${from}${below === null ? '' : ` AND ${column} < ${below}`})`;
    })
    .join(' OR ')})`;
}

@Injectable()
export class CatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Re-derives these credentials' entries; call inside the transaction that changed them. */
  async refresh(manager: EntityManager, credentialIds: readonly string[]): Promise<void> {
    if (credentialIds.length > 0) await manager.query(REFRESH_CATALOGUE_SQL, [credentialIds]);
  }

  /**
   * Records an organization's public facts — name, region (with the regions that hold it, for
   * filtering) and size — as identity stated them; call inside the transaction of what it did
   * (publishing, defining a pathway, recognizing a credential). Its regions and size are written
   * through to the catalogue entries it issued, which carry them for search.
   */
  async recordOrganization(manager: EntityManager, profile: OrganizationProfile): Promise<void> {
    const regions = profile.region ? regionAndAncestors(profile.region) : [];
    await manager.query(
      `INSERT INTO "credentials"."organization_profiles" ("organization_id", "name", "region", "regions", "size", "updated_at")
       VALUES ($1, $2, $3, $4::text[], $5, now())
       ON CONFLICT ("organization_id") DO UPDATE SET "name" = excluded."name", "region" = excluded."region", "regions" = excluded."regions", "size" = excluded."size", "updated_at" = now()`,
      [profile.id, profile.name, profile.region, regions, profile.size],
    );
    await manager.query(
      `UPDATE "credentials"."catalogue_entries" SET "issuer_regions" = $2::text[], "issuer_size" = $3
        WHERE "issuer_id" = $1 AND ("issuer_regions" <> $2::text[] OR "issuer_size" IS DISTINCT FROM $3)`,
      [profile.id, regions, profile.size],
    );
  }

  /** The recorded names of these organizations (those never recorded are absent). */
  async organizationNames(ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    return (await this.dataSource.query(
      `SELECT "organization_id" AS "id", "name" FROM "credentials"."organization_profiles" WHERE "organization_id" = ANY($1::uuid[])`,
      [ids],
    )) as { id: string; name: string }[];
  }

  /** Re-derives every entry from scratch (the rebuild command); returns how many there are. */
  async rebuild(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM "credentials"."catalogue_entries"`);
      await manager.query(REFRESH_CATALOGUE_SQL, [null]);
      const [{ count }] = (await manager.query(
        `SELECT count(*)::int AS count FROM "credentials"."catalogue_entries"`,
      )) as [{ count: number }];
      return count;
    });
  }

  /**
   * One page of hits (`limit + 1` rows, so the caller knows whether more follow), the total and
   * the counts per value of every facet over everything the query finds — one statement: what the
   * words and filters find is read once (the entries carry their issuer's regions and size, so no
   * other table is joined before the page is chosen), counted, and the page taken from it; only
   * the page's rows are then joined to their full columns, credential and issuer name. Without
   * words the page is read in its order's index instead, since the query may find every entry.
   */
  async searchWithFacets(
    query: CatalogueQuery,
    sort: CatalogueSort,
    limit: number,
    after: CatalogueAfter,
  ): Promise<{ hits: CatalogueHit[]; total: number; counts: FacetCount[] }> {
    const { where, params, textRef } = this.conditions(query);
    // The query is an uncorrelated sub-select so it is built once, not per ranked row (unaccent is
    // only stable, so the expression is not folded at planning: per row it doubled the statement).
    const rank = textRef ? `ts_rank_cd(e."document", (SELECT ${tsquery(textRef)}), 32)::float8` : '0::float8';
    const key =
      sort === 'RELEVANCE'
        ? rank
        : sort === 'MOST_ENDORSED'
          ? `e."endorsement_count"::float8`
          : `e."published_at"`;
    let keyset: ((sortKey: string, id: string) => string) | null = null;
    if (after) {
      params.push(after[0], after[1]);
      const cast = sort === 'NEWEST' ? 'timestamptz' : 'float8';
      const [keyRef, idRef] = [`$${params.length - 1}::${cast}`, `$${params.length}::uuid`];
      keyset = (sortKey, id) => `(${sortKey}, ${id}) < (${keyRef}, ${idRef})`;
    }
    params.push(limit + 1);
    const limitRef = `$${params.length}`;
    const hitColumns = `${ENTRY_COLUMNS}, ip."name" AS "issuer_name", ip."region" AS "issuer_region", ip."size" AS "issuer_size", c."design_id", c."design_version", c."framework_id"`;
    // By relevance the key is the rank: the matches carry it once.
    const hitKey = sort === 'RELEVANCE' ? '"rank"' : '"key"';
    const page = textRef
      ? `SELECT "credential_id", ${hitKey} AS "key", "rank" FROM hits${keyset ? ` WHERE ${keyset(hitKey, '"credential_id"')}` : ''}
          ORDER BY ${hitKey} DESC, "credential_id" DESC LIMIT ${limitRef}`
      : `SELECT e."credential_id", ${key} AS "key", ${rank} AS "rank" FROM "credentials"."catalogue_entries" e
          WHERE ${[...where, ...(keyset ? [keyset(key, 'e."credential_id"')] : [])].join(' AND ')}
          ORDER BY ${key} DESC, e."credential_id" DESC LIMIT ${limitRef}`;
    const rows = (await readFromReplica(this.dataSource, (db) =>
      db.query(
        `WITH hits AS MATERIALIZED (
           SELECT e."credential_id", e."issuer_id", e."delivery_mode", e."language", e."hours", e."price", e."credit", e."transcriptable",
                  e."endorser_sectors", e."sponsor_ids", e."issuer_regions", e."issuer_size"${textRef ? `${sort === 'RELEVANCE' ? '' : `, ${key} AS "key"`}, ${rank} AS "rank"` : ''}
             FROM "credentials"."catalogue_entries" e WHERE ${where.join(' AND ')}),
         page AS (SELECT p.*, row_number() OVER (ORDER BY p."key" DESC, p."credential_id" DESC) AS "ord" FROM (${page}) p),
         facets AS (
                   SELECT 'TOTAL' AS facet, '' AS value, count(*)::int AS count, NULL::text AS label FROM hits
         UNION ALL SELECT 'DELIVERY_MODE', delivery_mode, count(*)::int, NULL FROM hits WHERE delivery_mode IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'LANGUAGE', language, count(*)::int, NULL FROM hits GROUP BY 2
         UNION ALL SELECT 'HOURS_BAND', ${bandCase('hours', HOURS_BANDS)}, count(*)::int, NULL FROM hits WHERE hours IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'PRICE_BAND', ${bandCase('price', PRICE_BANDS)}, count(*)::int, NULL FROM hits WHERE price IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'CREDIT', credit::text, count(*)::int, NULL FROM hits WHERE credit IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'TRANSCRIPTABLE', transcriptable::text, count(*)::int, NULL FROM hits WHERE transcriptable IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'ENDORSER_SECTOR', s, count(*)::int, NULL FROM hits, unnest(endorser_sectors) s GROUP BY 2
         UNION ALL SELECT 'SPONSOR', o.id::text, o.count, op."name" FROM (SELECT s AS id, count(*)::int AS count FROM hits, unnest(sponsor_ids) s GROUP BY 1) o
                   LEFT JOIN "credentials"."organization_profiles" op ON op."organization_id" = o.id
         UNION ALL SELECT 'ISSUER', o.id::text, o.count, op."name" FROM (SELECT issuer_id AS id, count(*)::int AS count FROM hits GROUP BY 1) o
                   LEFT JOIN "credentials"."organization_profiles" op ON op."organization_id" = o.id
         UNION ALL SELECT 'REGION', r, count(*)::int, NULL FROM hits, unnest(issuer_regions) r GROUP BY 2
         UNION ALL SELECT 'ISSUER_SIZE', issuer_size, count(*)::int, NULL FROM hits WHERE issuer_size IS NOT NULL GROUP BY 2)
       SELECT p."ord", NULL::text AS "facet", NULL::text AS "value", NULL::int AS "count", NULL::text AS "label",
              ${hitColumns}, p."rank" AS "rank", (p."key")::text AS "sort_key"
         FROM page p JOIN "credentials"."catalogue_entries" e ON e."credential_id" = p."credential_id"
         LEFT JOIN "credentials"."organization_profiles" ip ON ip."organization_id" = e."issuer_id"
         JOIN "credentials"."credentials" c ON c."id" = e."credential_id"
       UNION ALL
       SELECT NULL, f.facet, f.value, f.count, f.label, ${HIT_COLUMN_NAMES.map(() => 'NULL').join(', ')} FROM facets f
       ORDER BY 1`,
        params,
      ),
    )) as Record<string, unknown>[];
    const hits = rows.filter((row) => row['facet'] === null).map(toHit);
    const facetRows = rows.filter((row) => row['facet'] !== null) as unknown as {
      facet: CatalogueFacetName | 'TOTAL';
      value: string;
      count: number;
      label: string | null;
    }[];
    const total = facetRows.find((row) => row.facet === 'TOTAL')?.count ?? 0;
    const counts = facetRows
      .filter((row): row is FacetCount & { label: string | null } => row.facet !== 'TOTAL')
      .map(({ facet, value, count, label }) =>
        label ? { facet, value, count, label } : { facet, value, count },
      )
      .sort((a, b) =>
        a.facet === b.facet
          ? b.count - a.count || a.value.localeCompare(b.value)
          : a.facet.localeCompare(b.facet),
      );
    return { hits, total, counts };
  }

  /** Every standing entry's id and when it was last derived, newest first, for the sitemap. */
  async sitemapEntries(limit: number): Promise<{ credentialId: string; refreshedAt: Date }[]> {
    return (await readFromReplica(this.dataSource, (db) =>
      db.query(
        `SELECT e."credential_id" AS "credentialId", e."refreshed_at" AS "refreshedAt" FROM "credentials"."catalogue_entries" e
        WHERE NOT e."retired" ORDER BY e."published_at" DESC, e."credential_id" DESC LIMIT $1`,
        [limit],
      ),
    )) as { credentialId: string; refreshedAt: Date }[];
  }

  /**
   * Standing entries (published, not retired) in credential id order after `afterId`, at most
   * `limit`: the CTDL bulk export's pages (keyset on the primary key, so a page never shifts).
   */
  async standingEntries(limit: number, afterId: string | null): Promise<CatalogueHit[]> {
    const rows = (await readFromReplica(this.dataSource, (db) =>
      db.query(
        `SELECT ${ENTRY_COLUMNS}, ip."name" AS "issuer_name", ip."region" AS "issuer_region", ip."size" AS "issuer_size", c."design_id", c."design_version", c."framework_id", 0::float8 AS "rank"
         FROM ${FROM_ENTRIES} JOIN "credentials"."credentials" c ON c."id" = e."credential_id"
        WHERE NOT e."retired" AND ($1::uuid IS NULL OR e."credential_id" > $1::uuid)
        ORDER BY e."credential_id" LIMIT $2`,
        [afterId, limit],
      ),
    )) as Record<string, unknown>[];
    return rows.map(toHit);
  }

  /** The catalogue entry of one credential (retired ones too), or null. */
  async entry(credentialId: string): Promise<CatalogueHit | null> {
    const [row] = (await readFromReplica(this.dataSource, (db) =>
      db.query(
        `SELECT ${ENTRY_COLUMNS}, ip."name" AS "issuer_name", ip."region" AS "issuer_region", ip."size" AS "issuer_size", c."design_id", c."design_version", c."framework_id", 0::float8 AS "rank"
         FROM ${FROM_ENTRIES} JOIN "credentials"."credentials" c ON c."id" = e."credential_id"
        WHERE e."credential_id" = $1`,
        [credentialId],
      ),
    )) as Record<string, unknown>[];
    return row ? toHit(row) : null;
  }

  private conditions(query: CatalogueQuery): { where: string[]; params: unknown[]; textRef: string | null } {
    const params: unknown[] = [];
    const where = [`NOT e."retired"`];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const textRef = query.text ? param(query.text) : null;
    if (textRef) where.push(`e."document" @@ ${tsquery(textRef)}`);
    if (query.skillIds?.length) where.push(`e."skill_ids" && ${param(query.skillIds)}::uuid[]`);
    if (query.deliveryModes?.length)
      where.push(`e."delivery_mode" = ANY(${param(query.deliveryModes)}::text[])`);
    if (query.languages?.length) where.push(`e."language" = ANY(${param(query.languages)}::text[])`);
    if (query.hoursBands?.length) where.push(bandCondition('e."hours"', HOURS_BANDS, query.hoursBands));
    if (query.priceBands?.length) where.push(bandCondition('e."price"', PRICE_BANDS, query.priceBands));
    if (typeof query.credit === 'boolean') where.push(`e."credit" = ${param(query.credit)}`);
    if (typeof query.transcriptable === 'boolean')
      where.push(`e."transcriptable" = ${param(query.transcriptable)}`);
    if (query.endorserSectors?.length)
      where.push(`e."endorser_sectors" && ${param(query.endorserSectors)}::text[]`);
    if (query.sponsorIds?.length) where.push(`e."sponsor_ids" && ${param(query.sponsorIds)}::uuid[]`);
    if (query.issuerIds?.length) where.push(`e."issuer_id" = ANY(${param(query.issuerIds)}::uuid[])`);
    if (query.regions?.length) where.push(`e."issuer_regions" && ${param(query.regions)}::text[]`);
    if (query.issuerSizes?.length) where.push(`e."issuer_size" = ANY(${param(query.issuerSizes)}::text[])`);
    return { where, params, textRef };
  }
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function toHit(row: Record<string, unknown>): CatalogueHit {
  return {
    credentialId: row['credential_id'] as string,
    designId: row['design_id'] as string,
    designVersion: Number(row['design_version']),
    frameworkId: row['framework_id'] as string,
    issuerId: row['issuer_id'] as string,
    title: row['title'] as string,
    description: (row['description'] as string | null) ?? null,
    language: row['language'] as string,
    deliveryMode: (row['delivery_mode'] as string | null) ?? null,
    hours: numberOrNull(row['hours']),
    price: numberOrNull(row['price']),
    credit: (row['credit'] as boolean | null) ?? null,
    transcriptable: (row['transcriptable'] as boolean | null) ?? null,
    careerStage: (row['career_stage'] as string | null) ?? null,
    skillIds: row['skill_ids'] as string[],
    assessmentMethods: row['assessment_methods'] as string[],
    endorsementCount: Number(row['endorsement_count']),
    endorserSectors: row['endorser_sectors'] as string[],
    sponsorIds: row['sponsor_ids'] as string[],
    issuerName: (row['issuer_name'] as string | null) ?? null,
    issuerRegion: (row['issuer_region'] as string | null) ?? null,
    issuerSize: (row['issuer_size'] as string | null) ?? null,
    retired: Boolean(row['retired']),
    publishedAt: row['published_at'] as Date,
    rank: Number(row['rank']),
    sortKey: String(row['sort_key'] ?? ''),
  };
}
