// An issuer awards a published credential to a learner who met its mastery threshold within the
// attempts allowed: a signed OB 3.0 credential with a status list entry, the award row and its
// event, in one transaction.
//
// Attempts: the caller reports which attempt this result came from (`result.attempt`, 1-based);
// Lattice also counts the learner's earlier awards of the same credential (revoked ones included,
// matched by a keyed hash of the e-mail). The award is refused when either the reported attempt
// or that count + 1 is beyond `attemptsAllowed`. Failed attempts are not recorded here: the
// assessment system that reports the result keeps them. A learner holds at most one standing
// award of a credential (a second one is a CONFLICT).
//
// Alignments: the design's competencies are Lattice skill ids; the marketplace is asked for their
// ESCO / Skills for Success URIs with the caller's token before the transaction. A failed lookup
// does not fail the award (it is issued without alignments, with a warning). Batch items are
// awarded without a caller token: their alignments are resolved when the batch is created and
// stored on it.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction, isUniqueViolation, type UnitOfWork } from '@lattice/shared-data-access';
import { AdoptionEntity, AwardEntity, CREDENTIALS_SCHEMA, CredentialEntity, DesignEntity, DesignVersionEntity, EndorsementEntity } from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { buildAchievement, buildIssuerRef, buildOpenBadgeCredential, hashRecipientEmail, isoSeconds, type SignedCredential, type SkillAlignmentInput } from '@lattice/credentials-openbadges';
import { IssuerTrust } from '../shared/issuer-trust';
import { OrganizationDirectory } from '../shared/organization-directory';
import { resolveSkillAlignments, SkillCatalog } from '../shared/skill-catalog';

export interface AwardCredentialCommand {
  readonly credentialId: string;
  readonly issuerId: string;
  readonly recipient: { readonly email: string; readonly name: string };
  readonly result: { readonly score: number; readonly attempt: number };
  readonly evidence?: readonly { readonly url?: string | null; readonly narrative?: string | null }[] | null;
}

