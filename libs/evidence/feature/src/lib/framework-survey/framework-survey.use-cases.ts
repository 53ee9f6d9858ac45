// The report's survey of pilot leads, built in: after publishing, an institution says which
// framework elements mattered most and least and whether the framework was a useful blueprint
// (one answer per credential, changeable). Operators see each element's importance across answers.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { EVIDENCE_SCHEMA, EvidenceRepository } from '@lattice/evidence-data-access';
import { type AnswerInput, EvidenceErrors, normalizeAnswers } from '@lattice/evidence-domain';

@Injectable()
export class FrameworkSurveyUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EvidenceRepository,
    private readonly authorizer: Authorizer,
  ) {}

  async answer(
    principal: Principal,
    credentialId: string,
    answers: readonly AnswerInput[],
  ): Promise<{ credentialId: string; surveyVersion: number }> {
    const credential = await this.repository.credential(credentialId);
    if (!credential)
      throw EvidenceErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', { credentialId });
    await this.authorizer.requireRole(principal, credential.issuer_id, 'ADMIN').catch(() => {
      throw EvidenceErrors.of(
        'NOT_THE_ISSUER',
        "Only the issuing institution's admins answer its framework survey.",
        { credentialId },
      );
    });
    const survey = await this.repository.latestSurvey('FRAMEWORK');
    const normalized = normalizeAnswers(survey.questions, answers);
    await inTransaction(this.dataSource, EVIDENCE_SCHEMA, ({ manager }) =>
      this.repository.saveFrameworkSurvey(manager, {
        credentialId,
        issuerId: credential.issuer_id,
        frameworkId: credential.framework_id,
        version: survey.version,
        answers: normalized,
        by: principal.userId,
      }),
    );
    return { credentialId, surveyVersion: survey.version };
  }

  async elements(principal: Principal) {
    await this.authorizer.requireOperator(principal);
    return (await this.repository.frameworkElementImportance()).map((row) => ({
      element: row.element,
      mostImportant: row.most,
      leastImportant: row.least,
      responses: row.responses,
      usefulBlueprint: row.useful_blueprint,
      reviews: row.reviews,
      failures: row.failures,
      failureShare: row.reviews ? row.failures / row.reviews : null,
    }));
  }
}
