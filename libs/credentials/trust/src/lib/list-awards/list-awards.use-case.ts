// Issuer staff list their organization's awards (to follow them and revoke), filtered by
// credential and status. Without an issuer, every organization the caller is a member of.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, MembershipSource, type Principal } from '@lattice/shared-auth';
import { type AwardStatus, pageOfAwards } from '@lattice/credentials-data-access';
import { type PageRequest } from '@lattice/shared-graphql';
import type { AwardPage } from '../shared/award-pages';

export interface AwardFilter {
  readonly issuerId?: string | null;
  readonly credentialId?: string | null;
  readonly status?: AwardStatus | null;
}

@Injectable()
export class ListAwardsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly memberships: MembershipSource,
  ) {}

  async execute(principal: Principal, filter: AwardFilter, page: PageRequest): Promise<AwardPage> {
    let issuers: string[];
    if (filter.issuerId) {
      await this.authorizer.requireRole(principal, filter.issuerId, 'MEMBER');
      issuers = [filter.issuerId];
    } else {
      // Live memberships: an organization joined since the token was issued counts too.
      const live = await this.memberships.membershipsOf(principal);
      issuers = [...new Set([...principal.memberships, ...live].map((m) => m.organizationId))];
      if (issuers.length === 0) return { rows: [], total: 0 };
    }
    return pageOfAwards(
      this.dataSource.manager,
      { issuerIds: issuers, credentialId: filter.credentialId, status: filter.status },
      page,
    );
  }
}
