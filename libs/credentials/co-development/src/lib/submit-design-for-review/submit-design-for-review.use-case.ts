// The issuer sends a design to its partners for review (again, after changes were requested).
// It sets the review deadline and records the framework version the design was checked against.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  approvalsOfVersion,
  CredentialDesignRepository,
  CREDENTIALS_SCHEMA,
  DesignEntity,
  enterStage,
  getDesign,
  getFramework,
  lockDesign,
  submitDesign,
} from '@lattice/credentials-data-access';
import {
  approvalState,
  CredentialsErrors,
  elementOutcomes,
  type FrameworkRule,
  reviewDueDate,
  submit,
} from '@lattice/credentials-domain';
import { complianceOf } from '../shared/compliance';

@Injectable()
export class SubmitDesignForReviewUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: CredentialDesignRepository,
  ) {}

  async execute(
    principal: Principal,
    id: string,
    requestedDueAt: Date | null,
    now = new Date(),
  ): Promise<DesignEntity> {
    const found = await this.repository.designById(id);
    if (!found)
      throw CredentialsErrors.of('DESIGN_NOT_FOUND', 'No such credential design.', { designId: id });
    await this.authorizer.requireRole(principal, found.issuerId, 'ADMIN');
    const dueAt = reviewDueDate(requestedDueAt, now);
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      const design = (await lockDesign(manager, id))!;
      const approvals = await approvalsOfVersion(manager, id, design.version);
      const state = approvalState(
        design.issuerId,
        design.partnerIds,
        approvals.filter((a) => !a.withdrawnAt),
        design.version,
      );
      const stage = submit(design.stage, state);
      const framework = await getFramework(manager, design.frameworkId);
      const compliance = complianceOf(design, framework);
      await submitDesign(manager, id, {
        stage,
        reviewDueAt: dueAt,
        frameworkId: framework.id,
        checkPassed: compliance.passed,
      });
      await enterStage(manager, id, stage, design.version, principal.userId);
      emit({
        type: 'credentials.design.review_requested',
        actorId: principal.userId,
        payload: {
          designId: id,
          title: design.title,
          issuerId: design.issuerId,
          version: design.version,
          reviewDueAt: dueAt.toISOString(),
          awaiting: [...state.pending],
          resubmission: design.stage === 'CHANGES_REQUESTED',
        },
      });
      // Evidence counts, per framework element, how often designs fail it in review.
      emit({
        type: 'credentials.design.compliance_reviewed',
        actorId: principal.userId,
        payload: {
          designId: id,
          issuerId: design.issuerId,
          frameworkId: framework.id,
          version: design.version,
          elements: elementOutcomes(framework.rules as FrameworkRule[], compliance),
        },
      });
      if (stage === 'APPROVED') {
        emit({
          type: 'credentials.design.approved',
          actorId: principal.userId,
          payload: {
            designId: id,
            title: design.title,
            issuerId: design.issuerId,
            version: design.version,
            partnerIds: design.partnerIds,
          },
        });
      }
      return getDesign(manager, id);
    });
  }
}
