// A batch's progress and per-learner results, for members of its issuer.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import {
  AwardBatchEntity,
  AwardBatchItemEntity,
  findAwardBatch,
  itemsOfAwardBatch,
} from '@lattice/credentials-data-access';

export interface AwardBatchView {
  readonly batch: AwardBatchEntity;
  readonly items: AwardBatchItemEntity[];
}

@Injectable()
export class GetAwardBatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(principal: Principal, id: string): Promise<AwardBatchView | null> {
    const batch = await findAwardBatch(this.dataSource.manager, id);
    if (!batch) return null;
    await this.authorizer.requireRole(principal, batch.issuerId, 'MEMBER');
    const items = await itemsOfAwardBatch(this.dataSource.manager, id);
    return { batch, items };
  }
}
