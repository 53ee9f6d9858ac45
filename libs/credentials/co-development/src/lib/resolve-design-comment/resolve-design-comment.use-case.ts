// Marks a comment thread resolved (or open again). Resolving a reply resolves its thread.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import {
  CredentialDesignRepository,
  type DesignCommentEntity,
  findComment,
  getComment,
  setThreadResolved,
} from '@lattice/credentials-data-access';
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
    const comment = await findComment(this.dataSource.manager, commentId);
    const design = comment ? await this.repository.designById(comment.designId) : null;
    if (!comment || !design)
      throw CredentialsErrors.of('COMMENT_NOT_FOUND', 'No such comment.', { commentId });
    await this.parties.requireParty(principal, design);
    const threadId = comment.parentId ?? comment.id;
    await setThreadResolved(this.dataSource.manager, threadId, resolved ? principal.userId : null);
    return getComment(this.dataSource.manager, threadId);
  }
}
