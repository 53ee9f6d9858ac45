import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  IDENTITY_SCHEMA,
  lockOrganization,
  type OrganizationEntity,
  organizationByIdOrFail,
  setOrganizationVerified,
} from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';

/** Operators vouch that an organization is who it says it is. */
@Injectable()
export class VerifyOrganizationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(
    principal: Principal,
    organizationId: string,
    verified: boolean,
  ): Promise<OrganizationEntity> {
    await this.authorizer.requireOperator(principal);
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      const organization = await lockOrganization(manager, organizationId);
      if (!organization)
        throw IdentityErrors.of('ORGANIZATION_NOT_FOUND', 'No such organization.', { organizationId });
      if (organization.verified === verified) return organization;
      await setOrganizationVerified(manager, organizationId, verified, verified ? new Date() : null);
      emit({
        type: 'identity.organization.verified',
        actorId: principal.userId,
        payload: { organizationId, verified, by: principal.userId },
      });
      return organizationByIdOrFail(manager, organizationId);
    });
  }
}
