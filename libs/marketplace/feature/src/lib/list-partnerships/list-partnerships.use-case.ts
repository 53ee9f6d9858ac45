import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import type { PageRequest } from '@lattice/shared-graphql';
import {
  pageOfPartnerships,
  type PartnershipEntity,
  type PartnershipState,
} from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from '../shared/marketplace.errors';

export interface PartnershipQuery {
  readonly organizationId: string;
  readonly state?: PartnershipState | null;
  /** PROPOSED_BY_US: proposals this organization made; PROPOSED_TO_US: proposals awaiting its answer. */
  readonly direction?: 'PROPOSED_BY_US' | 'PROPOSED_TO_US' | null;
}

/**
 * An organization's partnerships, newest first: the employer's and the institution's side of
 * the same rows. Only the organization's members may list them.
 */
@Injectable()
export class ListPartnershipsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(
    principal: Principal,
    query: PartnershipQuery,
    page: PageRequest,
  ): Promise<{ rows: PartnershipEntity[]; total: number }> {
    await this.authorizer.requireRole(principal, query.organizationId, 'MEMBER');
    if (page.after && (typeof page.after[0] !== 'string' || Number.isNaN(Date.parse(page.after[0])))) {
      throw MarketplaceErrors.of('INVALID_INPUT', 'after is not a cursor of this list.', { field: 'after' });
    }
    return pageOfPartnerships(
      this.dataSource.manager,
      query,
      page.after ? [page.after[0] as string, page.after[1] as string] : null,
      page.limit + 1,
    );
  }
}
