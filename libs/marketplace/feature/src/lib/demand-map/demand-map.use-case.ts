import { Injectable } from '@nestjs/common';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { regionAndDescendants, regionLabel } from '@lattice/shared-util-regions';
import { type DemandGroupBy, MarketplaceRepository } from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { requireRegion } from '../shared/regions';

export interface DemandMapQuery {
  readonly region?: string | null;
  readonly sector?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
  /** Only the needs of this umbrella's member organizations (members of the umbrella only). */
  readonly umbrellaId?: string | null;
  readonly groupLevel?: number | null;
  readonly limit?: number | null;
}

export interface DemandCellView {
  key: string;
  label: string;
  /** A skill's or skill group's French label (ESCO), when it has one; null for regions and sectors. */
  labelFr: string | null;
  needs: number;
  learners: number;
  supply: number;
  /** Learners the supplying institutions cannot take in a year (learners − their annual capacity, at least 0). */
  gap: number;
}

/** Open demand against supply, by region, sector, skill or skill group. */
@Injectable()
export class DemandMapUseCase {
  constructor(
    private readonly repository: MarketplaceRepository,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(
    principal: Principal,
    groupBy: DemandGroupBy,
    query: DemandMapQuery,
  ): Promise<DemandCellView[]> {
    const regions = query.region ? regionAndDescendants(requireRegion(query.region, 'filter.region')) : null;
    if (query.sector && !/^\d{2,6}$/.test(query.sector))
      throw MarketplaceErrors.of('INVALID_INPUT', 'sector must be a NAICS code of 2 to 6 digits', {
        field: 'filter.sector',
      });
    if (query.from && query.to && query.from > query.to)
      throw MarketplaceErrors.of('INVALID_INPUT', 'from must be before to', { field: 'filter.from' });
    const groupLevel = query.groupLevel ?? 1;
    if (!Number.isInteger(groupLevel) || groupLevel < 1 || groupLevel > 4)
      throw MarketplaceErrors.of('INVALID_INPUT', 'groupLevel must be 1 to 4', { field: 'groupLevel' });
    const limit = query.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw MarketplaceErrors.of('INVALID_INPUT', 'limit must be 1 to 500', { field: 'limit' });
    let organizationIds: string[] | null = null;
    if (query.umbrellaId) {
      await this.authorizer.requireRole(principal, query.umbrellaId, 'MEMBER');
      organizationIds = await this.repository.umbrellaMemberIds(query.umbrellaId);
    }
    const rows = await this.repository.demand({
      groupBy,
      regions,
      sector: query.sector ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      organizationIds,
      groupLevel,
      limit,
    });
    return rows.map((row) => ({
      key: row.key,
      label:
        row.label ??
        (groupBy === 'REGION' ? regionLabel(row.key) : groupBy === 'SECTOR' ? `NAICS ${row.key}` : row.key),
      labelFr: row.labelFr ?? null,
      needs: row.needs,
      learners: row.learners,
      supply: row.supply,
      gap: Math.max(0, row.learners - row.capacity),
    }));
  }
}
