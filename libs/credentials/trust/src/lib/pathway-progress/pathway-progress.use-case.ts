// A learner's progress toward every pathway their standing awards count for (found, like their
// awards, by the keyed hash of their proven e-mail address): one statement, then the rules.
import { Injectable } from '@nestjs/common';
import type { Principal } from '@lattice/shared-auth';
import { PathwayRepository, type PathwayRow } from '@lattice/credentials-data-access';
import { pathwayProgress, type PathwayProgress } from '@lattice/credentials-domain';
import { IssuerTrust } from '../shared/issuer-trust';
import { learnerEmailOf } from '../shared/learner-email';

@Injectable()
export class PathwayProgressUseCase {
  constructor(
    private readonly pathways: PathwayRepository,
    private readonly trust: IssuerTrust,
  ) {}

  async execute(principal: Principal): Promise<(PathwayProgress & { pathway: PathwayRow })[]> {
    const holdings = await this.pathways.holdings(this.trust.recipientLookup(learnerEmailOf(principal)));
    return holdings.map(({ pathway, members }) => ({ pathway, ...pathwayProgress(pathway, members) }));
  }
}
