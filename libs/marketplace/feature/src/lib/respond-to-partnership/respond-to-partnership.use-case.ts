import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  answerProposal,
  MARKETPLACE_SCHEMA,
  needByIdOrFail,
  type PartnershipEntity,
  partnershipById,
  partnershipByIdOrFail,
} from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { partnershipPayload, sideOf } from '../shared/partnership-parties';

/** The side that did not propose accepts or declines, once. */
@Injectable()
export class RespondToPartnershipUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(
    principal: Principal,
    id: string,
    accept: boolean,
    message: string | null,
  ): Promise<PartnershipEntity> {
    const partnership = await partnershipById(this.dataSource.manager, id);
    if (!partnership) throw MarketplaceErrors.of('PARTNERSHIP_NOT_FOUND', 'No such partnership.');
    const side = await sideOf(this.authorizer, principal, partnership);
    if (side === 'NONE')
      throw MarketplaceErrors.of(
        'NOT_A_PARTY',
        'Only the organization that received this proposal can respond to it.',
      );
    if (side === 'PROPOSER')
      throw MarketplaceErrors.of(
        'OWN_PROPOSAL',
        'Your organization made this proposal; the other side responds to it.',
      );
    const recipient =
      partnership.proposedByOrganizationId === partnership.employerId
        ? partnership.institutionId
        : partnership.employerId;
    return inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager, emit }) => {
      const state = accept ? 'ACCEPTED' : 'DECLINED';
      const response = message?.trim() || null;
      const answered = await answerProposal(manager, id, {
        state,
        responseMessage: response,
        respondedBy: principal.userId,
        respondedAt: new Date(),
      });
      if (!answered)
        throw MarketplaceErrors.of(
          'PARTNERSHIP_NOT_OPEN',
          `This proposal was already ${partnership.state.toLowerCase()}.`,
          { state: partnership.state },
        );
      const need = await needByIdOrFail(manager, partnership.needId);
      const updated = await partnershipByIdOrFail(manager, id);
      emit({
        type: accept ? 'marketplace.partnership.accepted' : 'marketplace.partnership.declined',
        actorId: principal.userId,
        payload: partnershipPayload(updated, need.title, recipient, response),
      });
      return updated;
    });
  }
}
