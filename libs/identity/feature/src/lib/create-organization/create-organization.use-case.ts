import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import type { OrgKind } from '@lattice/shared-contracts';
import { inTransaction } from '@lattice/shared-data-access';
import { isRegionCode } from '@lattice/shared-util-regions';
import {
  IDENTITY_SCHEMA,
  insertMembership,
  insertOrganization,
  OrganizationEntity,
  organizationByIdOrFail,
} from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';
import { type OrgSize } from '@lattice/shared-contracts';

export interface CreateOrganizationCommand {
  readonly name: string;
  readonly kind: OrgKind;
  readonly size: OrgSize;
  readonly region?: string | null;
  readonly sector?: string | null;
  readonly website?: string | null;
}

@Injectable()
export class CreateOrganizationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(principal: Principal, command: CreateOrganizationCommand): Promise<OrganizationEntity> {
    if (command.region && !isRegionCode(command.region)) {
      throw IdentityErrors.of(
        'INVALID_REGION',
        `"${command.region}" is not a Canadian region code Lattice knows (e.g. ON, ON-Toronto, ON-Northeast).`,
        { field: 'region' },
      );
    }
    // Operators verify everyone else, so only an operator may create another operator organization.
    if (command.kind === 'OPERATOR') await this.authorizer.requireOperator(principal);
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      const organization = manager.create(OrganizationEntity, {
        id: randomUUID(),
        name: command.name.trim(),
        kind: command.kind,
        size: command.size,
        region: command.region ?? null,
        sector: command.sector ?? null,
        website: command.website ?? null,
        verified: false,
        verifiedAt: null,
        createdBy: principal.userId,
      });
      await insertOrganization(manager, organization);
      await insertMembership(manager, {
        id: randomUUID(),
        userId: principal.userId,
        organizationId: organization.id,
        role: 'OWNER',
      });
      emit({
        type: 'identity.organization.created',
        actorId: principal.userId,
        payload: {
          organizationId: organization.id,
          name: organization.name,
          kind: organization.kind,
          size: organization.size,
          region: organization.region,
          sector: organization.sector,
          createdBy: principal.userId,
        },
      });
      emit({
        type: 'identity.membership.created',
        actorId: principal.userId,
        payload: { userId: principal.userId, organizationId: organization.id, role: 'OWNER' },
      });
      return organizationByIdOrFail(manager, organization.id);
    });
  }
}
