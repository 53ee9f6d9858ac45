// The queue port: producers and consumers speak to this, never to BullMQ directly, so the
// embedded default (no Redis) and unit tests run the same code on the in-process driver.
import type { JobName, JobPayload, QueueName } from '@lattice/shared-contracts';

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
}

export interface QueuePort {
  readonly driver: 'bullmq' | 'in-process';
  add<Q extends QueueName, J extends JobName<Q>>(queue: Q, name: J, data: JobPayload<Q, J>, options: EnqueueOptions): Promise<void>;
  addBulk<Q extends QueueName>(
    queue: Q,
    jobs: ReadonlyArray<{ name: JobName<Q>; data: JobPayload<Q, JobName<Q>>; options: EnqueueOptions }>,
  ): Promise<void>;
  consume<Q extends QueueName>(queue: Q, handler: JobHandler<Q>, options?: ConsumeOptions): Promise<Consumer>;
  counts(queue: QueueName): Promise<QueueCounts>;
  health(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}

/** Retry policy shared by both drivers. */
export const JOB_ATTEMPTS = 8;
export function backoffDelayMs(attemptsMade: number, baseMs = 500): number {
  const exponential = baseMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.min(exponential, 5 * 60_000) * (0.8 + Math.random() * 0.4);
}

export const QUEUE_PORT = Symbol('QUEUE_PORT');
