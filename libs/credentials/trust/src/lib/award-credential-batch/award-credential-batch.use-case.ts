// An issuer queues one credential's awards to a list of learners (1 to 1,000): the batch and its
// items are written in one transaction, then the in-process AwardBatchProcessor awards them in the
// background. Each learner's outcome is kept per item; a failed one never blocks the rest. A learner
// the input rules refuse (a bad e-mail, an http:// evidence link …) is written as a FAILED item
// right away, with its problems, and the valid ones are awarded: one bad row never holds up a batch.
//
// Alignments: the processor has no caller token, so the design's ESCO / Skills for Success
// alignments are resolved here, with the caller's token, and stored on the batch; a failed lookup
// stores none (with a warning), as for single awards.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  AwardBatchEntity,
  type AwardBatchItemEntity,
  CREDENTIALS_SCHEMA,
  findCredential,
  findPublishedVersion,
  hasAdopted,
  insertAwardBatch,
} from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { IssuerTrust } from '../shared/issuer-trust';
import { OrganizationDirectory } from '@lattice/credentials-co-development';
import { resolveSkillAlignments, SkillCatalog } from '../shared/skill-catalog';
import type { AwardCredentialCommand } from '../award-credential/award-credential.use-case';
import { AwardBatchProcessor } from './award-batch.processor';

export const MAX_BATCH_SIZE = 1000;

export interface AwardCredentialBatchCommand {
  readonly credentialId: string;
  readonly issuerId: string;
  readonly learners: readonly BatchLearner[];
}

export type BatchLearner = Pick<AwardCredentialCommand, 'recipient' | 'result' | 'evidence'> & {
  /** What the input rules refuse in this learner, by field; such a learner fails as its item. */
  readonly invalid?: ReadonlyArray<{ readonly field: string; readonly problems: readonly string[] }>;
};

/** The error an invalid learner's item carries, as the single award's refusal would read. */
function invalidItem(invalid: NonNullable<BatchLearner['invalid']>): {
  errorCode: string;
  errorMessage: string;
} {
  return {
    errorCode: 'COMMON.INVALID_INPUT',
    errorMessage: invalid
      .map((p) => `${p.field}: ${p.problems.join('; ')}`)
      .join(' · ')
      .slice(0, 1000),
  };
}

@Injectable()
export class AwardCredentialBatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly directory: OrganizationDirectory,
    private readonly trust: IssuerTrust,
    private readonly processor: AwardBatchProcessor,
    private readonly skills: SkillCatalog,
  ) {}

  async execute(principal: Principal, command: AwardCredentialBatchCommand): Promise<AwardBatchEntity> {
    await this.authorizer.requireRole(principal, command.issuerId, 'ADMIN');
    if (command.learners.length < 1 || command.learners.length > MAX_BATCH_SIZE) {
      throw CredentialsErrors.of('INVALID_BATCH', `A batch holds 1 to ${MAX_BATCH_SIZE} learners.`, {
        learners: command.learners.length,
      });
    }
    // What holds for the whole batch is refused up front; what depends on the learner is per item.
    const credential = await findCredential(this.dataSource.manager, command.credentialId);
    if (!credential)
      throw CredentialsErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', {
        credentialId: command.credentialId,
      });
    if (
      credential.issuerId !== command.issuerId &&
      !(await hasAdopted(this.dataSource.manager, credential.id, command.issuerId))
    ) {
      throw CredentialsErrors.of(
        'NOT_THE_ISSUER',
        'Only the organization that issues this credential, or an institution that adopted it, can award it.',
        {
          credentialId: credential.id,
        },
      );
    }
    // The processor has no caller to ask identity with, so the issuer's name is taken now.
    const issuer = await this.directory.find(principal, command.issuerId);
    // Nor a token to ask the marketplace with, so the alignments are resolved now too.
    const version = await findPublishedVersion(this.dataSource.manager, credential);
    const alignments = await resolveSkillAlignments(
      this.skills,
      principal,
      version?.snapshot.competencies.map((c) => c.skillId) ?? [],
    );

    const refused = command.learners.filter((learner) => learner.invalid?.length).length;
    const now = new Date();
    const batch = await inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager }) => {
      const row = manager.create(AwardBatchEntity, {
        id: randomUUID(),
        credentialId: credential.id,
        issuerId: command.issuerId,
        issuerName: issuer?.name ?? '',
        createdBy: principal.userId,
        // Every learner refused by the input rules: nothing is left to award.
        status: refused === command.learners.length ? 'DONE' : 'QUEUED',
        total: command.learners.length,
        succeeded: 0,
        failed: refused,
        createdAt: now,
        finishedAt: refused === command.learners.length ? now : null,
        alignments: alignments.length > 0 ? alignments : null,
      });
      const items = command.learners.map((learner, position): AwardBatchItemEntity => ({
        batchId: row.id,
        position,
        // A refused learner is processed at once, and processed items keep only the e-mail's keyed hash.
        recipientEmail: learner.invalid?.length ? null : learner.recipient.email,
        recipientEmailHash: this.trust.recipientLookup(learner.recipient.email),
        recipientName: learner.recipient.name.trim().slice(0, 200),
        // A refused learner's score may be anything a Float holds: kept within the column (numeric(5,2)).
        score: learner.invalid?.length
          ? Math.max(-999.99, Math.min(999.99, Math.round(learner.result.score * 100) / 100))
          : learner.result.score,
        attempt: learner.result.attempt,
        evidence: learner.invalid?.length
          ? []
          : (learner.evidence ?? []).map((item) => ({
              url: item.url ?? null,
              narrative: item.narrative ?? null,
            })),
        ...(learner.invalid?.length
          ? { status: 'FAILED' as const, awardId: null, ...invalidItem(learner.invalid), processedAt: now }
          : {
              status: 'PENDING' as const,
              awardId: null,
              errorCode: null,
              errorMessage: null,
              processedAt: null,
            }),
      }));
      await insertAwardBatch(manager, row, items);
      return row;
    });
    if (batch.status !== 'DONE') this.processor.wake();
    return batch;
  }
}
