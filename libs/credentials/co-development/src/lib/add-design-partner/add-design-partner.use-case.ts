// The issuer brings another partner organization into a design. Partners are part of the design
// (they must all sign off), so this is a change like an edit: a new version, approvals withdrawn.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  appendDesignVersion,
  CredentialDesignRepository,
  CREDENTIALS_SCHEMA,
  DesignEntity,
  enterStage,
  getDesign,
  lockDesign,
  setDesignPartners,
  withdrawApprovals,
} from '@lattice/credentials-data-access';
import { CredentialsErrors, nextStage } from '@lattice/credentials-domain';
import { assertPartner } from '../create-credential-design/create-credential-design.use-case';
import { OrganizationDirectory } from '../shared/organization-directory';

@Injectable()
export class AddDesignPartnerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: CredentialDesignRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  async execute(principal: Principal, designId: string, organizationId: string): Promise<DesignEntity> {
    const found = await this.repository.designById(designId);
    if (!found) throw CredentialsErrors.of('DESIGN_NOT_FOUND', 'No such credential design.', { designId });
    await this.authorizer.requireRole(principal, found.issuerId, 'ADMIN');
    nextStage(found.stage, 'EDIT');
    await assertPartner(this.directory, principal, organizationId, found.issuerId);
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager }) => {
      const design = (await lockDesign(manager, designId))!;
      const stage = nextStage(design.stage, 'EDIT');
      if (design.partnerIds.includes(organizationId)) {
        throw CredentialsErrors.of(
          'PARTNER_ALREADY_ADDED',
          'That organization is already a partner of this design.',
          { organizationId },
        );
      }
      const content = { ...design.content, partnerIds: [...design.content.partnerIds, organizationId] };
      const version = design.version + 1;
      await setDesignPartners(manager, designId, content, version, stage);
      await appendDesignVersion(manager, designId, version, content, principal.userId, 'partner added');
      await withdrawApprovals(manager, designId);
      if (stage !== design.stage) await enterStage(manager, designId, stage, version, principal.userId);
      return getDesign(manager, designId);
    });
  }
}
