import { Inject, Injectable } from '@nestjs/common';
import { regionAndDescendants } from '@lattice/shared-util-regions';
import { MarketplaceRepository } from '@lattice/marketplace-data-access';
import { explainMatches, type ExplainedMatch } from '../shared/explain-matches';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { MARKETPLACE_OPTIONS, type MarketplaceOptions } from '../shared/marketplace.options';

export const MAX_MATCHES = 200;

/** Institutions ranked for a need, each with its reasons. Three SQL statements whatever `first` is. */
@Injectable()
export class MatchPartnersUseCase {
  constructor(
    private readonly repository: MarketplaceRepository,
    @Inject(MARKETPLACE_OPTIONS) private readonly options: MarketplaceOptions,
  ) {}

  async execute(needId: string, first: number): Promise<ExplainedMatch[]> {
    requireFirst(first);
    const [need] = await this.repository.needsByIds([needId]);
    if (!need) throw MarketplaceErrors.of('NEED_NOT_FOUND', 'No such skill need.', { needId });
    const rows = await this.repository.rankInstitutions(need.id, regionAndDescendants(need.region), this.options.weights, first);
    return explainMatches(this.repository, rows, this.options.weights);
  }
}

export function requireFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_MATCHES) {
    throw MarketplaceErrors.of('INVALID_INPUT', `first must be between 1 and ${MAX_MATCHES}.`, { field: 'first' });
  }
}
