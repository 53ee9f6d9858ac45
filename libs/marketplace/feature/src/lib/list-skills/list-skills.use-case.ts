import { Injectable } from '@nestjs/common';
import type { PageRequest } from '@lattice/shared-graphql';
import { MarketplaceRepository, type SkillRow } from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from '../shared/marketplace.errors';

export interface SkillQuery {
  readonly search?: string | null;
  readonly framework?: string | null;
  readonly includeGroups?: boolean | null;
}

/** The taxonomy, searched (ranked by similarity, typo-tolerant) or alphabetical. */
@Injectable()
export class ListSkillsUseCase {
  constructor(private readonly repository: MarketplaceRepository) {}

  async execute(query: SkillQuery, page: PageRequest): Promise<Array<SkillRow & { sortKey: string | number }>> {
    const framework = query.framework?.toUpperCase() ?? null;
    if (framework !== null && framework !== 'ESCO' && framework !== 'SFS') {
      throw MarketplaceErrors.of('INVALID_FRAMEWORK', 'framework must be ESCO or SFS (Skills for Success).', { field: 'framework' });
    }
    const search = query.search?.trim() ?? '';
    if (search.length > 200) throw MarketplaceErrors.of('INVALID_INPUT', 'search must be at most 200 characters.', { field: 'search' });
    if (page.after && search && typeof page.after[0] !== 'number') throw MarketplaceErrors.of('INVALID_INPUT', 'after is not a cursor of this search.', { field: 'after' });
    return this.repository.searchSkills({ search, framework, includeGroups: query.includeGroups ?? false }, page.limit, page.after);
  }
}
