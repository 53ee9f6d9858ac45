// The public catalogue's reads and its one write (see catalogue.sql.ts): search with filters,
// facets with counts, three orders with keyset cursors, and the refresh that keeps entries current
// inside the transaction of whatever changed them.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { REFRESH_CATALOGUE_SQL } from './catalogue.sql';

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
  | 'ISSUER';

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
  readonly publishedAt: Date;
  readonly rank: number;
  /** The sort key as Postgres writes it (exact for timestamps and floats), for the cursor. */
  readonly sortKey: string;
}

export interface FacetCount {
  readonly facet: CatalogueFacetName;
  readonly value: string;
  readonly count: number;
}

/** Where the page starts: the sort key and id of the last row seen. */
export type CatalogueAfter = readonly [string, string] | null;

/** The words as a query in both languages' stemming and unstemmed; the text is always parameter $1. */
const TSQUERY = `(websearch_to_tsquery('english', public.unaccent($1::text)) || websearch_to_tsquery('french', public.unaccent($1::text)) || websearch_to_tsquery('simple', public.unaccent($1::text)))`;

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

  /** One page of hits, `limit + 1` rows so the caller knows whether more follow. */
  async search(
    query: CatalogueQuery,
    sort: CatalogueSort,
    limit: number,
    after: CatalogueAfter,
  ): Promise<CatalogueHit[]> {
    const { where, params } = this.conditions(query);
    const rank = query.text ? `ts_rank_cd(e."document", ${TSQUERY}, 32)::float8` : '0::float8';
    const key =
      sort === 'RELEVANCE'
        ? rank
        : sort === 'MOST_ENDORSED'
          ? `e."endorsement_count"::float8`
          : `e."published_at"`;
    if (after) {
      params.push(after[0], after[1]);
      const cast = sort === 'NEWEST' ? 'timestamptz' : 'float8';
      where.push(`(${key}, e."credential_id") < ($${params.length - 1}::${cast}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT e.*, c."design_id", c."design_version", c."framework_id", ${rank} AS "rank", (${key})::text AS "sort_key"
         FROM "credentials"."catalogue_entries" e
         JOIN "credentials"."credentials" c ON c."id" = e."credential_id"
        WHERE ${where.join(' AND ')}
        ORDER BY ${key} DESC, e."credential_id" DESC
        LIMIT $${params.length}`,
      params,
    )) as Record<string, unknown>[];
    return rows.map(toHit);
  }

  /** Counts per value of every facet over everything the query finds, and the total under 'TOTAL'. */
  async facets(query: CatalogueQuery): Promise<{ total: number; counts: FacetCount[] }> {
    const { where, params } = this.conditions(query);
    const rows = (await this.dataSource.query(
      `WITH hits AS (SELECT e.* FROM "credentials"."catalogue_entries" e WHERE ${where.join(' AND ')})
       SELECT 'TOTAL' AS facet, '' AS value, count(*)::int AS count FROM hits
       UNION ALL SELECT 'DELIVERY_MODE', delivery_mode, count(*)::int FROM hits WHERE delivery_mode IS NOT NULL GROUP BY 2
       UNION ALL SELECT 'LANGUAGE', language, count(*)::int FROM hits GROUP BY 2
       UNION ALL SELECT 'HOURS_BAND', ${bandCase('hours', HOURS_BANDS)}, count(*)::int FROM hits WHERE hours IS NOT NULL GROUP BY 2
       UNION ALL SELECT 'PRICE_BAND', ${bandCase('price', PRICE_BANDS)}, count(*)::int FROM hits WHERE price IS NOT NULL GROUP BY 2
       UNION ALL SELECT 'CREDIT', credit::text, count(*)::int FROM hits WHERE credit IS NOT NULL GROUP BY 2
       UNION ALL SELECT 'TRANSCRIPTABLE', transcriptable::text, count(*)::int FROM hits WHERE transcriptable IS NOT NULL GROUP BY 2
       UNION ALL SELECT 'ENDORSER_SECTOR', s, count(*)::int FROM hits, unnest(endorser_sectors) s GROUP BY 2
       UNION ALL SELECT 'SPONSOR', s::text, count(*)::int FROM hits, unnest(sponsor_ids) s GROUP BY 2
       UNION ALL SELECT 'ISSUER', issuer_id::text, count(*)::int FROM hits GROUP BY 2`,
      params,
    )) as { facet: CatalogueFacetName | 'TOTAL'; value: string; count: number }[];
    const total = rows.find((row) => row.facet === 'TOTAL')?.count ?? 0;
    const counts = rows
      .filter((row): row is FacetCount => row.facet !== 'TOTAL')
      .sort((a, b) =>
        a.facet === b.facet
          ? b.count - a.count || a.value.localeCompare(b.value)
          : a.facet.localeCompare(b.facet),
      );
    return { total, counts };
  }

  /** The catalogue entry of one credential (retired ones too), or null. */
  async entry(credentialId: string): Promise<CatalogueHit | null> {
    const [row] = (await this.dataSource.query(
      `SELECT e.*, c."design_id", c."design_version", c."framework_id", 0::float8 AS "rank"
         FROM "credentials"."catalogue_entries" e JOIN "credentials"."credentials" c ON c."id" = e."credential_id"
        WHERE e."credential_id" = $1`,
      [credentialId],
    )) as Record<string, unknown>[];
    return row ? toHit(row) : null;
  }

  private conditions(query: CatalogueQuery): { where: string[]; params: unknown[] } {
    // $1 is always the text (null when there is none, typed so Postgres knows it either way).
    const params: unknown[] = [query.text];
    const where = [`NOT e."retired"`, `($1::text IS NULL OR true)`];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.text) where.push(`e."document" @@ ${TSQUERY}`);
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
    return { where, params };
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
    publishedAt: row['published_at'] as Date,
    rank: Number(row['rank']),
    sortKey: String(row['sort_key'] ?? ''),
  };
}
