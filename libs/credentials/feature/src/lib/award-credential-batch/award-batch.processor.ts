// Awards queued batch items in the background, inside the credentials service.
//
// Why in-process rather than in the worker: the worker does not own the credentials schema (each
// service owns its tables; the worker only sees events), and an award needs the issuer's sealed
// key, its status list lock and the award row written in one transaction. So the service that owns
// that data processes its own queue: items are claimed in chunks with FOR UPDATE SKIP LOCKED, which
// lets several replicas share the work without two of them taking the same item.
//
// Each item is awarded under a savepoint within the chunk's transaction: the award, the item's
// result and the batch's counters commit together, and a failed item (below threshold, attempts,
// already awarded, …) rolls back only its own savepoint and is recorded FAILED with its code.
//
// The processor has no caller token to ask the marketplace with, so every item is signed with the
// alignments resolved when the batch was created (stored on the batch).
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction, type PendingEvent } from '@lattice/shared-data-access';
import { AwardBatchEntity, AwardBatchItemEntity, CREDENTIALS_SCHEMA } from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { isAppError } from '@lattice/shared-util-errors';
import { AwardCredentialUseCase } from '../award-credential/award-credential.use-case';

export const AWARD_BATCH_POLL_MS = 3_000;
export const AWARD_BATCH_CHUNK = 25;

@Injectable()
export class AwardBatchProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('award-batches');
  private timer?: NodeJS.Timeout;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly award: AwardCredentialUseCase,
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
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      const items = await manager
        .getRepository(AwardBatchItemEntity)
        .createQueryBuilder('i')
        .where(`i.status = 'PENDING'`)
        .orderBy('i.batch_id')
        .addOrderBy('i.position')
        .limit(AWARD_BATCH_CHUNK)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (items.length === 0) return 0;
      const batches = new Map<string, AwardBatchEntity>();
      const counts = new Map<string, { succeeded: number; failed: number }>();
      for (const item of items) {
        let batch = batches.get(item.batchId);
        if (!batch) {
          batch = await manager.findOneByOrFail(AwardBatchEntity, { id: item.batchId });
          batches.set(batch.id, batch);
          counts.set(batch.id, { succeeded: 0, failed: 0 });
        }
        const tally = counts.get(batch.id)!;
        const events: PendingEvent[] = [];
        await manager.query('SAVEPOINT award_batch_item');
        try {
          const command = {
            credentialId: batch.credentialId,
            issuerId: batch.issuerId,
            recipient: { email: item.recipientEmail!, name: item.recipientName },
            result: { score: item.score, attempt: item.attempt },
            evidence: item.evidence,
          };
          // The alignments resolved when the batch was created (the processor has no caller token).
          const award = await this.award.issue({ manager, emit: (event) => void events.push(event) }, batch.createdBy, batch.issuerName, command, batch.alignments ?? []);
          await manager.query('RELEASE SAVEPOINT award_batch_item');
          events.forEach(emit);
          await this.record(manager, item, { status: 'AWARDED', awardId: award.id, errorCode: null, errorMessage: null });
          tally.succeeded += 1;
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT award_batch_item');
          const coded = isAppError(error) ? error : CredentialsErrors.of('AWARD_FAILED', 'The award could not be issued; the batch went on with the others.');
          if (!isAppError(error)) this.logger.warn(`batch ${batch.id} item ${item.position} failed: ${(error as Error).message}`);
          await this.record(manager, item, { status: 'FAILED', awardId: null, errorCode: coded.code, errorMessage: coded.message.slice(0, 1000) });
          tally.failed += 1;
        }
      }
      for (const [batchId, tally] of counts) {
        // Increments (not recounts), so replicas finishing chunks of one batch at once add up.
        await manager.query(
          `UPDATE "credentials"."award_batches"
              SET "succeeded" = "succeeded" + $2,
                  "failed" = "failed" + $3,
                  "status" = CASE WHEN "succeeded" + "failed" + $2 + $3 >= "total" THEN 'DONE' ELSE 'RUNNING' END,
                  "finished_at" = CASE WHEN "succeeded" + "failed" + $2 + $3 >= "total" THEN clock_timestamp() ELSE NULL END
            WHERE "id" = $1`,
          [batchId, tally.succeeded, tally.failed],
        );
      }
      return items.length;
    });
  }

  private async record(manager: EntityManager, item: AwardBatchItemEntity, outcome: Pick<AwardBatchItemEntity, 'status' | 'awardId' | 'errorCode' | 'errorMessage'>): Promise<void> {
    // The clear e-mail goes once the item is processed; its keyed hash stays.
    await manager.update(AwardBatchItemEntity, { batchId: item.batchId, position: item.position }, { ...outcome, recipientEmail: null, processedAt: new Date() });
  }
}
