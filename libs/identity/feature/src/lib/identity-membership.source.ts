import { Injectable } from '@nestjs/common';
import { MembershipSource, type Principal, type PrincipalMembership } from '@lattice/shared-auth';
import { IdentityRepository } from '@lattice/identity-data-access';

/** Inside identity, live memberships come straight from its own tables. */
@Injectable()
export class IdentityDatabaseMembershipSource extends MembershipSource {
  constructor(private readonly repository: IdentityRepository) {
    super();
  }

  async membershipsOf(principal: Principal): Promise<readonly PrincipalMembership[]> {
    const rows = await this.repository.membershipsOfUsers([principal.userId]);
    return rows.map(({ organizationId, role, kind }) => ({ organizationId, role, kind }));
  }
}
