// Threaded comments on a design, anchored to a field (`assessment.masteryThreshold`) or to the
// design as a whole. Replies join the thread of the comment they answer (one level deep).
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  CredentialDesignRepository,
  CREDENTIALS_SCHEMA,
  DesignCommentEntity,
  findCommentOnDesign,
  insertComment,
} from '@lattice/credentials-data-access';
import { CredentialsErrors, isDesignFieldPath } from '@lattice/credentials-domain';
import { DesignParties } from '../shared/design-parties';

export interface CommentOnDesignCommand {
  readonly designId: string;
  readonly body: string;
  readonly field?: string | null;
  readonly replyTo?: string | null;
}

@Injectable()
export class CommentOnDesignUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CredentialDesignRepository,
    private readonly parties: DesignParties,
  ) {}

  async execute(principal: Principal, command: CommentOnDesignCommand): Promise<DesignCommentEntity> {
    const design = await this.repository.designById(command.designId);
    if (!design)
      throw CredentialsErrors.of('DESIGN_NOT_FOUND', 'No such credential design.', {
        designId: command.designId,
      });
    await this.parties.requireParty(principal, design);
    const body = command.body.trim();
    if (body.length === 0 || body.length > 5000)
      throw CredentialsErrors.of('INVALID_COMMENT', 'A comment is 1 to 5000 characters.', { field: 'body' });
    if (command.field && !isDesignFieldPath(command.field)) {
      throw CredentialsErrors.of(
        'INVALID_COMMENT',
        `"${command.field.slice(0, 60)}" is not a field of a design (e.g. title, outcomes.0.statement, assessment.masteryThreshold).`,
        {
          field: 'field',
        },
      );
    }
    let parent: DesignCommentEntity | null = null;
    if (command.replyTo) {
      parent = await findCommentOnDesign(this.dataSource.manager, command.replyTo, design.id);
      if (!parent)
        throw CredentialsErrors.of('COMMENT_NOT_FOUND', 'The comment you reply to is not on this design.', {
          field: 'replyTo',
        });
    }
    const threadId = parent ? (parent.parentId ?? parent.id) : null;
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      const comment = manager.create(DesignCommentEntity, {
        id: randomUUID(),
        designId: design.id,
        parentId: threadId,
        field: command.field ?? parent?.field ?? null,
        body,
        designVersion: design.version,
        authorId: principal.userId,
        resolvedAt: null,
        resolvedBy: null,
        createdAt: new Date(),
      });
      await insertComment(manager, comment);
      emit({
        type: 'credentials.design.comment_added',
        actorId: principal.userId,
        payload: {
          designId: design.id,
          title: design.title,
          issuerId: design.issuerId,
          partnerIds: design.partnerIds,
          commentId: comment.id,
          replyTo: threadId,
          field: comment.field,
          authorId: principal.userId,
        },
      });
      return comment;
    });
  }
}
