// The worker's runtime: it relays every service's outbox to the queues and drains those queues
// through the declared handlers. It refuses to start when a job has no handler or two, and on
// shutdown stops taking jobs, lets running ones finish, then closes Redis and Postgres.
import { Logger } from '@nestjs/common';
import { QUEUE_NAMES, type QueueName } from '@lattice/shared-contracts';
import { OutboxRelay } from '@lattice/shared-data-access';
import { type Consumer, JobHandlerRegistry, type QueuePort } from '@lattice/shared-queue';

export interface JobHandlerDeclaration {
  readonly queue: QueueName;
  readonly name: string;
  readonly owner: string;
  handle(data: unknown): Promise<void>;
}

export interface QueueWorkerOptions {
  readonly queue: QueuePort;
  readonly databaseUrl: string;
  /** Schemas whose outbox this worker relays. */
  readonly outboxSchemas: readonly string[];
  readonly declarations: readonly JobHandlerDeclaration[];
  readonly concurrency: number;
  readonly relayIntervalMs?: number;
}

export class QueueWorker {
  private readonly logger = new Logger('worker');
  private readonly consumers: Array<{ queue: QueueName; consumer: Consumer }> = [];
  private readonly relays: OutboxRelay[] = [];
  private readonly registry = new JobHandlerRegistry();

  constructor(private readonly options: QueueWorkerOptions) {
    for (const declaration of options.declarations) {
      this.registry.register(declaration.queue, declaration.name, (job) => declaration.handle(job.data), declaration.owner);
    }
    this.registry.assertComplete(QUEUE_NAMES);
  }

  async start(): Promise<void> {
    for (const queue of QUEUE_NAMES) {
      const consumer = await this.options.queue.consume(queue, this.registry.dispatcher(queue), { concurrency: this.options.concurrency });
      this.consumers.push({ queue, consumer });
    }
    for (const schema of this.options.outboxSchemas) {
      const relay = new OutboxRelay({ databaseUrl: this.options.databaseUrl, schema, queue: this.options.queue, intervalMs: this.options.relayIntervalMs });
      await relay.start();
      this.relays.push(relay);
    }
    this.logger.log(`consuming ${QUEUE_NAMES.join(', ')} on the ${this.options.queue.driver} driver; relaying outboxes of ${this.options.outboxSchemas.join(', ')}`);
  }

  async status() {
    const queueHealth = await this.options.queue.health();
    const queues = await Promise.all(
      this.consumers.map(async ({ queue, consumer }) => ({ queue, running: consumer.isRunning(), ...(await this.options.queue.counts(queue).catch(() => null)) })),
    );
    const relays = this.relays.map((relay) => relay.status());
    const ok = queueHealth.ok && queues.every((q) => q.running) && relays.every((r) => r.ok);
    return { ok, driver: this.options.queue.driver, queue: queueHealth, queues, relays };
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.relays.map((relay) => relay.stop()));
    await Promise.allSettled(this.consumers.map(({ consumer }) => consumer.close()));
    await this.options.queue.close();
  }
}
