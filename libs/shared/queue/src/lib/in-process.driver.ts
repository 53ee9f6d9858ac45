// In-process queue driver: the embedded default when no Redis answers, and the fast path for
// unit tests. Same contract as BullMQ where it matters: dedup by job id while the job is known,
// retries with backoff, bounded concurrency, graceful close. Nothing survives a restart — the
// outbox, not the queue, is the system of record, so the relay re-sends what was not marked sent.
import {
  retryDelayMs,
  type JobName,
  type JobPayload,
  type QueueName,
  type RetryPolicy,
} from '@lattice/shared-contracts';
import {
  type ConsumeOptions,
  type Consumer,
  effectivePolicy,
  type EnqueueOptions,
  type JobHandler,
  type QueueCounts,
  type QueuedJob,
  type QueuePort,
  type RetryOptions,
  type ScheduleSpec,
} from './queue.port';

interface Entry {
  id: string;
  name: string;
  data: unknown;
  attemptsMade: number;
  state: 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';
  addedAt: number;
  timer?: NodeJS.Timeout;
}

class LocalQueue {
  readonly jobs = new Map<string, Entry>();
  readonly waiting: Entry[] = [];
  consumers: LocalConsumer[] = [];
  completedKept: string[] = [];
  readonly schedules = new Map<string, NodeJS.Timeout>();

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
    private readonly policy: RetryPolicy,
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
    const job = {
      id: entry.id,
      queue: this.queueName,
      name: entry.name,
      data: entry.data,
      attemptsMade: entry.attemptsMade,
      maxAttempts: this.policy.attempts,
    } as QueuedJob;
    try {
      await this.handler(job);
      entry.state = 'completed';
      this.queue.completedKept.push(entry.id);
      // Keep recent completions for dedup, like BullMQ's removeOnComplete window.
      if (this.queue.completedKept.length > 10_000) this.queue.jobs.delete(this.queue.completedKept.shift()!);
    } catch {
      entry.attemptsMade++;
      if (entry.attemptsMade >= this.policy.attempts) {
        entry.state = 'failed';
      } else {
        entry.state = 'delayed';
        entry.timer = setTimeout(
          () => {
            entry.state = 'waiting';
            this.queue.waiting.push(entry);
            this.queue.wake();
          },
          retryDelayMs(this.policy, entry.attemptsMade),
        );
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

export type InProcessQueueOptions = RetryOptions;

/** BullMQ refuses ids with ':' or that are integers; refuse them here too, so tests on this driver catch them. */
function assertJobId(jobId: string): void {
  if (jobId.includes(':') || /^\d+$/.test(jobId))
    throw new Error(`Job id "${jobId}" is not allowed (no ':' and not an integer)`);
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

  async add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobPayload<Q, J>,
    options: EnqueueOptions,
  ): Promise<void> {
    assertJobId(options.jobId);
    const local = this.queue(queue);
    if (local.jobs.has(options.jobId)) return;
    const entry: Entry = {
      id: options.jobId,
      name,
      data: structuredClone(data),
      attemptsMade: 0,
      state: 'waiting',
      addedAt: Date.now(),
    };
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

  async consume<Q extends QueueName>(
    queue: Q,
    handler: JobHandler<Q>,
    options: ConsumeOptions = {},
  ): Promise<Consumer> {
    const local = this.queue(queue);
    const consumer = new LocalConsumer(
      local,
      queue,
      handler as unknown as JobHandler,
      options.concurrency ?? 4,
      effectivePolicy(queue, this.options),
    );
    local.consumers.push(consumer);
    this.consumers.push(consumer);
    setImmediate(() => consumer.pump());
    return consumer;
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const counts = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
    let oldestWaitingAt: number | null = null;
    for (const entry of this.queue(queue).jobs.values()) {
      counts[entry.state]++;
      if (entry.state === 'waiting' && (oldestWaitingAt === null || entry.addedAt < oldestWaitingAt))
        oldestWaitingAt = entry.addedAt;
    }
    return { ...counts, oldestWaitingAt };
  }

  async schedule<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobPayload<Q, J>,
    key: string,
    spec: ScheduleSpec,
  ): Promise<void> {
    await this.unschedule(queue, key);
    const local = this.queue(queue);
    const fire = () => {
      const due = new Date();
      void this.add(queue, name, data, { jobId: `repeat-${key.replace(/:/g, '-')}-${due.getTime()}` });
      arm();
    };
    const arm = () => {
      const delay = spec.everyMs !== undefined ? spec.everyMs : msUntilNextCron(spec.pattern);
      const timer = setTimeout(fire, delay);
      timer.unref();
      local.schedules.set(key, timer);
    };
    arm();
  }

  async unschedule(queue: QueueName, key: string): Promise<void> {
    const local = this.queue(queue);
    const timer = local.schedules.get(key);
    if (timer) clearTimeout(timer);
    local.schedules.delete(key);
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    return { ok: true, detail: 'in-process queue (jobs do not survive a restart; the outbox re-sends)' };
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.close()));
    for (const queue of this.queues.values()) {
      for (const entry of queue.jobs.values()) if (entry.timer) clearTimeout(entry.timer);
      for (const timer of queue.schedules.values()) clearTimeout(timer);
      queue.schedules.clear();
    }
  }
}

/**
 * Milliseconds until a cron pattern next matches (UTC). The in-process driver understands the
 * subset Lattice schedules use: `m h * * *` with numbers or `*` in the minute and hour fields.
 */
export function msUntilNextCron(pattern: string, now: Date = new Date()): number {
  const [minute, hour, dom, month, dow] = pattern.trim().split(/\s+/);
  if (dom !== '*' || month !== '*' || dow !== '*' || !minute || !hour)
    throw new Error(`in-process schedules support "m h * * *" only, not "${pattern}"`);
  const matches = (field: string, value: number) => field === '*' || Number(field) === value;
  const probe = new Date(now.getTime());
  probe.setUTCSeconds(0, 0);
  for (let i = 0; i < 2 * 24 * 60; i++) {
    probe.setUTCMinutes(probe.getUTCMinutes() + 1);
    if (matches(minute, probe.getUTCMinutes()) && matches(hour, probe.getUTCHours()))
      return probe.getTime() - now.getTime();
  }
  throw new Error(`cron pattern "${pattern}" never matches`);
}
