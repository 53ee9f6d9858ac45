// Recognition across institutions: an institution declares that another institution's published
// credential counts toward one of its own pathways, or for an amount of credit (with conditions) —
// credit transfer and recognition of prior learning as data, shown on the credential's page.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { OrganizationDirectory } from '@lattice/credentials-co-development';
import { inTransaction, isUniqueViolation } from '@lattice/shared-data-access';
import {
  CatalogueRepository,
  CREDENTIALS_SCHEMA,
  PathwayRepository,
  type RecognitionRow,
} from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';

export interface RecognizeCredentialCommand {
  readonly institutionId: string;
  readonly credentialId: string;
  readonly pathwayId: string | null;
  readonly creditAmount: number | null;
  readonly creditUnit: string | null;
  readonly conditions: string | null;
}

const MAX_TEXT = 1000;

@Injectable()
export class RecognizeCredentialUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly pathways: PathwayRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  async execute(principal: Principal, command: RecognizeCredentialCommand): Promise<RecognitionRow> {
    const membership = await this.authorizer.requireRole(principal, command.institutionId, 'ADMIN');
    const invalid = (field: string, message: string) =>
      CredentialsErrors.of('INVALID_RECOGNITION', message, { field });
    if (membership.kind !== 'INSTITUTION')
      throw invalid('institutionId', 'Institutions recognize credentials.');
    if (command.pathwayId === null && command.creditAmount === null)
      throw invalid('creditAmount', 'Recognize toward a pathway, for an amount of credit, or both.');
    if (
      command.creditAmount !== null &&
      !(Number.isFinite(command.creditAmount) && command.creditAmount > 0 && command.creditAmount <= 9999)
    ) {
      throw invalid('creditAmount', 'Credit is a positive amount (at most 9999).');
    }
    const creditUnit = command.creditUnit?.trim() || null;
    const conditions = command.conditions?.trim() || null;
    if (command.creditAmount !== null && !creditUnit)
      throw invalid('creditUnit', 'Say what the credit is counted in (e.g. "credit hours").');
    if ((creditUnit?.length ?? 0) > 100) throw invalid('creditUnit', 'At most 100 characters.');
    if ((conditions?.length ?? 0) > MAX_TEXT) throw invalid('conditions', `At most ${MAX_TEXT} characters.`);

    const credentialId = command.credentialId.toLowerCase();
    const pathwayId = command.pathwayId?.toLowerCase() ?? null;
    const recognitionId = randomUUID();
    const createdAt = new Date();
    // Its public name (and region, size) for the pages that show who defined or recognized what.
    const profile = await this.directory.find(principal, command.institutionId).catch(() => null);
    try {
      return await inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
        // The facts are read inside the transaction, the credential's design row share-locked:
        // it cannot be retired between the check and the commit.
        const credential = (await this.pathways.publishedFacts(manager, [credentialId])).get(credentialId);
        if (!credential || credential.retired)
          throw CredentialsErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', {
            credentialId,
          });
        if (credential.issuerId === command.institutionId)
          throw invalid(
            'credentialId',
            'An institution recognizes other institutions’ credentials, not its own.',
          );
        if (pathwayId) {
          const [pathway] = await this.pathways.byIds([pathwayId], manager);
          if (!pathway) throw CredentialsErrors.of('PATHWAY_NOT_FOUND', 'No such pathway.', { pathwayId });
          if (pathway.ownerId !== command.institutionId)
            throw CredentialsErrors.of(
              'NOT_PATHWAY_OWNER',
              'Only the pathway’s owner recognizes credentials toward it.',
              { field: 'pathwayId' },
            );
        }
        const recognition: RecognitionRow = {
          id: recognitionId,
          institutionId: command.institutionId,
          credentialId,
          pathwayId,
          creditAmount: command.creditAmount,
          creditUnit,
          conditions,
          createdBy: principal.userId,
          createdAt,
        };
        if (profile?.name)
          await this.catalogue.recordOrganization(manager, {
            id: command.institutionId,
            name: profile.name,
            region: profile.region ?? null,
            size: profile.size ?? null,
          });
        await this.pathways.insertRecognition(manager, recognition);
        emit({
          type: 'credentials.recognition.declared',
          actorId: principal.userId,
          payload: {
            recognitionId: recognition.id,
            institutionId: recognition.institutionId,
            credentialId,
            issuerId: credential.issuerId,
            pathwayId: recognition.pathwayId,
          },
        });
        return recognition;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'recognitions_standing_key'))
        throw CredentialsErrors.of(
          'ALREADY_RECOGNIZED',
          'This institution already recognizes this credential that way.',
          { credentialId },
        );
      throw error;
    }
  }
}
