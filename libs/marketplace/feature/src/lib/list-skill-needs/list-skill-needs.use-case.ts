import { Injectable } from '@nestjs/common';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import type { PageRequest } from '@lattice/shared-graphql';
import { regionAndDescendants } from '@lattice/shared-util-regions';
import {
  MarketplaceRepository,
  type NeedStatus,
  type SkillNeedEntity,
} from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { requireRegion } from '../shared/regions';

export interface SkillNeedQuery {
  readonly organizationId?: string | null;
  /** An umbrella's member employers' needs; only the umbrella's members may ask. */
  readonly umbrellaId?: string | null;
  readonly skillId?: string | null;
  readonly region?: string | null;
  /** Only `region` itself, not the regions within it (what a demand map cell by region counts). */
  readonly exactRegion?: boolean | null;
  readonly sector?: string | null;
  readonly careerStage?: string | null;
  readonly status?: NeedStatus | null;
  readonly postedAfter?: Date | null;
  readonly postedBefore?: Date | null;
  readonly neededBefore?: string | null;
}

/** Skill needs, newest first. Needs are the market's shared board: every signed-in user sees them. */
@Injectable()
export class ListSkillNeedsUseCase {
  constructor(
    private readonly repository: MarketplaceRepository,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(
    principal: Principal,
    query: SkillNeedQuery,
    page: PageRequest,
  ): Promise<{ rows: SkillNeedEntity[]; total: number }> {
    let organizationIds: string[] | null = query.organizationId ? [query.organizationId] : null;
    if (query.umbrellaId) {
      await this.authorizer.requireRole(principal, query.umbrellaId, 'MEMBER');
      const members = await this.repository.umbrellaMemberIds(query.umbrellaId);
      organizationIds = organizationIds ? organizationIds.filter((id) => members.includes(id)) : members;
    }
    const region = query.region ? requireRegion(query.region, 'filter.region') : null;
    const regions = region ? (query.exactRegion ? [region] : regionAndDescendants(region)) : null;
    if (query.sector && !/^\d{2,6}$/.test(query.sector))
      throw MarketplaceErrors.of('INVALID_INPUT', 'sector must be a NAICS code of 2 to 6 digits', {
        field: 'filter.sector',
      });
    if (page.after && typeof page.after[0] !== 'number')
      throw MarketplaceErrors.of('INVALID_INPUT', 'after is not a cursor of this list.', { field: 'after' });
    return this.repository.listNeeds(
      {
        organizationIds,
        skillId: query.skillId ?? null,
        regions,
        sector: query.sector ?? null,
        careerStage: query.careerStage ?? null,
        status: query.status ?? null,
        postedAfter: query.postedAfter ?? null,
        postedBefore: query.postedBefore ?? null,
        neededBefore: query.neededBefore ?? null,
      },
      page.limit,
      page.after ? Number(page.after[0]) : null,
    );
  }
}
