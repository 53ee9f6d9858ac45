// An institution starts a credential design, optionally from a marketplace partnership and with
// its partner organizations named from the start; a design started from a partnership may start
// with its need's skills (competencies), delivery mode, career stage and evidence of need, checked
// as any edit is.
import { randomUUID } from 'node:crypto';
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
  insertDesign,
} from '@lattice/credentials-data-access';
import {
  assertValidDesignContent,
  CredentialsErrors,
  type DesignContent,
  type DesignLanguage,
  newDesignContent,
} from '@lattice/credentials-domain';
import { OrganizationDirectory } from '../shared/organization-directory';

export interface CreateCredentialDesignCommand {
  readonly issuerId: string;
  readonly title: string;
  readonly description?: string | null;
  readonly frameworkId: string;
  readonly partnershipId?: string | null;
  readonly partnerIds?: readonly string[] | null;
  readonly language?: DesignLanguage | null;
  readonly competencies?: readonly { readonly skillId: string }[] | null;
  readonly deliveryMode?: DesignContent['deliveryMode'];
  readonly careerStage?: DesignContent['careerStage'];
  readonly evidenceOfNeed?: string | null;
}

@Injectable()
export class CreateCredentialDesignUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: CredentialDesignRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  async execute(principal: Principal, command: CreateCredentialDesignCommand): Promise<DesignEntity> {
    const issuer = await this.authorizer.requireRole(principal, command.issuerId, 'ADMIN');
    if (issuer.kind !== 'INSTITUTION') {
      throw CredentialsErrors.of('ISSUER_NOT_INSTITUTION', 'Only an institution can issue a credential.', {
        field: 'issuerId',
      });
    }
    if (!(await this.repository.frameworkById(command.frameworkId))) {
      throw CredentialsErrors.of(
        'UNKNOWN_FRAMEWORK',
        'No framework with that id; see the frameworks query.',
        { field: 'frameworkId' },
      );
    }
    const partnerIds = [...new Set(command.partnerIds ?? [])];
    for (const partnerId of partnerIds)
      await assertPartner(this.directory, principal, partnerId, command.issuerId);
    const content = newDesignContent({
      title: command.title.trim(),
      description: command.description ?? null,
      frameworkId: command.frameworkId,
      partnershipId: command.partnershipId ?? null,
      partnerIds,
      language: command.language ?? 'en',
      // Each skill once, in the order given.
      competencies: [...new Set((command.competencies ?? []).map((c) => c.skillId))].map((skillId) => ({
        skillId,
      })),
      deliveryMode: command.deliveryMode ?? null,
      careerStage: command.careerStage ?? null,
      evidenceOfNeed: command.evidenceOfNeed?.trim() || null,
    });
    assertValidDesignContent(content, command.issuerId);
    const id = randomUUID();
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager }) => {
      await insertDesign(manager, { id, issuerId: command.issuerId, content, createdBy: principal.userId });
      await appendDesignVersion(manager, id, 1, content, principal.userId, 'created');
      await enterStage(manager, id, 'DRAFT', 1, principal.userId);
      return getDesign(manager, id);
    });
  }
}

/** A partner exists, is not the issuer, and is not an operator organization. */
export async function assertPartner(
  directory: OrganizationDirectory,
  principal: Principal,
  partnerId: string,
  issuerId: string,
): Promise<void> {
  if (partnerId === issuerId) {
    throw CredentialsErrors.of(
      'INVALID_PARTNER',
      'The issuer is always a party; list the other organizations.',
      { field: 'partnerIds', organizationId: partnerId },
    );
  }
  const organization = await directory.find(principal, partnerId);
  if (!organization)
    throw CredentialsErrors.of('UNKNOWN_ORGANIZATION', 'No organization with that id.', {
      field: 'partnerIds',
      organizationId: partnerId,
    });
  if (organization.kind === 'OPERATOR') {
    throw CredentialsErrors.of('INVALID_PARTNER', 'An operator organization cannot be a design partner.', {
      field: 'partnerIds',
      organizationId: partnerId,
    });
  }
}