@Injectable()
export class AwardCredentialUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly directory: OrganizationDirectory,
    private readonly trust: IssuerTrust,
    private readonly skills: SkillCatalog,
  ) {}

  async execute(principal: Principal, command: AwardCredentialCommand): Promise<AwardEntity> {
    await this.authorizer.requireRole(principal, command.issuerId, 'ADMIN');
    const issuer = await this.directory.find(principal, command.issuerId);
    const alignments = await resolveSkillAlignments(this.skills, principal, await this.competencySkillIds(command.credentialId));
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, (uow) => this.issue(uow, principal.userId, issuer?.name ?? '', command, alignments));
  }

  /** The skill ids of the published version's competencies (none for an unknown credential: issue() refuses it). */
  private async competencySkillIds(credentialId: string): Promise<string[]> {
    const credential = await this.dataSource.getRepository(CredentialEntity).findOneBy({ id: credentialId });
    if (!credential) return [];
    const version = await this.dataSource.getRepository(DesignVersionEntity).findOneBy({ designId: credential.designId, version: credential.designVersion });
    return version?.snapshot.competencies.map((c) => c.skillId) ?? [];
  }

  /**
   * The award itself, inside the caller's transaction, for an actor already authorized as an
   * admin of the issuer. Batch issuance runs it once per learner, each under its own savepoint,
   * with the alignments stored on the batch (the processor has no caller token to ask with).
   */
  async issue(
    { manager, emit }: UnitOfWork,
    actorId: string,
    issuerDisplayName: string,
    command: AwardCredentialCommand,
    alignments: readonly SkillAlignmentInput[] = [],
  ): Promise<AwardEntity> {
    const credential = await manager.getRepository(CredentialEntity).findOneBy({ id: command.credentialId });
    if (!credential) throw CredentialsErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', { credentialId: command.credentialId });
    if (credential.issuerId !== command.issuerId && !(await manager.getRepository(AdoptionEntity).existsBy({ credentialId: credential.id, institutionId: command.issuerId }))) {
      throw CredentialsErrors.of('NOT_THE_ISSUER', 'Only the organization that issues this credential, or an institution that adopted it, can award it.', {
        credentialId: credential.id,
      });
    }
    const design = await manager.getRepository(DesignEntity).findOneByOrFail({ id: credential.designId });
    if (design.stage === 'RETIRED') throw CredentialsErrors.of('CREDENTIAL_RETIRED', 'This credential is retired and can no longer be awarded.', { credentialId: credential.id });
    // The version that was published, whatever the design row says today.
    const content = (await manager.getRepository(DesignVersionEntity).findOneByOrFail({ designId: design.id, version: credential.designVersion })).snapshot;

    const threshold = content.assessment.masteryThreshold;
    if (threshold !== null && command.result.score < threshold) {
      throw CredentialsErrors.of('BELOW_MASTERY_THRESHOLD', `A score of ${command.result.score} is below the mastery threshold of ${threshold}.`, {
        score: command.result.score,
        masteryThreshold: threshold,
      });
    }
    const allowed = content.assessment.attemptsAllowed;
    const lookup = this.trust.recipientLookup(command.recipient.email);
    const issuerName = issuerDisplayName || credential.title;

    const awardId = randomUUID();
    // Serializes awards of one credential to one learner, so the attempt count holds under races.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`award:${credential.id}:${lookup}`]);
    const previous = await manager.findBy(AwardEntity, { credentialId: credential.id, recipientLookup: lookup });
    if (allowed !== null && (command.result.attempt > allowed || previous.length + 1 > allowed)) {
      throw CredentialsErrors.of('ATTEMPTS_EXCEEDED', `This credential allows ${allowed} attempt(s).`, {
        attempt: Math.max(command.result.attempt, previous.length + 1),
        attemptsAllowed: allowed,
      });
    }
    if (previous.some((award) => award.status === 'ACTIVE')) {
      throw CredentialsErrors.of('ALREADY_AWARDED', 'This learner already holds this credential.', { credentialId: credential.id });
    }

    const endorsements = await manager.find(EndorsementEntity, { where: { credentialId: credential.id, withdrawnAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
    const signer = await this.trust.signerFor(manager, command.issuerId, issuerName);
    const list = await this.trust.lockStatusList(manager, command.issuerId, signer);
    if (list.nextIndex >= list.capacity) throw CredentialsErrors.of('STATUS_LIST_FULL', "The issuer's status list is full.");
    // Indexes are handed out in order and start unset, so the signed list needs no re-signing.

    const now = new Date();
    const recipient = hashRecipientEmail(command.recipient.email);
    const evidence = (command.evidence ?? []).map((item) => ({ url: item.url ?? null, narrative: item.narrative ?? null }));
    const unsigned = buildOpenBadgeCredential({
      issuer: buildIssuerRef({ id: this.trust.issuerUrl(command.issuerId), name: issuerName }),
      achievement: buildAchievement({
        id: this.trust.achievementUrl(credential.id),
        name: credential.title,
        description: content.description?.trim() || credential.title,
        criteriaNarrative:
          content.assessment.evidenceRequirements?.trim() ||
          (threshold !== null ? `Scores at least ${threshold}% on the assessment.` : 'Completes the assessment.'),
        alignments,
        masteryThreshold: threshold,
        hours: content.hours,
        language: content.language,
        version: String(credential.designVersion),
        endorsements: endorsements.map((e) => e.signedCredential as unknown as SignedCredential),
      }),
      award: {
        id: this.trust.awardUrl(awardId),
        recipient,
        validFrom: isoSeconds(now),
        awardedDate: isoSeconds(now),
        score: command.result.score,
        evidence: evidence.map((item, i) => ({ id: item.url, name: `Evidence ${i + 1}`, narrative: item.narrative })),
        credentialStatus: { statusListCredential: this.trust.statusListUrl(list.id), statusListIndex: list.nextIndex },
      },
    });
    const signed = await this.trust.sign(unsigned, signer);

    await manager.query(`UPDATE "credentials"."status_lists" SET "next_index" = "next_index" + 1, "updated_at" = now() WHERE "id" = $1`, [list.id]);
    const award = manager.create(AwardEntity, {
      id: awardId,
      credentialId: credential.id,
      issuerId: command.issuerId,
      recipientEmailHash: recipient.identityHash,
      recipientSalt: recipient.salt,
      recipientLookup: lookup,
      recipientName: command.recipient.name.trim(),
      score: command.result.score,
      attempt: command.result.attempt,
      evidence,
      status: 'ACTIVE',
      revokedReason: null,
      revokedAt: null,
      revokedBy: null,
      statusListId: list.id,
      statusListIndex: list.nextIndex,
      signedCredential: signed as unknown as Record<string, unknown>,
      awardedBy: actorId,
      createdAt: now,
    });
    // jsonb columns hold free-form objects, which TypeORM's deep-partial type cannot follow.
    await manager.insert(AwardEntity, award as QueryDeepPartialEntity<AwardEntity>).catch((error: unknown) => {
      if (isUniqueViolation(error, 'awards_active_recipient_key')) {
        throw CredentialsErrors.of('ALREADY_AWARDED', 'This learner already holds this credential.', { credentialId: credential.id });
      }
      throw error;
    });
    emit({
      type: 'credentials.award.issued',
      actorId,
      payload: {
        awardId,
        credentialId: credential.id,
        credentialTitle: credential.title,
        issuerId: command.issuerId,
        recipientName: award.recipientName,
        recipientEmail: command.recipient.email,
        publicUrl: this.trust.awardUrl(awardId),
      },
    });
    return award;
  }
}
