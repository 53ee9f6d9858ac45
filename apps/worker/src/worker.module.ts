import { Controller, Get, Inject, type DynamicModule, Module, type OnApplicationBootstrap, type OnApplicationShutdown, Res } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Response } from 'express';
import { serviceDataSourceOptions } from '@lattice/shared-data-access';
import { notificationsDataSource } from '@lattice/notifications-data-access';
import { IdentityDirectoryHandlers } from '@lattice/notifications-feature';
import { QueueWorker } from '@lattice/shared-worker';
import type { QueuePort } from '@lattice/shared-queue';
import type { WorkerEnv } from './config';

const QUEUE = Symbol('QUEUE');

@Controller('health')
class WorkerHealthController {
  constructor(private readonly worker: QueueWorker) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready when Redis (and the worker's blocking connection) answers and every relay runs; with queue depth and failures. */
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

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerEnv, queue: QueuePort): DynamicModule {
    return {
      module: WorkerModule,
      imports: [TypeOrmModule.forRoot(serviceDataSourceOptions(notificationsDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE)))],
      controllers: [WorkerHealthController],
      providers: [
        { provide: QUEUE, useValue: queue },
        IdentityDirectoryHandlers,
        {
          provide: QueueWorker,
          useFactory: (directory: IdentityDirectoryHandlers) =>
            new QueueWorker({
              queue,
              databaseUrl: config.DATABASE_URL,
              outboxSchemas: config.OUTBOX_SCHEMAS.split(',').map((s) => s.trim()).filter(Boolean),
              declarations: [...directory.declarations()],
              concurrency: config.WORKER_CONCURRENCY,
              relayIntervalMs: config.OUTBOX_POLL_MS,
            }),
          inject: [IdentityDirectoryHandlers],
        },
        WorkerLifecycle,
      ],
    };
  }
}
