// An umbrella organization sponsors a published credential, which makes it shared: institutions
// that belong to the umbrella may adopt it and award it in their own name.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { isUniqueViolation } from '@lattice/shared-data-access';
import {
  CatalogueRepository,
  findCredential,
  getDesign,
  insertSponsorship,
  SponsorshipEntity,
} from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { OrganizationDirectory } from '@lattice/credentials-co-development';

@Injectable()
export class SponsorCredentialUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly directory: OrganizationDirectory,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(principal: Principal, credentialId: string, umbrellaId: string): Promise<SponsorshipEntity> {
    await this.authorizer.requireRole(principal, umbrellaId, 'ADMIN');
    const credential = await findCredential(this.dataSource.manager, credentialId);
    if (!credential)
      throw CredentialsErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', { credentialId });
    const design = await getDesign(this.dataSource.manager, credential.designId);
    if (design.stage === 'RETIRED')
      throw CredentialsErrors.of('CREDENTIAL_RETIRED', 'This credential is retired.', { credentialId });
    const umbrella = await this.directory.find(principal, umbrellaId);
    if (umbrella?.kind !== 'UMBRELLA')
      throw CredentialsErrors.of(
        'NOT_AN_UMBRELLA',
        'Only umbrella organizations sponsor shared credentials.',
        { field: 'umbrellaId' },
      );

    const sponsorship: SponsorshipEntity = {
      id: randomUUID(),
      credentialId,
      umbrellaId,
      createdBy: principal.userId,
      createdAt: new Date(),
    };
    try {
      await this.dataSource.transaction(async (manager) => {
        await insertSponsorship(manager, sponsorship);
        // The umbrella's public name, for the catalogue's sponsor facet (as publishing records the issuer's).
        if (umbrella.name)
          await this.catalogue.recordOrganization(manager, {
            id: umbrellaId,
            name: umbrella.name,
            region: umbrella.region ?? null,
            size: umbrella.size ?? null,
          });
        await this.catalogue.refresh(manager, [credentialId]);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'sponsorships_credential_umbrella_key')) {
        throw CredentialsErrors.of('ALREADY_SPONSORED', 'This umbrella already sponsors this credential.', {
          credentialId,
          umbrellaId,
        });
      }
      throw error;
    }
    return sponsorship;
  }
}
