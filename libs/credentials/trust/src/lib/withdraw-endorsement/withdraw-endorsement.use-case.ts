// The endorsing organization withdraws its endorsement: credentials awarded afterwards no longer
// embed it (those already issued keep it, as signed). Withdrawing twice is a CONFLICT.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import {
  CatalogueRepository,
  EndorsementEntity,
  findEndorsement,
  withdrawEndorsement,
} from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';

@Injectable()
export class WithdrawEndorsementUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(principal: Principal, id: string): Promise<EndorsementEntity> {
    const endorsement = await findEndorsement(this.dataSource.manager, id);
    if (!endorsement)
      throw CredentialsErrors.of('ENDORSEMENT_NOT_FOUND', 'No such endorsement.', { endorsementId: id });
    await this.authorizer.requireRole(principal, endorsement.organizationId, 'ADMIN');
    const withdrawnAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      if (!(await withdrawEndorsement(manager, id, withdrawnAt, principal.userId)))
        throw CredentialsErrors.of('ENDORSEMENT_WITHDRAWN', 'This endorsement is already withdrawn.', {
          endorsementId: id,
        });
      await this.catalogue.refresh(manager, [endorsement.credentialId]);
    });
    return { ...endorsement, withdrawnAt, withdrawnBy: principal.userId };
  }
}
