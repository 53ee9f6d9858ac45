// An institution (or an umbrella, for shared credentials) defines a pathway: published
// micro-credentials, possibly from several institutions, that stack into a larger credential of
// its own. Refused, changing nothing: unpublished or retired steps, a target that is not the
// owner's, and a pathway that would close a cycle (A stacks into B stacks into A).
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { OrganizationDirectory } from '@lattice/credentials-co-development';
import { inTransaction } from '@lattice/shared-data-access';
import {
  CatalogueRepository,
  CREDENTIALS_SCHEMA,
  PathwayRepository,
  type PathwayRow,
} from '@lattice/credentials-data-access';
import {
  checkPathwayDefinition,
  CredentialsErrors,
  type PathwayDefinition,
} from '@lattice/credentials-domain';

const OWNER_KINDS = new Set(['INSTITUTION', 'UMBRELLA']);

@Injectable()
export class DefinePathwayUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly pathways: PathwayRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  async execute(principal: Principal, ownerId: string, input: PathwayDefinition): Promise<PathwayRow> {
    const membership = await this.authorizer.requireRole(principal, ownerId, 'ADMIN');
    if (!OWNER_KINDS.has(membership.kind)) {
      throw CredentialsErrors.of(
        'INVALID_PATHWAY',
        'Institutions and umbrella organizations define pathways.',
        { field: 'ownerId' },
      );
    }
    const definition = checkPathwayDefinition({
      ...input,
      members: input.members.map((member) => ({
        ...member,
        credentialId: member.credentialId.toLowerCase(),
      })),
      targetCredentialId: input.targetCredentialId?.toLowerCase() ?? null,
    });
    const memberIds = definition.members.map((member) => member.credentialId);
    // Every fact the definition is checked against is read inside its transaction: definitions
    // are serialized (so two cannot close a cycle between them), and the cited credentials' design
    // rows are share-locked (so none is retired between the check and the commit).
    // Its public name (and region, size) for the pages that show who defined or recognized what.
    const profile = await this.directory.find(principal, ownerId).catch(() => null);
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      await this.pathways.lockDefinitions(manager);
      const facts = await this.pathways.publishedFacts(manager, [
        ...memberIds,
        ...(definition.targetCredentialId ? [definition.targetCredentialId] : []),
      ]);
      for (const id of memberIds) {
        const credential = facts.get(id);
        if (!credential)
          throw CredentialsErrors.of(
            'INVALID_PATHWAY',
            'Every step of a pathway is a published credential.',
            {
              field: 'members',
              credentialId: id,
            },
          );
        if (credential.retired)
          throw CredentialsErrors.of(
            'INVALID_PATHWAY',
            'A retired credential cannot be a step of a new pathway.',
            { field: 'members', credentialId: id },
          );
      }
      if (definition.targetCredentialId) {
        const target = facts.get(definition.targetCredentialId);
        if (!target || target.retired)
          throw CredentialsErrors.of(
            'INVALID_PATHWAY',
            'A pathway leads to a published credential that is not retired.',
            { field: 'targetCredentialId' },
          );
        const owns =
          membership.kind === 'INSTITUTION'
            ? target.issuerId === ownerId
            : target.sponsorIds.includes(ownerId);
        if (!owns) {
          throw CredentialsErrors.of(
            'NOT_PATHWAY_OWNER',
            'A pathway leads to a credential its owner issues (or, for an umbrella, sponsors).',
            { field: 'targetCredentialId' },
          );
        }
        if (await this.pathways.wouldCycle(manager, definition.targetCredentialId, memberIds)) {
          throw CredentialsErrors.of(
            'PATHWAY_CYCLE',
            'That target already stacks into one of these steps: the pathway would go in a circle.',
            { field: 'targetCredentialId' },
          );
        }
      }

      const pathway: PathwayRow = {
        id: randomUUID(),
        ownerId,
        title: definition.title,
        description: definition.description,
        targetCredentialId: definition.targetCredentialId,
        rule: definition.rule,
        requiredCount: definition.requiredCount,
        ordered: definition.ordered,
        createdBy: principal.userId,
        createdAt: new Date(),
      };
      if (profile?.name)
        await this.catalogue.recordOrganization(manager, {
          id: ownerId,
          name: profile.name,
          region: profile.region ?? null,
          size: profile.size ?? null,
        });
      await this.pathways.insert(manager, pathway, definition.members);
      emit({
        type: 'credentials.pathway.defined',
        actorId: principal.userId,
        payload: {
          pathwayId: pathway.id,
          ownerId,
          title: pathway.title,
          credentialIds: memberIds,
          targetCredentialId: pathway.targetCredentialId,
        },
      });
      return pathway;
    });
  }
}
