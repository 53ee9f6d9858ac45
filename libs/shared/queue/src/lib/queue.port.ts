// The queue port: producers and consumers speak to this, never to BullMQ directly, so the
// embedded default (no Redis) and unit tests run the same code on the in-process driver.
import {
  DEFAULT_RETRY_POLICY,
  retryDelayMs,
  retryPolicyOf,
  type JobName,
  type JobPayload,
  type QueueName,
  type RetryPolicy,
} from '@lattice/shared-contracts';

export interface EnqueueOptions {
  /** Deterministic id: adding a job whose id the queue already holds does nothing. */
  readonly jobId: string;
  readonly delayMs?: number;
}

export interface QueuedJob<Q extends QueueName = QueueName, J extends JobName<Q> = JobName<Q>> {
  readonly id: string;
  readonly queue: Q;
  readonly name: J;
  readonly data: JobPayload<Q, J>;
  /** How many earlier attempts failed. */
  readonly attemptsMade: number;
  /** How many attempts the queue's policy allows: attemptsMade + 1 === maxAttempts is the last. */
  readonly maxAttempts: number;
}

export type JobHandler<Q extends QueueName = QueueName> = (job: QueuedJob<Q>) => Promise<void>;

export interface ConsumeOptions {
  readonly concurrency?: number;
}

export interface Consumer {
  /** False once the consumer lost its connection and is not receiving jobs. */
  isRunning(): boolean;
  close(): Promise<void>;
}

export interface QueueCounts {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly failed: number;
  readonly completed: number;
  /** When the oldest waiting job was added (epoch ms), null when none waits: a queue's age for /metrics. */
  readonly oldestWaitingAt?: number | null;
}

/** A repeatable job: every `everyMs`, or on a cron `pattern` (UTC). */
export type ScheduleSpec =
  | { readonly everyMs: number; readonly pattern?: undefined }
  | { readonly pattern: string; readonly everyMs?: undefined };

export interface QueuePort {
  readonly driver: 'bullmq' | 'in-process';
  add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobPayload<Q, J>,
    options: EnqueueOptions,
  ): Promise<void>;
  addBulk<Q extends QueueName>(
    queue: Q,
    jobs: ReadonlyArray<{ name: JobName<Q>; data: JobPayload<Q, JobName<Q>>; options: EnqueueOptions }>,
  ): Promise<void>;
  consume<Q extends QueueName>(queue: Q, handler: JobHandler<Q>, options?: ConsumeOptions): Promise<Consumer>;
  counts(queue: QueueName): Promise<QueueCounts>;
  /**
   * Declares a repeatable job under a stable key: scheduling the same key again replaces it, so
   * every worker replica may declare its schedules at start without multiplying them.
   */
  schedule<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobPayload<Q, J>,
    key: string,
    spec: ScheduleSpec,
  ): Promise<void>;
  unschedule(queue: QueueName, key: string): Promise<void>;
  health(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}

/** The default retry policy shared by both drivers (queues may declare their own in contracts). */
export const JOB_ATTEMPTS = DEFAULT_RETRY_POLICY.attempts;
export function backoffDelayMs(attemptsMade: number, baseMs = DEFAULT_RETRY_POLICY.baseMs): number {
  return retryDelayMs({ ...DEFAULT_RETRY_POLICY, baseMs }, attemptsMade);
}

/** Driver options that shape retries: legacy `attempts`/`baseBackoffMs` set the default policy; `policies` override per queue (tests shorten them). */
export interface RetryOptions {
  readonly attempts?: number;
  readonly baseBackoffMs?: number;
  readonly policies?: Partial<Record<QueueName, Partial<RetryPolicy>>>;
}

export function effectivePolicy(queue: QueueName, options: RetryOptions): RetryPolicy {
  const declared = retryPolicyOf(queue);
  const legacy =
    declared === DEFAULT_RETRY_POLICY
      ? {
          ...(options.attempts ? { attempts: options.attempts } : {}),
          ...(options.baseBackoffMs ? { baseMs: options.baseBackoffMs } : {}),
        }
      : {};
  return { ...declared, ...legacy, ...(options.policies?.[queue] ?? {}) };
}

export const QUEUE_PORT = Symbol('QUEUE_PORT');
