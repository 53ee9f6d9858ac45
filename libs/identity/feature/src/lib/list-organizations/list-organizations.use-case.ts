// The organization directory: employers look for institutions, institutions for employers.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrgKind } from '@lattice/shared-contracts';
import { isRegionCode, regionAndDescendants } from '@lattice/shared-util-regions';
import { type OrganizationEntity, pageOfOrganizations } from '@lattice/identity-data-access';
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

  async execute(
    filter: OrganizationFilterQuery,
    page: PageRequest,
  ): Promise<{ rows: OrganizationEntity[]; total: number }> {
    if (filter.region && !isRegionCode(filter.region))
      throw IdentityErrors.of('INVALID_REGION', `"${filter.region}" is not a region code Lattice knows.`, {
        field: 'region',
      });
    // Alphabetical, with the id to break ties: a directory order that pages stably.
    return pageOfOrganizations(
      this.dataSource.manager,
      {
        kind: filter.kind,
        size: filter.size,
        verified: filter.verified,
        regions: filter.region ? regionAndDescendants(filter.region) : null,
        search: filter.search,
      },
      page.after ? [String(page.after[0]), page.after[1] as string] : null,
      page.limit + 1,
    );
  }
}
