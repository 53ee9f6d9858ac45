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
import { DataSource, type EntityManager } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import {
  inTransaction,
  isUniqueViolation,
  type PendingEvent,
  type UnitOfWork,
} from '@lattice/shared-data-access';
import {
  type AwardEntity,
  awardsOfLearner,
  CredentialEntity,
  CREDENTIALS_SCHEMA,
  findCredential,
  findPublishedVersion,
  getDesign,
  getPublishedVersion,
  hasAdopted,
  insertAwards,
  lockKeys,
  standingEndorsementsOf,
  takeStatusListIndex,
} from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import {
  type Achievement,
  buildAchievement,
  buildIssuerRef,
  buildOpenBadgeCredential,
  hashRecipientEmail,
  type IssuerRef,
  type IssuerSigner,
  isoSeconds,
  type SignedCredential,
  type SkillAlignmentInput,
  type UnsignedCredential,
} from '@lattice/credentials-openbadges';
import { IssuerTrust } from '../shared/issuer-trust';
import { OrganizationDirectory } from '@lattice/credentials-co-development';
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

  /**
   * `precondition`, when given, runs first inside the award's transaction and returns the command
   * to issue (a pathway award checks completion there, under locks, and adds its evidence).
   */
  async execute(
    principal: Principal,
    command: AwardCredentialCommand,
    precondition?: (uow: UnitOfWork) => Promise<AwardCredentialCommand>,
  ): Promise<AwardEntity> {
    await this.authorizer.requireRole(principal, command.issuerId, 'ADMIN');
    const issuer = await this.directory.find(principal, command.issuerId);
    const alignments = await resolveSkillAlignments(
      this.skills,
      principal,
      await this.competencySkillIds(command.credentialId),
    );
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async (uow) =>
      this.issue(
        uow,
        principal.userId,
        issuer?.name ?? '',
        precondition ? await precondition(uow) : command,
        alignments,
      ),
    );
  }

  /** The skill ids of the published version's competencies (none for an unknown credential: issue() refuses it). */
  private async competencySkillIds(credentialId: string): Promise<string[]> {
    const credential = await findCredential(this.dataSource.manager, credentialId);
    if (!credential) return [];
    const version = await findPublishedVersion(this.dataSource.manager, credential);
    return version?.snapshot.competencies.map((c) => c.skillId) ?? [];
  }

  /**
   * The award itself, inside the caller's transaction, for an actor already authorized as an
   * admin of the issuer. Batch issuance uses the same steps (prepare once, then check, build and
   * record per learner) with the batch signer instead of the reference path.
   */
  async issue(
    { manager, emit }: UnitOfWork,
    actorId: string,
    issuerDisplayName: string,
    command: AwardCredentialCommand,
    alignments: readonly SkillAlignmentInput[] = [],
  ): Promise<AwardEntity> {
    const context = await this.prepare(manager, command, issuerDisplayName, alignments);
    checkMastery(context, command);
    const lookup = this.trust.recipientLookup(command.recipient.email);
    // Serializes awards of one credential to one learner, so the attempt count holds under races.
    await lockKeys(manager, [awardLockKey(context.credential.id, lookup)]);
    const previous = await awardsOfLearner(manager, context.credential.id, lookup);
    checkAttempts(context, command, previous);

    const list = await this.trust.lockStatusList(manager, command.issuerId, context.signer);
    if (list.nextIndex >= list.capacity)
      throw CredentialsErrors.of('STATUS_LIST_FULL', "The issuer's status list is full.");
    // Indexes are handed out in order and start unset, so the signed list needs no re-signing.
    const draft = this.draft(context, actorId, command, lookup, list.id, list.nextIndex, new Date());
    const signed = await this.trust.sign(draft.unsigned, context.signer);
    await takeStatusListIndex(manager, list.id);
    const award = { ...draft.award, signedCredential: signed as unknown as Record<string, unknown> };
    await this.insertAwards(manager, [award]);
    emit(this.issuedEvent(award, context, command.recipient.email));
    return award;
  }

  /**
   * What every award of one credential by one issuer shares: the published version, the issuer's
   * signer, and the frozen issuer and achievement parts (so the batch signer expands them once).
   * Refuses an unknown, retired or not-yours credential.
   */
  async prepare(
    manager: EntityManager,
    command: Pick<AwardCredentialCommand, 'credentialId' | 'issuerId'>,
    issuerDisplayName: string,
    alignments: readonly SkillAlignmentInput[],
  ): Promise<AwardContext> {
    const credential = await findCredential(manager, command.credentialId);
    if (!credential)
      throw CredentialsErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', {
        credentialId: command.credentialId,
      });
    if (
      credential.issuerId !== command.issuerId &&
      !(await hasAdopted(manager, credential.id, command.issuerId))
    ) {
      throw CredentialsErrors.of(
        'NOT_THE_ISSUER',
        'Only the organization that issues this credential, or an institution that adopted it, can award it.',
        {
          credentialId: credential.id,
        },
      );
    }
    const design = await getDesign(manager, credential.designId);
    if (design.stage === 'RETIRED')
      throw CredentialsErrors.of(
        'CREDENTIAL_RETIRED',
        'This credential is retired and can no longer be awarded.',
        { credentialId: credential.id },
      );
    // The version that was published, whatever the design row says today.
    const content = (await getPublishedVersion(manager, credential)).snapshot;
    const threshold = content.assessment.masteryThreshold;
    const issuerName = issuerDisplayName || credential.title;
    const endorsements = await standingEndorsementsOf(manager, credential.id);
    const signer = await this.trust.signerFor(manager, command.issuerId, issuerName);
    return {
      credential,
      issuerId: command.issuerId,
      masteryThreshold: threshold,
      attemptsAllowed: content.assessment.attemptsAllowed,
      signer,
      issuer: buildIssuerRef({ id: this.trust.issuerUrl(command.issuerId), name: issuerName }),
      achievement: buildAchievement({
        id: this.trust.achievementUrl(credential.id),
        name: credential.title,
        description: content.description?.trim() || credential.title,
        criteriaNarrative:
          content.assessment.evidenceRequirements?.trim() ||
          (threshold !== null
            ? `Scores at least ${threshold}% on the assessment.`
            : 'Completes the assessment.'),
        alignments,
        masteryThreshold: threshold,
        hours: content.hours,
        language: content.language,
        version: String(credential.designVersion),
        image: { id: this.trust.badgeImageUrl(credential.id), caption: credential.title },
        endorsements: endorsements.map((e) => e.signedCredential as unknown as SignedCredential),
      }),
    };
  }

  /** One learner's award row (without its signature yet) and the unsigned credential. */
  draft(
    context: AwardContext,
    actorId: string,
    command: AwardCredentialCommand,
    lookup: string,
    statusListId: string,
    statusListIndex: number,
    now: Date,
  ): { award: Omit<AwardEntity, 'signedCredential'>; unsigned: UnsignedCredential } {
    const awardId = randomUUID();
    const recipient = hashRecipientEmail(command.recipient.email);
    const evidence = (command.evidence ?? []).map((item) => ({
      url: item.url ?? null,
      narrative: item.narrative ?? null,
    }));
    const unsigned = buildOpenBadgeCredential({
      issuer: context.issuer,
      achievement: context.achievement,
      award: {
        id: this.trust.awardUrl(awardId),
        recipient,
        validFrom: isoSeconds(now),
        awardedDate: isoSeconds(now),
        score: command.result.score,
        evidence: evidence.map((item, i) => ({
          id: item.url,
          name: `Evidence ${i + 1}`,
          narrative: item.narrative,
        })),
        credentialStatus: { statusListCredential: this.trust.statusListUrl(statusListId), statusListIndex },
      },
    });
    const award = {
      id: awardId,
      credentialId: context.credential.id,
      issuerId: context.issuerId,
      recipientEmailHash: recipient.identityHash,
      recipientSalt: recipient.salt,
      recipientLookup: lookup,
      recipientName: command.recipient.name.trim(),
      score: command.result.score,
      attempt: command.result.attempt,
      evidence,
      status: 'ACTIVE' as const,
      revokedReason: null,
      revokedAt: null,
      revokedBy: null,
      statusListId,
      statusListIndex,
      awardedBy: actorId,
      createdAt: now,
    };
    return { award, unsigned };
  }

  /** Inserts signed awards in one statement; a learner who already holds the credential is a CONFLICT. */
  async insertAwards(manager: EntityManager, awards: readonly AwardEntity[]): Promise<void> {
    await insertAwards(manager, awards).catch((error: unknown) => {
      if (isUniqueViolation(error, 'awards_active_recipient_key')) {
        throw CredentialsErrors.of('ALREADY_AWARDED', 'This learner already holds this credential.', {
          credentialId: awards[0]?.credentialId,
        });
      }
      throw error;
    });
  }

  issuedEvent(
    award: AwardEntity,
    context: AwardContext,
    recipientEmail: string,
  ): PendingEvent<'credentials.award.issued'> {
    return {
      type: 'credentials.award.issued',
      actorId: award.awardedBy,
      payload: {
        awardId: award.id,
        credentialId: context.credential.id,
        credentialTitle: context.credential.title,
        issuerId: context.issuerId,
        recipientName: award.recipientName,
        recipientEmail,
        publicUrl: this.trust.awardUrl(award.id),
      },
    };
  }
}

