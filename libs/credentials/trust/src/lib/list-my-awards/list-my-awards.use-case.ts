// A learner's own awards: those addressed to their account's e-mail (found by its keyed hash,
// since awards keep no address), revoked ones included so the learner sees what changed.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { pageOfAwards } from '@lattice/credentials-data-access';
import { type PageRequest } from '@lattice/shared-graphql';
import type { AwardPage } from '../shared/award-pages';
import { IssuerTrust } from '../shared/issuer-trust';
import { learnerEmailOf } from '../shared/learner-email';

@Injectable()
export class ListMyAwardsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trust: IssuerTrust,
  ) {}

  execute(principal: Principal, page: PageRequest): Promise<AwardPage> {
    return pageOfAwards(
      this.dataSource.manager,
      { recipientLookup: this.trust.recipientLookup(learnerEmailOf(principal)) },
      page,
    );
  }
}
