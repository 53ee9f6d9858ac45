// Awards queued batch items in the background, inside the credentials service.
//
// Why in-process rather than in the worker: the worker does not own the credentials schema (each
// service owns its tables; the worker only sees events), and an award needs the issuer's sealed
// key, its status list lock and the award row written in one transaction. So the service that owns
// that data processes its own queue: items are claimed in chunks with FOR UPDATE SKIP LOCKED, which
// lets several replicas share the work without two of them taking the same item. A claim is the
// row lock of an open transaction: a replica that dies mid-chunk loses its connection, Postgres
// rolls the chunk back, and its items are PENDING again for whoever polls next; one that hangs
// holding its claim is cut off by the server after `claimTimeoutMs` idle in the transaction
// (idle_in_transaction_session_timeout), with the same effect.
//
// Speed: what every learner of the batch shares (credential, version, endorsements, signer, the
// frozen achievement) is loaded once per chunk, the credentials are signed by the
// BatchCredentialSigner (JSON-LD expansion once per credential shape, byte for byte what the
// reference path signs), and locks, earlier awards, awards, item outcomes and outbox events are
// each one statement per chunk. A learner refused (below threshold, attempts, already awarded) or
// whose signing fails is recorded FAILED with its code; the others go on.
//
// The processor has no caller token to ask the marketplace with, so every item is signed with the
// alignments resolved when the batch was created (stored on the batch).
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction, underSavepoint, type UnitOfWork } from '@lattice/shared-data-access';
import {
  type AwardBatchEntity,
  type AwardBatchItemEntity,
  type AwardEntity,
  awardsOfLearners,
  type BatchItemOutcome,
  claimPendingBatchItems,
  CREDENTIALS_SCHEMA,
  getAwardBatch,
  lockKeys,
  recordBatchOutcomes,
  setStatusListNextIndex,
} from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { BatchCredentialSigner, isoSeconds } from '@lattice/credentials-openbadges';
import { isAppError } from '@lattice/shared-util-errors';
import {
  type AwardContext,
  type AwardCredentialCommand,
  AwardCredentialUseCase,
  awardLockKey,
  checkAttempts,
  checkMastery,
} from '../award-credential/award-credential.use-case';
import { IssuerTrust } from '../shared/issuer-trust';

export const AWARD_BATCH_POLL_MS = 3_000;
/** How long a chunk's transaction may sit idle (its replica hung) before Postgres ends it and frees its claims. */
export const AWARD_BATCH_CLAIM_TIMEOUT_MS = 30_000;
/** Items per claim: large enough that the per-chunk statements vanish, small enough to hold locks briefly (~0.2 s). */
export const AWARD_BATCH_CHUNK = 200;

