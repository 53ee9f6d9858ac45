import {
  Controller,
  Get,
  Inject,
  type DynamicModule,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
  Res,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Response } from 'express';
import { serviceDataSourceOptions } from '@lattice/shared-data-access';
import { notificationsDataSource } from '@lattice/notifications-data-access';
import {
  type Mailer,
  NotificationJobs,
  NotificationsJobsModule,
  type NotificationsSettings,
} from '@lattice/notifications-feature';
import { MarketplaceDirectoryHandlers, MarketplaceWorkerModule } from '@lattice/marketplace-feature';
import { CredentialsDirectoryHandlers, CredentialsWorkerModule } from '@lattice/credentials-co-development';
import { EvidenceEventHandlers, EvidenceWorkerModule } from '@lattice/evidence-feature';
import { AuditEventHandlers, IdentityWorkerModule } from '@lattice/identity-feature';
import { evidenceKeyFrom } from '@lattice/shared-util-config';
import { mountQueueDashboard, QueueWorker } from '@lattice/shared-worker';
import { BullMqQueueDriver, type QueuePort } from '@lattice/shared-queue';
import { Authorizer, IdentityMembershipSource, TokenVerifier } from '@lattice/shared-auth';
import type { WorkerEnv } from './config';

@Controller('health')
class WorkerHealthController {
  constructor(private readonly worker: QueueWorker) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready when Redis and every blocking worker connection answer and every relay runs; with queue depth and failures. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const status = await this.worker.status();
    response.status(status.ok ? 200 : 503);
    return status;
  }
}

class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(QueueWorker) private readonly worker: QueueWorker) {}
  onApplicationBootstrap() {
    return this.worker.start();
  }
  onApplicationShutdown() {
    return this.worker.stop();
  }
}

const CONFIG = Symbol('WORKER_CONFIG');
const QUEUE = Symbol('WORKER_QUEUE');

/** Mounts Bull Board at module init: after Nest's routes, before its not-found handler. */
class QueueDashboardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(CONFIG) private readonly config: WorkerEnv,
    @Inject(QUEUE) private readonly queue: QueuePort,
  ) {}

  onModuleInit(): void {
    if (!(this.queue instanceof BullMqQueueDriver) || !this.config.JWT_PUBLIC_KEY) return;
    const verifier = new TokenVerifier(this.config.JWT_PUBLIC_KEY, {
      issuer: this.config.JWT_ISSUER,
      audience: this.config.JWT_AUDIENCE,
    });
    const authorizer = new Authorizer(new IdentityMembershipSource(this.config.IDENTITY_INTERNAL_URL));
    mountQueueDashboard(
      this.adapterHost.httpAdapter.getInstance(),
      this.queue.bullQueues(),
      verifier,
      authorizer,
    );
  }
}

@Module({})
export class WorkerModule {
  static forRoot(
    config: WorkerEnv,
    queue: QueuePort,
    settings: NotificationsSettings,
    mailer: Mailer,
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions(notificationsDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE)),
        ),
        NotificationsJobsModule.forRoot({ settings, queue, mailer }),
        MarketplaceWorkerModule.forRoot(config.DATABASE_URL),
        CredentialsWorkerModule.forRoot(config.DATABASE_URL),
        IdentityWorkerModule.forRoot(config.DATABASE_URL),
        EvidenceWorkerModule.forRoot(
          config.DATABASE_URL,
          evidenceKeyFrom(config.EVIDENCE_KEY, config.NODE_ENV === 'production'),
        ),
      ],
      controllers: [WorkerHealthController],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: QUEUE, useValue: queue },
        {
          provide: QueueDashboardMount,
          useFactory: (host: HttpAdapterHost) => new QueueDashboardMount(host, config, queue),
          inject: [HttpAdapterHost],
        },
        {
          provide: QueueWorker,
          useFactory: (
            jobs: NotificationJobs,
            marketplace: MarketplaceDirectoryHandlers,
            credentials: CredentialsDirectoryHandlers,
            evidence: EvidenceEventHandlers,
            audit: AuditEventHandlers,
          ) =>
            new QueueWorker({
              queue,
              databaseUrl: config.DATABASE_URL,
              outboxSchemas: config.OUTBOX_SCHEMAS.split(',')
                .map((s) => s.trim())
                .filter(Boolean),
              declarations: [
                ...jobs.declarations(),
                ...marketplace.declarations(),
                ...credentials.declarations(),
                ...evidence.declarations(),
                ...audit.declarations(),
              ],
              schedules: jobs.schedules({
                digestPattern: config.DIGEST_CRON,
                sweepEveryMs: config.DELIVERY_SWEEP_MS,
              }),
              concurrency: config.WORKER_CONCURRENCY,
              queueConcurrency: {
                ...jobs.queueConcurrency(),
                'marketplace-events': MarketplaceDirectoryHandlers.concurrency,
                'credentials-events': CredentialsDirectoryHandlers.concurrency,
                'evidence-events': EvidenceEventHandlers.concurrency,
                'identity-events': AuditEventHandlers.concurrency,
              },
              relayIntervalMs: config.OUTBOX_POLL_MS,
              republishAfterMs: config.OUTBOX_REPUBLISH_MS,
            }),
          inject: [
            NotificationJobs,
            MarketplaceDirectoryHandlers,
            CredentialsDirectoryHandlers,
            EvidenceEventHandlers,
            AuditEventHandlers,
          ],
        },
        WorkerLifecycle,
      ],
    };
  }
}
