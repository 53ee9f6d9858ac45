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

/** The proposing side takes back a proposal nobody has answered yet. */
@Injectable()
export class WithdrawPartnershipUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(principal: Principal, id: string): Promise<PartnershipEntity> {
    const partnership = await partnershipById(this.dataSource.manager, id);
    if (!partnership) throw MarketplaceErrors.of('PARTNERSHIP_NOT_FOUND', 'No such partnership.');
    const side = await sideOf(this.authorizer, principal, partnership);
    if (side !== 'PROPOSER')
      throw MarketplaceErrors.of(
        'NOT_A_PARTY',
        'Only the organization that proposed can withdraw the proposal.',
      );
    return inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager, emit }) => {
      const answered = await answerProposal(manager, id, {
        state: 'WITHDRAWN',
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
        type: 'marketplace.partnership.withdrawn',
        actorId: principal.userId,
        payload: partnershipPayload(updated, need.title, partnership.proposedByOrganizationId, null),
      });
      return updated;
    });
  }
}
