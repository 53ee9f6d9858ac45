import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { MARKETPLACE_SCHEMA, PartnershipEntity, SkillNeedEntity } from '@lattice/marketplace-data-access';
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
    const partnership = await this.dataSource.getRepository(PartnershipEntity).findOneBy({ id });
    if (!partnership) throw MarketplaceErrors.of('PARTNERSHIP_NOT_FOUND', 'No such partnership.');
    const side = await sideOf(this.authorizer, principal, partnership);
    if (side !== 'PROPOSER') throw MarketplaceErrors.of('NOT_A_PARTY', 'Only the organization that proposed can withdraw the proposal.');
    return inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager, emit }) => {
      const result = await manager.update(PartnershipEntity, { id, state: 'PROPOSED' }, { state: 'WITHDRAWN', respondedBy: principal.userId, respondedAt: new Date(), version: () => '"version" + 1' });
      if (!result.affected) throw MarketplaceErrors.of('PARTNERSHIP_NOT_OPEN', `This proposal was already ${partnership.state.toLowerCase()}.`, { state: partnership.state });
      const need = await manager.findOneByOrFail(SkillNeedEntity, { id: partnership.needId });
      const updated = await manager.findOneByOrFail(PartnershipEntity, { id });
      emit({ type: 'marketplace.partnership.withdrawn', actorId: principal.userId, payload: partnershipPayload(updated, need.title, partnership.proposedByOrganizationId, null) });
      return updated;
    });
  }
}
