// In-process queue driver: the embedded default when no Redis answers, and the fast path for
// unit tests. Same contract as BullMQ where it matters: dedup by job id while the job is known,
// retries with backoff, bounded concurrency, graceful close. Nothing survives a restart — the
// outbox, not the queue, is the system of record, so the relay re-sends what was not marked sent.
import type { JobName, JobPayload, QueueName } from '@lattice/shared-contracts';
import {
  backoffDelayMs,
  type ConsumeOptions,
  type Consumer,
  type EnqueueOptions,
  type JobHandler,
  JOB_ATTEMPTS,
  type QueueCounts,
  type QueuedJob,
  type QueuePort,
} from './queue.port';

interface Entry {
  id: string;
  name: string;
  data: unknown;
  attemptsMade: number;
  state: 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';
  timer?: NodeJS.Timeout;
}

class LocalQueue {
  readonly jobs = new Map<string, Entry>();
  readonly waiting: Entry[] = [];
  consumers: LocalConsumer[] = [];
  completedKept: string[] = [];

  wake(): void {
    for (const consumer of this.consumers) consumer.pump();
  }
}

class LocalConsumer implements Consumer {
  private active = 0;
  private closed = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly queue: LocalQueue,
    private readonly queueName: QueueName,
    private readonly handler: JobHandler,
    private readonly concurrency: number,
    private readonly attempts: number,
    private readonly baseBackoffMs: number,
  ) {}

  isRunning(): boolean {
    return !this.closed;
  }

  pump(): void {
    while (!this.closed && this.active < this.concurrency && this.queue.waiting.length > 0) {
      const entry = this.queue.waiting.shift()!;
      entry.state = 'active';
      this.active++;
      void this.run(entry);
    }
  }

  private async run(entry: Entry): Promise<void> {
    const job = { id: entry.id, queue: this.queueName, name: entry.name, data: entry.data, attemptsMade: entry.attemptsMade } as QueuedJob;
    try {
      await this.handler(job);
      entry.state = 'completed';
      this.queue.completedKept.push(entry.id);
      // Keep recent completions for dedup, like BullMQ's removeOnComplete window.
      if (this.queue.completedKept.length > 10_000) this.queue.jobs.delete(this.queue.completedKept.shift()!);
    } catch {
      entry.attemptsMade++;
      if (entry.attemptsMade >= this.attempts) {
        entry.state = 'failed';
      } else {
        entry.state = 'delayed';
        entry.timer = setTimeout(() => {
          entry.state = 'waiting';
          this.queue.waiting.push(entry);
          this.queue.wake();
        }, backoffDelayMs(entry.attemptsMade, this.baseBackoffMs));
        entry.timer.unref();
      }
    } finally {
      this.active--;
      if (this.active === 0) this.idle.splice(0).forEach((resolve) => resolve());
      this.pump();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.consumers = this.queue.consumers.filter((c) => c !== this);
    if (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}

export interface InProcessQueueOptions {
  readonly attempts?: number;
  readonly baseBackoffMs?: number;
}

export class InProcessQueueDriver implements QueuePort {
  readonly driver = 'in-process' as const;
  private readonly queues = new Map<string, LocalQueue>();
  private readonly consumers: LocalConsumer[] = [];

  constructor(private readonly options: InProcessQueueOptions = {}) {}

  private queue(name: string): LocalQueue {
    let queue = this.queues.get(name);
    if (!queue) this.queues.set(name, (queue = new LocalQueue()));
    return queue;
  }

  async add<Q extends QueueName, J extends JobName<Q>>(queue: Q, name: J, data: JobPayload<Q, J>, options: EnqueueOptions): Promise<void> {
    const local = this.queue(queue);
    if (local.jobs.has(options.jobId)) return;
    const entry: Entry = { id: options.jobId, name, data: structuredClone(data), attemptsMade: 0, state: 'waiting' };
    local.jobs.set(entry.id, entry);
    if (options.delayMs && options.delayMs > 0) {
      entry.state = 'delayed';
      entry.timer = setTimeout(() => {
        entry.state = 'waiting';
        local.waiting.push(entry);
        local.wake();
      }, options.delayMs);
      entry.timer.unref();
    } else {
      local.waiting.push(entry);
      // Let the producer's transaction finish before consumers run, as with a real broker.
      setImmediate(() => local.wake());
    }
  }

  async addBulk<Q extends QueueName>(
    queue: Q,
    jobs: ReadonlyArray<{ name: JobName<Q>; data: JobPayload<Q, JobName<Q>>; options: EnqueueOptions }>,
  ): Promise<void> {
    for (const job of jobs) await this.add(queue, job.name, job.data, job.options);
  }

  async consume<Q extends QueueName>(queue: Q, handler: JobHandler<Q>, options: ConsumeOptions = {}): Promise<Consumer> {
    const local = this.queue(queue);
    const consumer = new LocalConsumer(
      local,
      queue,
      handler as unknown as JobHandler,
      options.concurrency ?? 4,
      this.options.attempts ?? JOB_ATTEMPTS,
      this.options.baseBackoffMs ?? 500,
    );
    local.consumers.push(consumer);
    this.consumers.push(consumer);
    setImmediate(() => consumer.pump());
    return consumer;
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const counts = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
    for (const entry of this.queue(queue).jobs.values()) counts[entry.state]++;
    return counts;
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    return { ok: true, detail: 'in-process queue (jobs do not survive a restart; the outbox re-sends)' };
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.close()));
    for (const queue of this.queues.values()) for (const entry of queue.jobs.values()) if (entry.timer) clearTimeout(entry.timer);
  }
}
