// An employer tied to a credential — design partner, endorser, or hirer of a holder who shared the
// award with it — reports what happened to a cohort of holders. Counts, ratings per competency
// and whether the assessment reflected job performance; individual awards only when shared.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { EVIDENCE_SCHEMA, EvidenceRepository, type OutcomeReportRow } from '@lattice/evidence-data-access';
import { assertValidOutcomeReport, EvidenceErrors, type OutcomeReportInput } from '@lattice/evidence-domain';

export interface ReportOutcomesInput extends OutcomeReportInput {
  readonly organizationId: string;
  readonly credentialId: string;
  /** Awards the report is about; each must be shared with the organization by its learner. */
  readonly awardIds?: readonly string[];
}

const REPORTERS = new Set(['EMPLOYER', 'UMBRELLA']);

@Injectable()
export class ReportOutcomesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EvidenceRepository,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(principal: Principal, input: ReportOutcomesInput): Promise<OutcomeReportRow> {
    await this.authorizer.requireRole(principal, input.organizationId, 'MEMBER');
    const kind =
      principal.memberships.find((m) => m.organizationId === input.organizationId)?.kind ??
      (await this.repository.organizationKind(input.organizationId));
    if (!kind || !REPORTERS.has(kind))
      throw EvidenceErrors.of(
        'NOT_AN_EMPLOYER',
        'Outcome reports come from employers (or umbrella organizations of employers).',
        { organizationId: input.organizationId },
      );
    const credential = await this.repository.credential(input.credentialId);
    if (!credential)
      throw EvidenceErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', {
        credentialId: input.credentialId,
      });
    assertValidOutcomeReport(input, credential.competencies);
    const ties = await this.repository.tiesOf(input.credentialId, input.organizationId);
    if (ties.length === 0) {
      throw EvidenceErrors.of(
        'NO_TIE_TO_CREDENTIAL',
        'Only an employer that partnered on, endorsed, or hired holders of this credential (a holder shared it with you) can report its outcomes.',
        {
          credentialId: input.credentialId,
        },
      );
    }
    const awardIds = [...new Set(input.awardIds ?? [])];
    if (awardIds.length) {
      const shared = await this.repository.sharedAwardIds(input.credentialId, input.organizationId, awardIds);
      const missing = awardIds.filter((id) => !shared.includes(id));
      if (missing.length)
        throw EvidenceErrors.of(
          'AWARD_NOT_SHARED',
          'A report names an award only when its learner shared it with your organization.',
          { awardIds: missing },
        );
    }
    const report = {
      id: randomUUID(),
      credential_id: credential.id,
      issuer_id: credential.issuer_id,
      organization_id: input.organizationId,
      cohort_size: input.cohortSize,
      hired: input.hired,
      promoted: input.promoted,
      retained: input.retained,
      assessment_reflected: input.assessmentReflectedJobPerformance,
      award_ids: awardIds,
      ratings: input.ratings.map((r) => ({ competency: r.competency, rating: r.rating })),
    };
    return inTransaction(this.dataSource, EVIDENCE_SCHEMA, async ({ manager, emit }) => {
      await this.repository.insertOutcomeReport(manager, { ...report, reportedBy: principal.userId });
      emit({
        type: 'evidence.outcome.reported',
        actorId: principal.userId,
        payload: {
          reportId: report.id,
          credentialId: credential.id,
          issuerId: credential.issuer_id,
          organizationId: input.organizationId,
        },
      });
      return { ...report, reported_at: new Date() };
    });
  }

  async list(
    principal: Principal,
    organizationId: string,
    credentialId?: string,
  ): Promise<OutcomeReportRow[]> {
    await this.authorizer.requireRole(principal, organizationId, 'MEMBER');
    return this.repository.outcomeReportsOf(organizationId, credentialId);
  }

  /** The credentials this organization is tied to (partner, endorser, hirer), to report on. */
  async reportable(principal: Principal, organizationId: string) {
    await this.authorizer.requireRole(principal, organizationId, 'MEMBER');
    return this.repository.reportableCredentials(organizationId);
  }
}
