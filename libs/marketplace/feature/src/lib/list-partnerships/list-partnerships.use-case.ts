import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import type { PageRequest } from '@lattice/shared-graphql';
import { PartnershipEntity, type PartnershipState } from '@lattice/marketplace-data-access';
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

  async execute(principal: Principal, query: PartnershipQuery, page: PageRequest): Promise<{ rows: PartnershipEntity[]; total: number }> {
    await this.authorizer.requireRole(principal, query.organizationId, 'MEMBER');
    if (page.after && (typeof page.after[0] !== 'string' || Number.isNaN(Date.parse(page.after[0])))) {
      throw MarketplaceErrors.of('INVALID_INPUT', 'after is not a cursor of this list.', { field: 'after' });
    }
    const list = this.dataSource
      .getRepository(PartnershipEntity)
      .createQueryBuilder('p')
      .where('(p.employer_id = :org OR p.institution_id = :org)', { org: query.organizationId });
    if (query.state) list.andWhere('p.state = :state', { state: query.state });
    if (query.direction === 'PROPOSED_BY_US') list.andWhere('p.proposed_by_organization_id = :org');
    if (query.direction === 'PROPOSED_TO_US') list.andWhere('p.proposed_by_organization_id <> :org');
    const total = await list.clone().getCount();
    // Cursors carry milliseconds (JavaScript dates); Postgres keeps microseconds, so order by the
    // same truncation the cursor sees or rows within one millisecond would be skipped.
    const at = `date_trunc('milliseconds', p.created_at)`;
    if (page.after) list.andWhere(`(${at}, p.id) < (:afterAt::timestamptz, :afterId::uuid)`, { afterAt: page.after[0], afterId: page.after[1] });
    const rows = await list.orderBy(at, 'DESC').addOrderBy('p.id', 'DESC').limit(page.limit + 1).getMany();
    return { rows, total };
  }
}