export interface AwardContext {
  readonly credential: CredentialEntity;
  readonly issuerId: string;
  readonly masteryThreshold: number | null;
  readonly attemptsAllowed: number | null;
  readonly signer: IssuerSigner;
  readonly issuer: IssuerRef;
  readonly achievement: Achievement;
}

/** The advisory lock key that serializes awards of one credential to one learner. */
export function awardLockKey(credentialId: string, lookup: string): string {
  return `award:${credentialId}:${lookup}`;
}

export function checkMastery(context: AwardContext, command: Pick<AwardCredentialCommand, 'result'>): void {
  const threshold = context.masteryThreshold;
  if (threshold !== null && command.result.score < threshold) {
    throw CredentialsErrors.of(
      'BELOW_MASTERY_THRESHOLD',
      `A score of ${command.result.score} is below the mastery threshold of ${threshold}.`,
      {
        score: command.result.score,
        masteryThreshold: threshold,
      },
    );
  }
}

/** Refuses an attempt beyond those allowed (reported, or counted from earlier awards) and a second standing award. */
export function checkAttempts(
  context: AwardContext,
  command: Pick<AwardCredentialCommand, 'result'>,
  previous: readonly Pick<AwardEntity, 'status'>[],
): void {
  const allowed = context.attemptsAllowed;
  if (allowed !== null && (command.result.attempt > allowed || previous.length + 1 > allowed)) {
    throw CredentialsErrors.of('ATTEMPTS_EXCEEDED', `This credential allows ${allowed} attempt(s).`, {
      attempt: Math.max(command.result.attempt, previous.length + 1),
      attemptsAllowed: allowed,
    });
  }
  if (previous.some((award) => award.status === 'ACTIVE')) {
    throw CredentialsErrors.of('ALREADY_AWARDED', 'This learner already holds this credential.', {
      credentialId: context.credential.id,
    });
  }
}
