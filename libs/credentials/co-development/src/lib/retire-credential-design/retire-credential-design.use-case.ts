// The issuer retires a published credential: no longer offered, still verifiable.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  CatalogueRepository,
  CredentialDesignRepository,
  CREDENTIALS_SCHEMA,
  credentialsOfDesign,
  DesignEntity,
  enterStage,
  getDesign,
  lockDesign,
  setDesignStage,
} from '@lattice/credentials-data-access';
import { CredentialsErrors, nextStage } from '@lattice/credentials-domain';

@Injectable()
export class RetireCredentialDesignUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: CredentialDesignRepository,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(principal: Principal, id: string): Promise<DesignEntity> {
    const found = await this.repository.designById(id);
    if (!found)
      throw CredentialsErrors.of('DESIGN_NOT_FOUND', 'No such credential design.', { designId: id });
    await this.authorizer.requireRole(principal, found.issuerId, 'ADMIN');
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager }) => {
      const design = (await lockDesign(manager, id))!;
      const stage = nextStage(design.stage, 'RETIRE');
      await setDesignStage(manager, id, stage);
      await enterStage(manager, id, stage, design.version, principal.userId);
      // A retired credential leaves the public catalogue (it stays verifiable).
      const published = await credentialsOfDesign(manager, id);
      await this.catalogue.refresh(
        manager,
        published.map((credential) => credential.id),
      );
      return getDesign(manager, id);
    });
  }
}
