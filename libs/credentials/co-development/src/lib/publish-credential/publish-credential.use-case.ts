// Publication: a fully approved design that complies with its framework becomes a Credential.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  approvalsOfVersion,
  CatalogueRepository,
  CredentialDesignRepository,
  CredentialEntity,
  CREDENTIALS_SCHEMA,
  enterStage,
  getFramework,
  lockDesign,
  publishDesign,
  secondsPerStage,
} from '@lattice/credentials-data-access';
import { approvalState, assertPublishable, CredentialsErrors } from '@lattice/credentials-domain';
import { complianceOf } from '../shared/compliance';
import { OrganizationDirectory } from '../shared/organization-directory';

@Injectable()
export class PublishCredentialUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: CredentialDesignRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  async execute(principal: Principal, designId: string): Promise<CredentialEntity> {
    const found = await this.repository.designById(designId);
    if (!found) throw CredentialsErrors.of('DESIGN_NOT_FOUND', 'No such credential design.', { designId });
    await this.authorizer.requireRole(principal, found.issuerId, 'ADMIN');
    // The issuer's name, region and size as identity states them now, for the catalogue's pages
    // and filters (kept as they were when identity cannot answer: publishing does not depend on it).
    const issuer = await this.directory.find(principal, found.issuerId).catch(() => null);
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      const design = (await lockDesign(manager, designId))!;
      const approvals = await approvalsOfVersion(manager, designId, design.version);
      const state = approvalState(
        design.issuerId,
        design.partnerIds,
        approvals.filter((a) => !a.withdrawnAt),
        design.version,
      );
      const framework = await getFramework(manager, design.frameworkId);
      const compliance = complianceOf(design, framework);
      assertPublishable(design.stage, state, compliance);
      const credential = manager.create(CredentialEntity, {
        id: randomUUID(),
        designId,
        title: design.title,
        issuerId: design.issuerId,
        designVersion: design.version,
        frameworkId: framework.id,
        publishedBy: principal.userId,
        publishedAt: new Date(),
      });
      await publishDesign(manager, credential);
      const stageTimes = await secondsPerStage(manager, designId);
      await enterStage(manager, designId, 'PUBLISHED', design.version, principal.userId);
      if (issuer?.name)
        await this.catalogue.recordOrganization(manager, {
          id: design.issuerId,
          name: issuer.name,
          region: issuer.region ?? null,
          size: issuer.size ?? null,
        });
      await this.catalogue.refresh(manager, [credential.id]);
      emit({
        type: 'credentials.design.published',
        actorId: principal.userId,
        payload: {
          designId,
          credentialId: credential.id,
          title: design.title,
          issuerId: design.issuerId,
          version: design.version,
          frameworkId: framework.id,
          partnerIds: design.partnerIds,
          facts: {
            hours: design.content.hours,
            deliveryMode: design.content.deliveryMode,
            careerStage: design.content.careerStage,
            credit: design.content.credit,
            transcriptable: design.content.transcriptable,
            assessmentMethods: [...design.content.assessment.methods],
            competencies: design.content.competencies.map((c) => c.skillId),
            secondsInStage: Object.fromEntries(stageTimes.map((row) => [row.stage, Math.round(row.seconds)])),
          },
        },
      });
      return credential;
    });
  }
}
