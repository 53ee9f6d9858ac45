import { Injectable } from '@nestjs/common';
import type { PageRequest } from '@lattice/shared-graphql';
import { MarketplaceRepository, type SkillRow } from '@lattice/marketplace-data-access';
import { SEARCH_MAX_WORDS, SearchVocabulary, searchWords } from '@lattice/marketplace-domain';
import { MarketplaceErrors } from '../shared/marketplace.errors';

export interface SkillQuery {
  readonly search?: string | null;
  readonly framework?: string | null;
  readonly includeGroups?: boolean | null;
}

/** The vocabulary is read again after this long (a taxonomy import changes it). */
const VOCABULARY_TTL_MS = 10 * 60_000;

/** The taxonomy, searched (forgiving typos, accents, plurals, word order, missing spaces) or alphabetical. */
@Injectable()
export class ListSkillsUseCase {
  private vocabulary: { loaded: number; index: Promise<SearchVocabulary> } | null = null;

  constructor(private readonly repository: MarketplaceRepository) {}

  async execute(
    query: SkillQuery,
    page: PageRequest,
  ): Promise<Array<SkillRow & { sortKey: string | number }>> {
    const framework = query.framework?.toUpperCase() ?? null;
    if (framework !== null && framework !== 'ESCO' && framework !== 'SFS') {
      throw MarketplaceErrors.of('INVALID_FRAMEWORK', 'framework must be ESCO or SFS (Skills for Success).', {
        field: 'framework',
      });
    }
    const search = query.search?.trim() ?? '';
    // A search is bounded work by construction: at most 200 characters and SEARCH_MAX_WORDS words are looked at.
    if (query.search != null && search.length === 0)
      throw MarketplaceErrors.of('INVALID_INPUT', 'search must not be empty; leave it out to list skills.', {
        field: 'search',
      });
    if (search.length > 200)
      throw MarketplaceErrors.of('INVALID_INPUT', 'search must be at most 200 characters.', {
        field: 'search',
      });
    if (/\p{Cc}/u.test(search))
      throw MarketplaceErrors.of('INVALID_INPUT', 'search must not contain control characters.', {
        field: 'search',
      });
    if (page.after && search && typeof page.after[0] !== 'number')
      throw MarketplaceErrors.of('INVALID_INPUT', 'after is not a cursor of this search.', {
        field: 'after',
      });
    const includeGroups = query.includeGroups ?? false;
    if (!search) return this.repository.searchSkills({ framework, includeGroups }, page.limit, page.after);
    const words = [...new Set(searchWords(search))].slice(0, SEARCH_MAX_WORDS);
    const matches = (await this.searchVocabulary()).match(words);
    return this.repository.searchSkills(
      { matches, searchedWords: words.length, framework, includeGroups },
      page.limit,
      page.after,
    );
  }

  private searchVocabulary(): Promise<SearchVocabulary> {
    if (!this.vocabulary || Date.now() - this.vocabulary.loaded > VOCABULARY_TTL_MS) {
      const index = this.repository.skillVocabulary().then((words) => new SearchVocabulary(words));
      this.vocabulary = { loaded: Date.now(), index };
      index.catch(() => (this.vocabulary = null));
    }
    return this.vocabulary.index;
  }
}
