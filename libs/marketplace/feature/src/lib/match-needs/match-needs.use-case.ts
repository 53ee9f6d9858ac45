import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { regionAndAncestors } from '@lattice/shared-util-regions';
import {
  CapabilityProfileEntity,
  capabilityProfileOf,
  MarketplaceRepository,
  type SkillNeedEntity,
} from '@lattice/marketplace-data-access';
import { cachedRanking, weightsKey } from '../shared/cached-ranking';
import { explainMatches, type ExplainedMatch } from '../shared/explain-matches';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { MARKETPLACE_OPTIONS, type MarketplaceOptions } from '../shared/marketplace.options';
import { requireFirst } from '../match-partners/match-partners.use-case';

/** Open needs ranked for an institution's capability profile: the same formula from the other side, cached the same way. */
@Injectable()
export class MatchNeedsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MarketplaceRepository,
    @Inject(MARKETPLACE_OPTIONS) private readonly options: MarketplaceOptions,
  ) {}

  async execute(institutionId: string, first: number): Promise<ExplainedMatch[]> {
    return (await this.executeWithNeeds(institutionId, first)).matches;
  }

  /**
   * The ranking with the needs it names when it was served from the cache (one SQL statement:
   * the page and its needs read together); `needs` is null when it was computed afresh.
   */
  async executeWithNeeds(
    institutionId: string,
    first: number,
  ): Promise<{ matches: ExplainedMatch[]; needs: SkillNeedEntity[] | null }> {
    requireFirst(first);
    const served = await this.repository.cachedNeedMatches(
      institutionId,
      weightsKey(this.options.weights),
      first,
    );
    if (served) return { matches: served.matches as ExplainedMatch[], needs: served.needs };
    return { matches: await this.computed(institutionId, first), needs: null };
  }

  private async computed(institutionId: string, first: number): Promise<ExplainedMatch[]> {
    const profile = await capabilityProfileOf(this.dataSource.manager, institutionId);
    if (!profile)
      throw MarketplaceErrors.of('PROFILE_NOT_FOUND', 'This institution has no capability profile yet.', {
        institutionId,
      });
    return cachedRanking(this.repository, 'N', institutionId, this.options.weights, first, (limit) =>
      this.rank(profile, limit),
    );
  }

  /** The exact ranking, uncached (the reference the cache is tested against). */
  async rank(profile: CapabilityProfileEntity, limit: number): Promise<ExplainedMatch[]> {
    // A need in a region that contains one the institution serves is partly served.
    const ancestors = [...new Set(profile.regions.flatMap((region) => regionAndAncestors(region)))].filter(
      (region) => !profile.regionCover.includes(region),
    );
    const rows = await this.repository.rankNeeds(
      profile.organizationId,
      ancestors,
      this.options.weights,
      limit,
    );
    return explainMatches(this.repository, rows, this.options.weights);
  }
}
