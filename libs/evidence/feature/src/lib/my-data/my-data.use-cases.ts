// Everything evidence holds about a learner, as JSON, and deleting what is theirs to delete
// (feedback, shares, self-identification) in one action. Awards stay: they are the issuer's record.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { equityRollup, EVIDENCE_SCHEMA, EvidenceRepository } from '@lattice/evidence-data-access';
import { LearnerKeys } from '../shared/evidence.options';
import { SelfIdentificationUseCases } from '../self-identification/self-identification.use-cases';

@Injectable()
export class MyDataUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EvidenceRepository,
    private readonly selfIdentification: SelfIdentificationUseCases,
    @Inject(LearnerKeys) private readonly keys: LearnerKeys,
  ) {}

  async export(principal: Principal): Promise<Record<string, unknown>> {
    const lookup = this.keys.learnerOf(principal);
    const [awards, requests, feedback, shares, selfIdentification] = await Promise.all([
      this.repository.awardsOfLearner(lookup),
      this.repository.feedbackRequestsOfLearner(lookup),
      this.repository.feedbackOfLearner(lookup),
      this.repository.sharesOfLearner(lookup),
      this.selfIdentification.mine(principal),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      about:
        'Everything Lattice’s evidence service holds about you. Your awards themselves are on My credentials.',
      awards: awards.map((a) => ({
        awardId: a.id,
        credentialId: a.credential_id,
        credentialTitle: a.title,
        issuedAt: a.issued_at,
        revokedAt: a.revoked_at,
      })),
      feedbackRequests: requests.map((r) => ({
        awardId: r.award_id,
        requestedAt: r.requested_at,
        remindedAt: r.reminded_at,
        remindersOff: r.reminders_off,
      })),
      feedback: feedback.map((f) => ({
        awardId: f.award_id,
        surveyVersion: f.survey_version,
        answers: f.answers,
        revision: f.revision,
        submittedAt: f.submitted_at,
        updatedAt: f.updated_at,
      })),
      shares: shares.map((s) => ({
        awardId: s.award_id,
        organizationId: s.organization_id,
        organizationName: s.organization_name,
        grantedAt: s.granted_at,
      })),
      selfIdentification: selfIdentification
        ? { answers: selfIdentification.answers, updatedAt: selfIdentification.updatedAt }
        : null,
    };
  }

  delete(principal: Principal): Promise<{ feedback: number; shares: number; selfIdentification: boolean }> {
    const lookup = this.keys.learnerOf(principal);
    return inTransaction(this.dataSource, EVIDENCE_SCHEMA, ({ manager }) =>
      equityRollup.around(manager, [lookup], this.keys.equityBits, () =>
        this.repository.deleteLearnerData(manager, lookup),
      ),
    );
  }
}
