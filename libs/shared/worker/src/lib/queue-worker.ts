// The worker's runtime: it relays every service's outbox to the queues and drains those queues
// through the declared handlers. It refuses to start when a job has no handler or two, and on
// shutdown stops taking jobs, lets running ones finish, then closes Redis and Postgres.
import { Logger } from '@nestjs/common';
import { QUEUE_NAMES, type QueueName } from '@lattice/shared-contracts';
import { OutboxRelay } from '@lattice/shared-data-access';
import {
  BullMqQueueDriver,
  type Consumer,
  JobHandlerRegistry,
  type QueuePort,
  type ScheduleSpec,
} from '@lattice/shared-queue';
import { observeJob, recordQueueDepths } from './job-observability';

/** What a handler may know of the job running it: retry-aware handlers record their last failure. */
export interface JobContext {
  readonly id: string;
  readonly attemptsMade: number;
  readonly maxAttempts: number;
}

export interface JobHandlerDeclaration {
  readonly queue: QueueName;
  readonly name: string;
  readonly owner: string;
  handle(data: unknown, job: JobContext): Promise<void>;
}

/** A repeatable job the worker declares at start (idempotently, by key). */
export interface ScheduleDeclaration {
  readonly queue: QueueName;
  readonly name: string;
  readonly key: string;
  readonly spec: ScheduleSpec;
}

export interface QueueWorkerOptions {
  readonly queue: QueuePort;
  readonly databaseUrl: string;
  /** Schemas whose outbox this worker relays. */
  readonly outboxSchemas: readonly string[];
  readonly declarations: readonly JobHandlerDeclaration[];
  readonly schedules?: readonly ScheduleDeclaration[];
  readonly concurrency: number;
  /** Queues that run more (or fewer) jobs at once than `concurrency`, e.g. a batching consumer's. */
  readonly queueConcurrency?: Partial<Record<QueueName, number>>;
  readonly relayIntervalMs?: number;
  /** Delay before each sent event is published once more (Redis may have lost it). */
  readonly republishAfterMs?: number;
}

export class QueueWorker {
  private readonly logger = new Logger('worker');
  private readonly consumers: Array<{ queue: QueueName; consumer: Consumer }> = [];
  private readonly relays: OutboxRelay[] = [];
  private scheduleKeeper?: NodeJS.Timeout;
  private depthKeeper?: NodeJS.Timeout;
  private readonly registry = new JobHandlerRegistry();

  constructor(private readonly options: QueueWorkerOptions) {
    for (const declaration of options.declarations) {
      this.registry.register(
        declaration.queue,
        declaration.name,
        (job) =>
          observeJob(declaration.queue, job, () =>
            declaration.handle(job.data, {
              id: job.id,
              attemptsMade: job.attemptsMade,
              maxAttempts: job.maxAttempts,
            }),
          ),
        declaration.owner,
      );
    }
    this.registry.assertComplete(QUEUE_NAMES);
  }

  async start(): Promise<void> {
    await assertNoEviction(this.options.queue, this.logger);
    for (const queue of QUEUE_NAMES) {
      const consumer = await this.options.queue.consume(queue, this.registry.dispatcher(queue), {
        concurrency: this.options.queueConcurrency?.[queue] ?? this.options.concurrency,
      });
      this.consumers.push({ queue, consumer });
    }
    await this.ensureSchedules();
    // Repeatable jobs live in Redis: a Redis that restarts empty forgets them. Re-assert them
    // (an idempotent upsert) every half minute so sweeps and digests always come back.
    this.scheduleKeeper = setInterval(() => void this.ensureSchedules().catch(() => undefined), 30_000);
    this.scheduleKeeper.unref();
    // Queue depth and the oldest waiting job's age, for /metrics.
    this.depthKeeper = setInterval(() => void recordQueueDepths(this.options.queue, QUEUE_NAMES), 10_000);
    this.depthKeeper.unref();
    for (const schema of this.options.outboxSchemas) {
      const relay = new OutboxRelay({
        databaseUrl: this.options.databaseUrl,
        schema,
        queue: this.options.queue,
        intervalMs: this.options.relayIntervalMs,
        republishAfterMs: this.options.republishAfterMs,
      });
      await relay.start();
      this.relays.push(relay);
    }
    this.logger.log(
      `consuming ${QUEUE_NAMES.join(', ')} on the ${this.options.queue.driver} driver; relaying outboxes of ${this.options.outboxSchemas.join(', ')}`,
    );
  }

  private async ensureSchedules(): Promise<void> {
    for (const schedule of this.options.schedules ?? []) {
      await this.options.queue.schedule(
        schedule.queue,
        schedule.name as never,
        {} as never,
        schedule.key,
        schedule.spec,
      );
    }
  }

  async status() {
    const queueHealth = await this.options.queue.health();
    const queues = await Promise.all(
      this.consumers.map(async ({ queue, consumer }) => ({
        queue,
        running: consumer.isRunning(),
        ...(await this.options.queue.counts(queue).catch(() => null)),
      })),
    );
    const relays = this.relays.map((relay) => relay.status());
    const ok = queueHealth.ok && queues.every((q) => q.running) && relays.every((r) => r.ok);
    return { ok, driver: this.options.queue.driver, queue: queueHealth, queues, relays };
  }

  /** Graceful: stop relaying, stop taking jobs and let running ones finish, then close Redis. */
  async stop(): Promise<void> {
    if (this.scheduleKeeper) clearInterval(this.scheduleKeeper);
    if (this.depthKeeper) clearInterval(this.depthKeeper);
    await Promise.allSettled(this.relays.map((relay) => relay.stop()));
    await Promise.allSettled(this.consumers.map(({ consumer }) => consumer.close()));
    await this.options.queue.close();
    this.logger.log('stopped: relays, consumers and queue connections closed');
  }
}

/**
 * Refuses to start on a Redis that may evict keys: an evicted job key is a job silently lost.
 * Where CONFIG is disabled (some managed Redis) the policy cannot be read: warn loudly, go on.
 */
export async function assertNoEviction(queue: QueuePort, logger: Pick<Logger, 'warn'>): Promise<void> {
  if (!(queue instanceof BullMqQueueDriver)) return;
  let policy: string;
  try {
    policy = await queue.evictionPolicy();
  } catch (error) {
    logger.warn(
      `!!! Cannot read Redis maxmemory-policy (${(error as Error).message}). It MUST be noeviction, or jobs can be silently lost. Check your Redis settings. !!!`,
    );
    return;
  }
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy}", but the worker needs "noeviction": an evicted job is a lost notification. ` +
        'Set "maxmemory-policy noeviction" in redis.conf (or CONFIG SET maxmemory-policy noeviction) and start again.',
    );
  }
}
