import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction, isUniqueViolation } from '@lattice/shared-data-access';
import { CommonErrors } from '@lattice/shared-util-errors';
import {
  insertPartnership,
  MARKETPLACE_SCHEMA,
  needById,
  PartnershipEntity,
  partnershipByIdOrFail,
} from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { OrganizationDirectory } from '../shared/organization-directory';
import { partnershipPayload } from '../shared/partnership-parties';

export interface ProposePartnershipCommand {
  readonly needId: string;
  readonly institutionId: string;
  readonly message?: string | null;
}

/** Either side proposes: a member of the need's employer, or of the institution. */
@Injectable()
export class ProposePartnershipUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly directory: OrganizationDirectory,
  ) {}

  async execute(principal: Principal, command: ProposePartnershipCommand): Promise<PartnershipEntity> {
    const need = await needById(this.dataSource.manager, command.needId);
    if (!need)
      throw MarketplaceErrors.of('NEED_NOT_FOUND', 'No such skill need.', { needId: command.needId });
    const proposer = (await this.authorizer.isMember(principal, need.organizationId))
      ? need.organizationId
      : (await this.authorizer.isMember(principal, command.institutionId))
        ? command.institutionId
        : null;
    if (!proposer)
      throw CommonErrors.of(
        'FORBIDDEN',
        'Only members of the employer or of the institution can propose this partnership.',
      );
    const institution = await this.directory.require(principal, command.institutionId);
    if (institution.kind !== 'INSTITUTION')
      throw MarketplaceErrors.of('NOT_AN_INSTITUTION', `${institution.name} is not an institution.`, {
        field: 'institutionId',
      });
    if (need.status !== 'OPEN')
      throw MarketplaceErrors.of('NEED_CLOSED', 'This need is closed; it takes no new proposals.');
    const message = command.message?.trim() || null;
    try {
      return await inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager, emit }) => {
        const partnership = manager.create(PartnershipEntity, {
          id: randomUUID(),
          needId: need.id,
          employerId: need.organizationId,
          institutionId: institution.id,
          proposedByOrganizationId: proposer,
          proposedBy: principal.userId,
          state: 'PROPOSED',
          message,
          responseMessage: null,
          respondedBy: null,
          respondedAt: null,
          version: 1,
        });
        await insertPartnership(manager, partnership);
        emit({
          type: 'marketplace.partnership.proposed',
          actorId: principal.userId,
          payload: partnershipPayload(partnership, need.title, proposer, message),
        });
        return partnershipByIdOrFail(manager, partnership.id);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw MarketplaceErrors.of(
          'PARTNERSHIP_EXISTS',
          `${institution.name} already has an open proposal or partnership for this need.`,
        );
      throw error;
    }
  }
}
