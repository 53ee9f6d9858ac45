// Every job the notifications worker runs, declared for the worker's registry (which refuses to
// start unless each job has exactly one handler), and the schedules of its repeatable jobs.
import { Injectable, Logger } from '@nestjs/common';
import type { DeliveryJob, QueueName } from '@lattice/shared-contracts';
import type { JobHandlerDeclaration, ScheduleDeclaration } from '@lattice/shared-worker';
import { NotificationRouter } from './routing/notification-router';
import { DeliveryStore } from './delivery/delivery-store';
import { InAppDelivery } from './delivery/in-app.delivery';
import { DeliverySweep } from './delivery/delivery-sweep';
import { EmailDelivery } from './email/email.delivery';
import { WebhookAttemptError, WebhookDelivery } from './webhooks/webhook.delivery';

export interface NotificationSchedules {
  /** Cron (UTC) of the daily digest; default 07:00 UTC. */
  readonly digestPattern: string;
  readonly sweepEveryMs: number;
}

@Injectable()
export class NotificationJobs {
  private readonly logger = new Logger('notifications');

  constructor(
    private readonly router: NotificationRouter,
    private readonly store: DeliveryStore,
    private readonly inApp: InAppDelivery,
    private readonly email: EmailDelivery,
    private readonly webhook: WebhookDelivery,
    private readonly sweep: DeliverySweep,
  ) {}

  declarations(): JobHandlerDeclaration[] {
    const owner = NotificationJobs.name;
    return [
      ...this.router.declarations(),
      {
        queue: 'notifications-deliveries',
        name: 'in-app',
        owner,
        handle: (data, job) => this.attempt(data, job, (d) => this.inApp.deliver(d)),
      },
      {
        queue: 'notifications-deliveries',
        name: 'email',
        owner,
        handle: (data, job) => this.attempt(data, job, (d) => this.email.deliver(d)),
      },
      {
        queue: 'notifications-webhooks',
        name: 'webhook',
        owner,
        handle: (data, job) => this.attempt(data, job, (d) => this.webhook.deliver(d)),
      },
      {
        queue: 'notifications-scheduled',
        name: 'email.digest',
        owner,
        handle: async () => void (await this.email.sendDigests()),
      },
      {
        queue: 'notifications-scheduled',
        name: 'deliveries.sweep',
        owner,
        handle: async () => {
          const count = await this.sweep.sweep();
          if (count > 0) this.logger.warn(`re-queued ${count} stranded deliveries`);
        },
      },
    ];
  }

  /** The events queue runs enough jobs at once for the router to route them in batches. */
  queueConcurrency(): Partial<Record<QueueName, number>> {
    return { 'notifications-events': NotificationRouter.concurrency };
  }

  schedules(options: NotificationSchedules): ScheduleDeclaration[] {
    return [
      {
        queue: 'notifications-scheduled',
        name: 'email.digest',
        key: 'notifications:email-digest',
        spec: { pattern: options.digestPattern },
      },
      {
        queue: 'notifications-scheduled',
        name: 'deliveries.sweep',
        key: 'notifications:deliveries-sweep',
        spec: { everyMs: options.sweepEveryMs },
      },
    ];
  }

  /** Runs one delivery; a failure is recorded on the row (DEAD after the last attempt) and rethrown so the queue retries. */
  private async attempt(
    data: unknown,
    job: { attemptsMade: number; maxAttempts: number },
    run: (job: DeliveryJob) => Promise<void>,
  ): Promise<void> {
    const delivery = data as DeliveryJob;
    try {
      await run(delivery);
    } catch (error) {
      const final = job.attemptsMade + 1 >= job.maxAttempts;
      const statusCode = error instanceof WebhookAttemptError ? error.statusCode : null;
      await this.store
        .failed(delivery.deliveryId, (error as Error).message, final, statusCode)
        .catch(() => undefined);
      if (final)
        this.logger.error(
          `delivery ${delivery.deliveryId} dead after ${job.maxAttempts} attempts: ${(error as Error).message}`,
        );
      throw error;
    }
  }
}
