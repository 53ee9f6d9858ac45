// The organization directory: employers look for institutions, institutions for employers.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrgKind } from '@lattice/shared-contracts';
import { isRegionCode, regionAndDescendants } from '@lattice/shared-util-regions';
import { OrganizationEntity } from '@lattice/identity-data-access';
import type { PageRequest } from '@lattice/shared-graphql';
import { IdentityErrors } from '../shared/identity.errors';
import { type OrgSize } from '@lattice/shared-contracts';

export interface OrganizationFilterQuery {
  readonly kind?: OrgKind | null;
  readonly size?: OrgSize | null;
  /** Matches organizations in this region or any region within it. */
  readonly region?: string | null;
  readonly verified?: boolean | null;
  readonly search?: string | null;
}

@Injectable()
export class ListOrganizationsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(filter: OrganizationFilterQuery, page: PageRequest): Promise<{ rows: OrganizationEntity[]; total: number }> {
    const query = this.dataSource.getRepository(OrganizationEntity).createQueryBuilder('o');
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.size) query.andWhere('o.size = :size', { size: filter.size });
    if (filter.verified !== undefined && filter.verified !== null) query.andWhere('o.verified = :verified', { verified: filter.verified });
    if (filter.region) {
      if (!isRegionCode(filter.region)) throw IdentityErrors.of('INVALID_REGION', `"${filter.region}" is not a region code Lattice knows.`, { field: 'region' });
      query.andWhere('o.region = ANY(:regions)', { regions: regionAndDescendants(filter.region) });
    }
    const search = filter.search?.trim();
    if (search) {
      const escaped = search.replace(/[\\%_]/g, (c) => `\\${c}`);
      query.andWhere('(o.name ILIKE :pattern OR similarity(o.name, :search) > 0.3)', { pattern: `%${escaped}%`, search });
    }
    const total = await query.clone().getCount();
    if (page.after) {
      query.andWhere('(o.name, o.id) > (:afterName::text, :afterId::uuid)', { afterName: String(page.after[0]), afterId: page.after[1] });
    }
    // Alphabetical, with the id to break ties: a directory order that pages stably.
    const rows = await query.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').limit(page.limit + 1).getMany();
    return { rows, total };
  }
}
