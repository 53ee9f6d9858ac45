// An institution adopts a shared credential through an umbrella that sponsors it and that the
// institution belongs to (umbrella membership is identity's: asked over its internal endpoint).
// It may then award the credential in its own name.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { isUniqueViolation } from '@lattice/shared-data-access';
import {
  AdoptionEntity,
  findCredential,
  getDesign,
  insertAdoption,
  sponsorshipsOf,
} from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { OrganizationDirectory } from '@lattice/credentials-co-development';

@Injectable()
export class AdoptSharedCredentialUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly directory: OrganizationDirectory,
  ) {}

  async execute(principal: Principal, credentialId: string, institutionId: string): Promise<AdoptionEntity> {
    const membership = await this.authorizer.requireRole(principal, institutionId, 'ADMIN');
    if (membership.kind !== 'INSTITUTION')
      throw CredentialsErrors.of('ADOPTER_NOT_INSTITUTION', 'Only institutions adopt shared credentials.', {
        field: 'institutionId',
      });
    const credential = await findCredential(this.dataSource.manager, credentialId);
    if (!credential)
      throw CredentialsErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', { credentialId });
    const design = await getDesign(this.dataSource.manager, credential.designId);
    if (design.stage === 'RETIRED')
      throw CredentialsErrors.of('CREDENTIAL_RETIRED', 'This credential is retired.', { credentialId });
    if (credential.issuerId === institutionId)
      throw CredentialsErrors.of('ALREADY_ADOPTED', 'The issuer already awards its own credential.', {
        credentialId,
      });

    const sponsors = await sponsorshipsOf(this.dataSource.manager, credentialId);
    if (sponsors.length === 0)
      throw CredentialsErrors.of(
        'CREDENTIAL_NOT_SHARED',
        'This credential is not shared: no umbrella organization sponsors it.',
        { credentialId },
      );
    const umbrellas = new Set(
      await this.directory.umbrellasOf(
        principal,
        institutionId,
        sponsors.map((s) => s.umbrellaId),
      ),
    );
    const through = sponsors.find((s) => umbrellas.has(s.umbrellaId));
    if (!through) {
      throw CredentialsErrors.of(
        'NOT_IN_SPONSORING_UMBRELLA',
        'Only members of an umbrella organization that sponsors this credential can adopt it.',
        { credentialId },
      );
    }

    const adoption: AdoptionEntity = {
      id: randomUUID(),
      credentialId,
      institutionId,
      umbrellaId: through.umbrellaId,
      createdBy: principal.userId,
      createdAt: new Date(),
    };
    try {
      await insertAdoption(this.dataSource.manager, adoption);
    } catch (error) {
      if (isUniqueViolation(error, 'adoptions_credential_institution_key')) {
        throw CredentialsErrors.of('ALREADY_ADOPTED', 'This institution already adopted this credential.', {
          credentialId,
          institutionId,
        });
      }
      throw error;
    }
    return adoption;
  }
}
