// An edit of a design: a new version, guarded by the version the editor last saw. The guard is in
// SQL (`WHERE version = $expected`), so of two editors who saw the same version exactly one wins
// and the other gets CONFLICT — no lost update. An edit withdraws earlier approvals (see the
// workflow in @lattice/credentials-domain).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  appendDesignVersion,
  CredentialDesignRepository,
  CREDENTIALS_SCHEMA,
  DesignEntity,
  editDesign,
  enterStage,
  findDesign,
  getDesign,
  withdrawApprovals,
} from '@lattice/credentials-data-access';
import {
  applyPatch,
  approvalState,
  assertValidDesignContent,
  CredentialsErrors,
  type DesignPatch,
  nextStage,
} from '@lattice/credentials-domain';
import { partiesOf } from '../shared/design-parties';

@Injectable()
export class UpdateCredentialDesignUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: CredentialDesignRepository,
  ) {}

  async execute(
    principal: Principal,
    id: string,
    expectedVersion: number,
    patch: DesignPatch,
  ): Promise<DesignEntity> {
    const design = await this.repository.designById(id);
    if (!design)
      throw CredentialsErrors.of('DESIGN_NOT_FOUND', 'No such credential design.', { designId: id });
    await this.authorizer.requireRole(principal, design.issuerId, 'MEMBER');
    const stage = nextStage(design.stage, 'EDIT');
    if (design.version !== expectedVersion) throw stale(design.version);
    if (
      patch.frameworkId &&
      patch.frameworkId !== design.frameworkId &&
      !(await this.repository.frameworkById(patch.frameworkId))
    ) {
      throw CredentialsErrors.of(
        'UNKNOWN_FRAMEWORK',
        'No framework with that id; see the frameworks query.',
        { field: 'frameworkId' },
      );
    }
    const content = applyPatch(design.content, patch);
    assertValidDesignContent(content, design.issuerId);
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      const version = await editDesign(manager, id, {
        expectedVersion,
        fromStage: design.stage,
        toStage: stage,
        content,
      });
      if (version === null) {
        const current = await findDesign(manager, id);
        throw stale(current?.version ?? expectedVersion);
      }
      await appendDesignVersion(manager, id, version, content, principal.userId, 'edited');
      const withdrawn = await withdrawApprovals(manager, id);
      if (stage !== design.stage) await enterStage(manager, id, stage, version, principal.userId);
      if (stage === 'IN_REVIEW' && withdrawn > 0) {
        // The partners already looked at an earlier version: ask them to look again.
        emit({
          type: 'credentials.design.review_requested',
          actorId: principal.userId,
          payload: {
            designId: id,
            title: content.title,
            issuerId: design.issuerId,
            version,
            reviewDueAt: (design.reviewDueAt ?? new Date()).toISOString(),
            awaiting: [...approvalState(design.issuerId, partiesOf(design).slice(1), [], version).pending],
            resubmission: true,
          },
        });
      }
      return getDesign(manager, id);
    });
  }
}

function stale(currentVersion: number) {
  return CredentialsErrors.of(
    'STALE_VERSION',
    `Someone saved version ${currentVersion} since you loaded it; reload and apply your change again.`,
    { currentVersion },
  );
}
