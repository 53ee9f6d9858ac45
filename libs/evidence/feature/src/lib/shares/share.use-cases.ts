// A learner shares one award with one organization (an employer who hired them, say), and takes
// it back. Only the award's learner grants or revokes; an organization sees only what is shared.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { EVIDENCE_SCHEMA, EvidenceRepository } from '@lattice/evidence-data-access';
import { EvidenceErrors } from '@lattice/evidence-domain';
import { LearnerFeedbackUseCases } from '../feedback/feedback.use-cases';
import { LearnerKeys } from '../shared/evidence.options';

@Injectable()
export class ShareUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EvidenceRepository,
    private readonly feedback: LearnerFeedbackUseCases,
    private readonly authorizer: Authorizer,
    @Inject(LearnerKeys) private readonly keys: LearnerKeys,
  ) {}

  async grant(principal: Principal, awardId: string, organizationId: string): Promise<void> {
    if (!(await this.repository.organizationKind(organizationId)))
      throw EvidenceErrors.of('UNKNOWN_ORGANIZATION', 'No such organization.', { organizationId });
    await inTransaction(this.dataSource, EVIDENCE_SCHEMA, async ({ manager }) => {
      const award = await this.feedback.ownAward(principal, awardId, manager);
      if (award.revoked_at)
        throw EvidenceErrors.of('AWARD_REVOKED', 'A revoked award cannot be shared.', { awardId });
      await this.repository.grantShare(manager, awardId, organizationId);
    });
  }

  async revoke(principal: Principal, awardId: string, organizationId: string): Promise<boolean> {
    return inTransaction(this.dataSource, EVIDENCE_SCHEMA, async ({ manager }) => {
      await this.feedback.ownAward(principal, awardId, manager);
      return this.repository.revokeShare(manager, awardId, organizationId);
    });
  }

  mine(principal: Principal) {
    return this.repository.sharesOfLearner(this.keys.learnerOf(principal));
  }

  /** The awards shared with an organization, for its members (no name, no address: the award id and credential). */
  async sharedWith(principal: Principal, organizationId: string) {
    await this.authorizer.requireRole(principal, organizationId, 'MEMBER');
    return this.repository.sharedWith(organizationId);
  }
}
