// The designs an organization takes part in (as issuer or partner), newest first, by stage.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import type { PageRequest } from '@lattice/shared-graphql';
import { DesignEntity, pageOfDesigns } from '@lattice/credentials-data-access';
import { type DesignStage } from '@lattice/shared-contracts';

@Injectable()
export class ListCredentialDesignsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(
    principal: Principal,
    organizationId: string,
    stage: DesignStage | null,
    page: PageRequest,
  ): Promise<{ rows: DesignEntity[]; total: number }> {
    await this.authorizer.requireRole(principal, organizationId, 'MEMBER');
    return pageOfDesigns(this.dataSource.manager, organizationId, stage, page);
  }
}
