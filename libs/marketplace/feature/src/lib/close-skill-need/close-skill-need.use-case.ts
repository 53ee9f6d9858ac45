import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  closeOpenNeed,
  MARKETPLACE_SCHEMA,
  needById,
  needByIdOrFail,
  type SkillNeedEntity,
} from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from '../shared/marketplace.errors';

@Injectable()
export class CloseSkillNeedUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(principal: Principal, id: string): Promise<SkillNeedEntity> {
    const current = await needById(this.dataSource.manager, id);
    if (!current) throw MarketplaceErrors.of('NEED_NOT_FOUND', 'No such skill need.', { needId: id });
    await this.authorizer.requireRole(principal, current.organizationId, 'MEMBER');
    return inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager, emit }) => {
      if (!(await closeOpenNeed(manager, id, new Date())))
        throw MarketplaceErrors.of('NEED_CLOSED', 'This need is already closed.');
      emit({
        type: 'marketplace.need.closed',
        actorId: principal.userId,
        payload: { needId: id, organizationId: current.organizationId },
      });
      return needByIdOrFail(manager, id);
    });
  }
}
