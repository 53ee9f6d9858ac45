// The public catalogue: anyone, signed in or not, searches published credentials by words (English
// or French, accents and word endings forgiven), skills and facets, and sees how many credentials
// each facet value holds. Work per request is bounded: the text is short, lists are short, and the
// page is at most the connection's maximum.
import { Inject, Injectable } from '@nestjs/common';
import {
  type CatalogueAfter,
  type CatalogueHit,
  type CatalogueQuery,
  CatalogueRepository,
  type CatalogueSort,
  type FacetCount,
} from '@lattice/credentials-data-access';
import { CredentialsErrors, naicsSector } from '@lattice/credentials-domain';
import { type PageRequest } from '@lattice/shared-graphql';
import { isRegionCode } from '@lattice/shared-util-regions';
import { EscoSkills } from './esco-skills';

export const MAX_CATALOGUE_TEXT = 200;
/** Values per filter list: checked once, at the GraphQL boundary (CatalogueFilter's ArrayMaxSize). */
export const MAX_CATALOGUE_VALUES = 50;

export interface CatalogueSearch {
  readonly hits: CatalogueHit[];
  readonly total: number;
  readonly facets: FacetCount[];
  readonly sort: CatalogueSort;
}

@Injectable()
export class SearchCredentialsUseCase {
  constructor(
    private readonly catalogue: CatalogueRepository,
    @Inject(EscoSkills) private readonly esco: EscoSkills,
  ) {}

  async execute(
    text: string | null | undefined,
    filter: Omit<CatalogueQuery, 'text'>,
    sort: CatalogueSort | null | undefined,
    page: PageRequest,
  ): Promise<CatalogueSearch> {
    const query: CatalogueQuery = {
      ...filter,
      text: normalizeText(text),
      // A skill also finds credentials that teach its narrower skills (the bundled ESCO tree).
      ...(filter.skillIds?.length ? { skillIds: this.esco.withNarrower(filter.skillIds) } : {}),
    };
    for (const code of filter.endorserSectors ?? []) {
      if (naicsSector(code)?.code !== code) {
        throw CredentialsErrors.of(
          'INVALID_CATALOGUE_QUERY',
          `"${code}" is not a NAICS sector code (e.g. 54, 31-33).`,
          { field: 'endorserSectors' },
        );
      }
    }
    for (const code of filter.regions ?? []) {
      if (!isRegionCode(code)) {
        throw CredentialsErrors.of(
          'INVALID_CATALOGUE_QUERY',
          `"${code}" is not a region code Lattice knows (e.g. ON, ON-Toronto).`,
          { field: 'regions' },
        );
      }
    }
    const order: CatalogueSort = sort ?? (query.text ? 'RELEVANCE' : 'NEWEST');
    if (order === 'RELEVANCE' && !query.text) {
      throw CredentialsErrors.of(
        'INVALID_CATALOGUE_QUERY',
        'Sorting by relevance needs words to search for.',
        { field: 'sort' },
      );
    }
    const after = page.after ? cursorOf(page.after, order) : null;
    const { hits, total, counts } = await this.catalogue.searchWithFacets(query, order, page.limit, after);
    return { hits, total, facets: counts, sort: order };
  }
}

/** Trimmed, inner white space folded; null when empty. Control characters and overlong text are refused. */
export function normalizeText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) {
    throw CredentialsErrors.of('INVALID_CATALOGUE_QUERY', 'The search text contains control characters.', {
      field: 'query',
    });
  }
  const folded = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (folded.length > MAX_CATALOGUE_TEXT) {
    throw CredentialsErrors.of(
      'INVALID_CATALOGUE_QUERY',
      `Search with at most ${MAX_CATALOGUE_TEXT} characters.`,
      { field: 'query' },
    );
  }
  return folded || null;
}

/** The cursor of a hit: the sort it belongs to, its sort key as Postgres wrote it, its id. */
export function catalogueCursor(hit: CatalogueHit, sort: CatalogueSort): [string, string] {
  return [`${sort}:${hit.sortKey}`, hit.credentialId];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** A cursor is only accepted for the sort it came from, with a key Postgres will read: anything else is a typed refusal, never a database error. */
function cursorOf(after: readonly unknown[], sort: CatalogueSort): CatalogueAfter {
  const [tagged, id] = after;
  const refuse = () =>
    CredentialsErrors.of('INVALID_CATALOGUE_QUERY', 'That cursor is not from this search.', {
      field: 'after',
    });
  if (
    typeof tagged !== 'string' ||
    typeof id !== 'string' ||
    !UUID.test(id) ||
    !tagged.startsWith(`${sort}:`)
  )
    throw refuse();
  const key = tagged.slice(sort.length + 1);
  if (sort === 'NEWEST') {
    const parts = TIMESTAMP.exec(key);
    if (!parts) throw refuse();
    const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (
      date.getUTCFullYear() !== year ||
      date.getUTCMonth() !== month - 1 ||
      date.getUTCDate() !== day ||
      hour > 23 ||
      minute > 59 ||
      second > 59
    )
      throw refuse();
  } else if (!NUMBER.test(key) || !Number.isFinite(Number(key))) {
    throw refuse();
  }
  return [key, id];
}