@Injectable()
export class AwardBatchProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('award-batches');
  private timer?: NodeJS.Timeout;
  private running = false;
  private again = false;
  private stopped = false;
  /** See AWARD_BATCH_CLAIM_TIMEOUT_MS; far above the longest pause a healthy chunk makes (signing 200 credentials). */
  claimTimeoutMs = AWARD_BATCH_CLAIM_TIMEOUT_MS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly award: AwardCredentialUseCase,
    private readonly trust: IssuerTrust,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), AWARD_BATCH_POLL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** Starts a drain now (or right after the one running). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  /** Processes chunks until none is left; returns how many items it processed. */
  async drain(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let processed = 0;
    try {
      do {
        this.again = false;
        let count: number;
        while (!this.stopped && (count = await this.processChunk()) > 0) processed += count;
      } while (this.again && !this.stopped);
    } catch (error) {
      this.logger.warn(`batch processing failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
    return processed;
  }

  /** Claims up to one chunk of pending items (skipping those another replica holds) and awards them. */
  async processChunk(): Promise<number> {
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async (uow) => {
      const { manager } = uow;
      const items = await claimPendingBatchItems(manager, AWARD_BATCH_CHUNK, this.claimTimeoutMs);
      if (items.length === 0) return 0;
      const byBatch = new Map<string, AwardBatchItemEntity[]>();
      for (const item of items) byBatch.set(item.batchId, [...(byBatch.get(item.batchId) ?? []), item]);
      for (const [batchId, batchItems] of byBatch) {
        const batch = await getAwardBatch(manager, batchId);
        const outcomes = await this.awardItems(uow, batch, batchItems);
        await recordBatchOutcomes(manager, batch.id, outcomes);
      }
      return items.length;
    });
  }

  /**
   * Awards one batch's claimed items: the batch-wide part once (credential, signer, achievement,
   * status list), the learners' locks and earlier awards in one statement each, every credential
   * signed by one BatchCredentialSigner, and the awards written in one insert. A learner's refusal
   * or signing failure fails only that learner.
   */
  private async awardItems(
    uow: UnitOfWork,
    batch: AwardBatchEntity,
    items: readonly AwardBatchItemEntity[],
  ): Promise<Map<number, Outcome>> {
    const { manager } = uow;
    const outcomes = new Map<number, Outcome>();
    const fail = (item: AwardBatchItemEntity, error: unknown) => {
      const coded = isAppError(error)
        ? error
        : CredentialsErrors.of(
            'AWARD_FAILED',
            'The award could not be issued; the batch went on with the others.',
          );
      if (!isAppError(error))
        this.logger.warn(`batch ${batch.id} item ${item.position} failed: ${(error as Error).message}`);
      outcomes.set(item.position, {
        status: 'FAILED',
        awardId: null,
        errorCode: coded.code,
        errorMessage: coded.message.slice(0, 1000),
      });
    };

    let context: AwardContext;
    // Under a savepoint: a failed statement must not abort the chunk's transaction, which still records the outcomes.
    try {
      // The alignments resolved when the batch was created (the processor has no caller token).
      context = await underSavepoint(manager, 'award_batch_prepare', () =>
        this.award.prepare(manager, batch, batch.issuerName, batch.alignments ?? []),
      );
    } catch (error) {
      // What holds for the whole batch (retired since, a broken key, …) fails each claimed learner with its code.
      for (const item of items) fail(item, error);
      return outcomes;
    }
    const commands = new Map(items.map((item) => [item.position, this.command(batch, item)]));
    for (const item of items) {
      try {
        checkMastery(context, commands.get(item.position)!);
      } catch (error) {
        fail(item, error);
      }
    }
    const eligible = items.filter((item) => !outcomes.has(item.position));
    // The same per-learner locks as single awards, taken in one order so replicas never deadlock.
    await lockKeys(
      manager,
      [
        ...new Set(eligible.map((item) => awardLockKey(context.credential.id, item.recipientEmailHash))),
      ].sort(),
    );
    const previous = new Map<string, Pick<AwardEntity, 'status'>[]>();
    const earlier = await awardsOfLearners(
      manager,
      context.credential.id,
      eligible.map((item) => item.recipientEmailHash),
    );
    for (const row of earlier)
      previous.set(row.recipient_lookup, [
        ...(previous.get(row.recipient_lookup) ?? []),
        { status: row.status },
      ]);

    const list = await this.trust.lockStatusList(manager, batch.issuerId, context.signer);
    const now = new Date();
    const signer = new BatchCredentialSigner({
      signer: context.signer,
      documentLoader: this.trust.documentLoader,
      created: isoSeconds(now),
    });
    const signed: { award: AwardEntity; email: string; item: AwardBatchItemEntity }[] = [];
    let nextIndex = list.nextIndex;
    for (const item of eligible) {
      const command = commands.get(item.position)!;
      try {
        const earlierAwards = previous.get(item.recipientEmailHash) ?? [];
        checkAttempts(context, command, earlierAwards);
        if (nextIndex >= list.capacity)
          throw CredentialsErrors.of('STATUS_LIST_FULL', "The issuer's status list is full.");
        const draft = this.award.draft(
          context,
          batch.createdBy,
          command,
          item.recipientEmailHash,
          list.id,
          nextIndex,
          now,
        );
        const credential = await signer.sign(draft.unsigned);
        nextIndex += 1;
        // A learner listed twice in one batch: the second sees the first award.
        previous.set(item.recipientEmailHash, [...earlierAwards, { status: 'ACTIVE' }]);
        signed.push({
          award: { ...draft.award, signedCredential: credential as unknown as Record<string, unknown> },
          email: command.recipient.email,
          item,
        });
      } catch (error) {
        fail(item, error);
      }
    }
    if (nextIndex > list.nextIndex) {
      await setStatusListNextIndex(manager, list.id, nextIndex);
    }
    const written = await this.insertAll(manager, signed, fail);
    for (const { award, email, item } of written) {
      uow.emit(this.award.issuedEvent(award, context, email));
      outcomes.set(item.position, {
        status: 'AWARDED',
        awardId: award.id,
        errorCode: null,
        errorMessage: null,
      });
    }
    return outcomes;
  }

  /** One insert for the chunk; should it fail, each award under its own savepoint, so one bad row fails alone. */
  private async insertAll<T extends { award: AwardEntity; item: AwardBatchItemEntity }>(
    manager: EntityManager,
    rows: readonly T[],
    fail: (item: AwardBatchItemEntity, error: unknown) => void,
  ): Promise<T[]> {
    if (rows.length === 0) return [];
    try {
      await underSavepoint(manager, 'award_batch_insert', () =>
        this.award.insertAwards(
          manager,
          rows.map((row) => row.award),
        ),
      );
      return [...rows];
    } catch {
      // One bad row: each award alone below.
    }
    const written: T[] = [];
    for (const row of rows) {
      try {
        await underSavepoint(manager, 'award_batch_item', () =>
          this.award.insertAwards(manager, [row.award]),
        );
        written.push(row);
      } catch (error) {
        fail(row.item, error);
      }
    }
    return written;
  }

  private command(batch: AwardBatchEntity, item: AwardBatchItemEntity): AwardCredentialCommand {
    return {
      credentialId: batch.credentialId,
      issuerId: batch.issuerId,
      recipient: { email: item.recipientEmail!, name: item.recipientName },
      result: { score: item.score, attempt: item.attempt },
      evidence: item.evidence,
    };
  }
}

type Outcome = BatchItemOutcome;
