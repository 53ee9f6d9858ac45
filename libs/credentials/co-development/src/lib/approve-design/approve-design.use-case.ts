// A party signs off the design's current version on behalf of its organization. When the last
// party approves, the design is APPROVED.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction, isUniqueViolation } from '@lattice/shared-data-access';
import {
  approvalsOfVersion,
  CredentialDesignRepository,
  CREDENTIALS_SCHEMA,
  DesignEntity,
  enterStage,
  getDesign,
  insertApproval,
  lockDesign,
  setDesignStage,
} from '@lattice/credentials-data-access';
import { approvalState, approve, CredentialsErrors } from '@lattice/credentials-domain';

@Injectable()
export class ApproveDesignUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: CredentialDesignRepository,
  ) {}

  async execute(principal: Principal, id: string, organizationId: string): Promise<DesignEntity> {
    const found = await this.repository.designById(id);
    if (!found)
      throw CredentialsErrors.of('DESIGN_NOT_FOUND', 'No such credential design.', { designId: id });
    // Signing off commits the organization: its owners and admins do it.
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    try {
      return await inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
        const design = (await lockDesign(manager, id))!;
        const approvals = await approvalsOfVersion(manager, id, design.version);
        const state = approvalState(
          design.issuerId,
          design.partnerIds,
          approvals.filter((a) => !a.withdrawnAt),
          design.version,
        );
        const stage = approve(design.stage, state, organizationId);
        await insertApproval(manager, {
          designId: id,
          organizationId,
          version: design.version,
          approvedBy: principal.userId,
          approvedAt: new Date(),
        });
        if (stage !== design.stage) {
          await setDesignStage(manager, id, stage);
          await enterStage(manager, id, stage, design.version, principal.userId);
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
    } catch (error) {
      // The same organization approving this version twice at once: the key decides.
      if (isUniqueViolation(error))
        throw CredentialsErrors.of(
          'ALREADY_APPROVED',
          'Your organization has already approved this version.',
          { organizationId },
        );
      throw error;
    }
  }
}
