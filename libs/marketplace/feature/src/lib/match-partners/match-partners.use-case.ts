import { Inject, Injectable } from '@nestjs/common';
import { regionAndDescendants } from '@lattice/shared-util-regions';
import { MarketplaceRepository } from '@lattice/marketplace-data-access';
import { cachedRanking, MAX_MATCHES, weightsKey } from '../shared/cached-ranking';
import { explainMatches, type ExplainedMatch } from '../shared/explain-matches';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { MARKETPLACE_OPTIONS, type MarketplaceOptions } from '../shared/marketplace.options';

export { MAX_MATCHES };

/**
 * Institutions ranked for an open need, each with its reasons: from the match cache while nothing
 * the ranking depends on changed (one SQL statement), else computed exactly and kept.
 */
@Injectable()
export class MatchPartnersUseCase {
  constructor(
    private readonly repository: MarketplaceRepository,
    @Inject(MARKETPLACE_OPTIONS) private readonly options: MarketplaceOptions,
  ) {}

  async execute(needId: string, first: number): Promise<ExplainedMatch[]> {
    requireFirst(first);
    // The need and its cached page come in one statement; a page is served only for an open need.
    const served = await this.repository.cachedPartnerMatches(
      needId,
      weightsKey(this.options.weights),
      first,
    );
    if (!served) throw MarketplaceErrors.of('NEED_NOT_FOUND', 'No such skill need.', { needId });
    const { need, matches } = served;
    if (need.status !== 'OPEN')
      throw MarketplaceErrors.of(
        'NEED_CLOSED',
        'This need is closed; institutions are ranked for open needs only.',
        { needId },
      );
    if (matches) return matches as ExplainedMatch[];
    return cachedRanking(this.repository, 'P', need.id, this.options.weights, first, (limit) =>
      this.rank(need.id, need.region, limit),
    );
  }

  /** The exact ranking, uncached (the reference the cache is tested against). */
  async rank(needId: string, region: string, limit: number): Promise<ExplainedMatch[]> {
    const rows = await this.repository.rankInstitutions(
      needId,
      regionAndDescendants(region),
      this.options.weights,
      limit,
    );
    return explainMatches(this.repository, rows, this.options.weights);
  }
}

export function requireFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_MATCHES) {
    throw MarketplaceErrors.of('INVALID_INPUT', `first must be between 1 and ${MAX_MATCHES}.`, {
      field: 'first',
    });
  }
}
