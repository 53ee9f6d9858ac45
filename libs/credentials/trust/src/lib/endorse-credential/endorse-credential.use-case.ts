// An employer or umbrella organization endorses a published credential: a signed OB 3.0
// EndorsementCredential, signed with the endorser's own issuer key (created on first need), stored
// and announced in one transaction. Credentials awarded afterwards embed it in their achievement.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction, isUniqueViolation } from '@lattice/shared-data-access';
import {
  CatalogueRepository,
  CREDENTIALS_SCHEMA,
  EndorsementEntity,
  findCredential,
  getDesign,
  insertEndorsement,
  standingEndorsement,
} from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { buildEndorsementCredential, buildIssuerRef, isoSeconds } from '@lattice/credentials-openbadges';
import { IssuerTrust } from '../shared/issuer-trust';
import { OrganizationDirectory } from '@lattice/credentials-co-development';

export interface EndorseCredentialCommand {
  readonly credentialId: string;
  readonly organizationId: string;
  readonly inDemand: boolean;
  readonly assessmentReflectsJobPerformance: boolean;
  readonly comment?: string | null;
}

const ENDORSER_KINDS = new Set(['EMPLOYER', 'UMBRELLA']);

@Injectable()
export class EndorseCredentialUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly directory: OrganizationDirectory,
    private readonly trust: IssuerTrust,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(principal: Principal, command: EndorseCredentialCommand): Promise<EndorsementEntity> {
    const comment = command.comment?.trim() || null;
    if (comment && comment.length > 2000)
      throw CredentialsErrors.of('INVALID_ENDORSEMENT', 'A comment is at most 2000 characters.', {
        field: 'comment',
      });
    // OB 3.0's EndorsementSubject states the claims in words: an endorsement is both of them.
    if (!command.inDemand || !command.assessmentReflectsJobPerformance) {
      throw CredentialsErrors.of(
        'INVALID_ENDORSEMENT',
        'An endorsement states both claims: the competency is in demand and the assessment reflects job performance.',
        {
          field: 'input',
        },
      );
    }
    await this.authorizer.requireRole(principal, command.organizationId, 'ADMIN');
    const credential = await findCredential(this.dataSource.manager, command.credentialId);
    if (!credential)
      throw CredentialsErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', {
        credentialId: command.credentialId,
      });
    const design = await getDesign(this.dataSource.manager, credential.designId);
    if (design.stage === 'RETIRED')
      throw CredentialsErrors.of('CREDENTIAL_RETIRED', 'This credential is retired.', {
        credentialId: credential.id,
      });
    const endorser = await this.directory.find(principal, command.organizationId);
    if (!endorser || !ENDORSER_KINDS.has(endorser.kind)) {
      throw CredentialsErrors.of(
        'ENDORSER_KIND',
        'Only employers and umbrella organizations endorse credentials.',
        { field: 'organizationId' },
      );
    }

    const id = randomUUID();
    try {
      return await inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
        const standing = await standingEndorsement(manager, credential.id, command.organizationId);
        if (standing) {
          throw CredentialsErrors.of(
            'ALREADY_ENDORSED',
            'This organization already endorses this credential.',
            { endorsementId: standing.id },
          );
        }
        const signer = await this.trust.signerFor(manager, command.organizationId, endorser.name);
        const now = new Date();
        const unsigned = buildEndorsementCredential({
          id: this.trust.endorsementUrl(id),
          endorser: buildIssuerRef({
            id: this.trust.issuerUrl(command.organizationId),
            name: endorser.name || command.organizationId,
          }),
          achievementId: this.trust.achievementUrl(credential.id),
          achievementName: credential.title,
          claims: { inDemand: true, assessmentReflectsJobPerformance: true },
          comment,
          validFrom: isoSeconds(now),
        });
        const signed = await this.trust.sign(unsigned, signer);
        const endorsement = manager.create(EndorsementEntity, {
          id,
          credentialId: credential.id,
          organizationId: command.organizationId,
          inDemand: command.inDemand,
          assessmentReflectsJobPerformance: command.assessmentReflectsJobPerformance,
          comment,
          endorserSector: endorser.sector ?? null,
          signedCredential: signed as unknown as Record<string, unknown>,
          createdBy: principal.userId,
          createdAt: now,
          withdrawnAt: null,
          withdrawnBy: null,
        });
        await insertEndorsement(manager, endorsement);
        await this.catalogue.refresh(manager, [credential.id]);
        emit({
          type: 'credentials.endorsement.added',
          actorId: principal.userId,
          payload: {
            endorsementId: id,
            credentialId: credential.id,
            credentialTitle: credential.title,
            issuerId: credential.issuerId,
            organizationId: command.organizationId,
            inDemand: command.inDemand,
            assessmentReflectsJobPerformance: command.assessmentReflectsJobPerformance,
          },
        });
        return endorsement;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'endorsements_active_key')) {
        throw CredentialsErrors.of(
          'ALREADY_ENDORSED',
          'This organization already endorses this credential.',
          { credentialId: credential.id },
        );
      }
      throw error;
    }
  }
}
