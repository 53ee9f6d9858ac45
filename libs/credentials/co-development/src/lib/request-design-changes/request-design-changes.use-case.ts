// A party sends a design in review back to the issuer with a comment saying what to change.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  CredentialDesignRepository,
  CREDENTIALS_SCHEMA,
  DesignEntity,
  enterStage,
  getDesign,
  insertComment,
  lockDesign,
  setDesignStage,
} from '@lattice/credentials-data-access';
import { CredentialsErrors, nextStage } from '@lattice/credentials-domain';
import { DesignParties, partiesOf } from '../shared/design-parties';

@Injectable()
export class RequestDesignChangesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: CredentialDesignRepository,
    private readonly parties: DesignParties,
  ) {}

  /** `organizationId`: the party asking; by default the caller's first partner organization (else the issuer). */
  async execute(
    principal: Principal,
    id: string,
    comment: string,
    organizationId: string | null,
  ): Promise<DesignEntity> {
    const found = await this.repository.designById(id);
    if (!found)
      throw CredentialsErrors.of('DESIGN_NOT_FOUND', 'No such credential design.', { designId: id });
    let requester: string;
    if (organizationId) {
      await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
      if (!partiesOf(found).includes(organizationId))
        throw CredentialsErrors.of('NOT_A_PARTY', 'That organization is not a party to this design.', {
          organizationId,
        });
      requester = organizationId;
    } else {
      const mine = await this.parties.requireParty(principal, found, 'ADMIN');
      requester = mine.find((party) => party !== found.issuerId) ?? mine[0]!;
    }
    const body = comment.trim();
    if (body.length === 0 || body.length > 5000)
      throw CredentialsErrors.of('INVALID_COMMENT', 'Say what should change (1 to 5000 characters).', {
        field: 'comment',
      });
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      const design = (await lockDesign(manager, id))!;
      const stage = nextStage(design.stage, 'REQUEST_CHANGES');
      const commentId = randomUUID();
      await insertComment(manager, {
        id: commentId,
        designId: id,
        parentId: null,
        field: null,
        body,
        designVersion: design.version,
        authorId: principal.userId,
        resolvedAt: null,
        resolvedBy: null,
        createdAt: new Date(),
      });
      await setDesignStage(manager, id, stage);
      await enterStage(manager, id, stage, design.version, principal.userId);
      emit({
        type: 'credentials.design.changes_requested',
        actorId: principal.userId,
        payload: {
          designId: id,
          title: design.title,
          issuerId: design.issuerId,
          version: design.version,
          organizationId: requester,
          commentId,
          comment: body.slice(0, 500),
        },
      });
      return getDesign(manager, id);
    });
  }
}
