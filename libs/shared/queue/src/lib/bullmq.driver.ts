// BullMQ driver: production transport. Redis is a transport, never the system of record — the
// outbox re-sends whatever was not acknowledged — so the settings favour never evicting keys and
// reconnecting forever over failing fast.
import { Queue, Worker, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Cluster } from 'ioredis';
import {
  QUEUE_NAMES,
  retryDelayMs,
  type JobName,
  type JobPayload,
  type QueueName,
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
import {
  clusterSafePrefix,
  createRedisClient,
  isClustered,
  type RedisClient,
  type RedisTarget,
} from './redis-connection';

export interface BullMqDriverOptions extends RetryOptions {
  readonly redisUrl: string;
  /** A Redis Cluster's seed nodes (`host:port`): when given, BullMQ runs on the cluster. */
  readonly clusterNodes?: readonly string[];
  readonly redisPassword?: string;
  /** Key prefix; tests use their own so parallel runs never share jobs. On a cluster it is made a hash tag. */
  readonly prefix?: string;
}

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 100_000 },
};

export class BullMqQueueDriver implements QueuePort {
  readonly driver = 'bullmq' as const;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly connections: RedisClient[] = [];
  private readonly producer: RedisClient;
  private readonly target: RedisTarget;
  /** The key prefix: on a Redis Cluster a hash tag, so each queue's keys share one slot. */
  readonly prefix: string;

  constructor(private readonly options: BullMqDriverOptions) {
    this.target = {
      url: options.redisUrl,
      clusterNodes: options.clusterNodes,
      password: options.redisPassword,
    };
    this.prefix = clusterSafePrefix(options.prefix ?? 'lattice', this.target);
    this.producer = this.connection(false);
  }

  private connection(blocking: boolean): RedisClient {
    // Workers block on Redis and must never give up a command; producers fail fast so the
    // outbox relay can leave rows unsent and retry on its next pass.
    const redis = createRedisClient(this.target, { mode: blocking ? 'blocking' : 'queue' });
    this.connections.push(redis);
    return redis;
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.producer as unknown as ConnectionOptions,
        prefix: this.prefix,
        defaultJobOptions: this.jobOptions(name as QueueName),
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  private jobOptions(queue: QueueName): JobsOptions {
    return {
      ...DEFAULT_JOB_OPTIONS,
      attempts: effectivePolicy(queue, this.options).attempts,
      backoff: { type: 'lattice' },
    };
  }

  /** The BullMQ queues themselves, for the operator dashboard. */
  bullQueues(): Queue[] {
    return QUEUE_NAMES.map((name) => this.queue(name));
  }

  async add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobPayload<Q, J>,
    options: EnqueueOptions,
  ): Promise<void> {
    await this.queue(queue).add(name, data, { jobId: options.jobId, delay: options.delayMs });
  }

  async addBulk<Q extends QueueName>(
    queue: Q,
    jobs: ReadonlyArray<{ name: JobName<Q>; data: JobPayload<Q, JobName<Q>>; options: EnqueueOptions }>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    const target = this.queue(queue);
    await target.addBulk(
      jobs.map((job) => ({
        name: job.name,
        data: job.data,
        opts: { ...target.defaultJobOptions, jobId: job.options.jobId, delay: job.options.delayMs },
      })),
    );
  }

  async consume<Q extends QueueName>(
    queue: Q,
    handler: JobHandler<Q>,
    options: ConsumeOptions = {},
  ): Promise<Consumer> {
    const policy = effectivePolicy(queue, this.options);
    const worker = new Worker(
      queue,
      async (job) => {
        const maxAttempts = job.opts.attempts ?? policy.attempts;
        const queued = {
          id: job.id!,
          queue,
          name: job.name,
          data: job.data,
          attemptsMade: job.attemptsMade,
          maxAttempts,
        } as QueuedJob<Q>;
        await handler(queued);
      },
      {
        connection: this.connection(true) as unknown as ConnectionOptions,
        prefix: this.prefix,
        concurrency: options.concurrency ?? 8,
        // A job whose worker died (or lost Redis longer than its lock) is re-run, not failed:
        // handlers are idempotent, and a job BullMQ failed for stalling twice would be ignored
        // when the outbox publishes its event again (same job id).
        maxStalledCount: 10,
        settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(policy, attemptsMade) },
      },
    );
    worker.on('error', () => undefined);
    this.workers.push(worker);
    await worker.waitUntilReady();
    return {
      isRunning: () => worker.isRunning() && !worker.closing,
      close: () => worker.close(),
    };
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const counts = await this.queue(queue).getJobCounts(
      'waiting',
      'active',
      'delayed',
      'failed',
      'completed',
      'prioritized',
    );
    const [oldest] = await this.queue(queue).getJobs(['wait'], 0, 0, true);
    return {
      oldestWaitingAt: oldest?.timestamp ?? null,
      waiting: (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0),
      active: counts['active'] ?? 0,
      delayed: counts['delayed'] ?? 0,
      failed: counts['failed'] ?? 0,
      completed: counts['completed'] ?? 0,
    };
  }

  async schedule<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobPayload<Q, J>,
    key: string,
    spec: ScheduleSpec,
  ): Promise<void> {
    const repeat =
      spec.everyMs !== undefined ? { every: spec.everyMs } : { pattern: spec.pattern, tz: 'UTC' };
    const { attempts, backoff, removeOnComplete, removeOnFail } = this.jobOptions(queue);
    await this.queue(queue).upsertJobScheduler(key, repeat, {
      name,
      data,
      opts: { attempts, backoff, removeOnComplete, removeOnFail },
    });
  }

  async unschedule(queue: QueueName, key: string): Promise<void> {
    await this.queue(queue).removeJobScheduler(key);
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    try {
      await withTimeout(this.producer.ping(), 1_000);
      const blockingDown = this.connections.filter((c) => c !== this.producer && c.status !== 'ready');
      if (blockingDown.length > 0)
        return { ok: false, detail: `${blockingDown.length} worker connection(s) not ready` };
      const stopped = this.workers.filter((worker) => !worker.isRunning());
      if (stopped.length > 0) return { ok: false, detail: `${stopped.length} worker(s) stopped` };
      return { ok: true, detail: 'redis answers' };
    } catch (error) {
      return { ok: false, detail: `redis does not answer: ${(error as Error).message}` };
    }
  }

  /** The eviction policy must be noeviction: an evicted job key is a silently lost job. On a cluster, every master's. */
  async evictionPolicy(): Promise<string> {
    await this.producer.ping(); // a cluster client knows its nodes once it has connected
    const nodes = isClustered(this.target) ? (this.producer as Cluster).nodes('master') : [this.producer];
    const policies = new Set<string>();
    for (const node of nodes)
      policies.add(((await node.config('GET', 'maxmemory-policy')) as string[])[1] ?? 'unknown');
    return [...policies].join(',');
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    await Promise.allSettled(this.connections.map((redis) => redis.quit()));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}
