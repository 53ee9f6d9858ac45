// Marks a comment thread resolved (or open again). Resolving a reply resolves its thread.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { CredentialDesignRepository, DesignCommentEntity } from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { DesignParties } from '../shared/design-parties';

@Injectable()
export class ResolveDesignCommentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CredentialDesignRepository,
    private readonly parties: DesignParties,
  ) {}

  async execute(principal: Principal, commentId: string, resolved: boolean): Promise<DesignCommentEntity> {
    const comments = this.dataSource.getRepository(DesignCommentEntity);
    const comment = await comments.findOneBy({ id: commentId });
    const design = comment ? await this.repository.designById(comment.designId) : null;
    if (!comment || !design) throw CredentialsErrors.of('COMMENT_NOT_FOUND', 'No such comment.', { commentId });
    await this.parties.requireParty(principal, design);
    const threadId = comment.parentId ?? comment.id;
    await comments.update({ id: threadId }, resolved ? { resolvedAt: new Date(), resolvedBy: principal.userId } : { resolvedAt: null, resolvedBy: null });
    return comments.findOneByOrFail({ id: threadId });
  }
}
