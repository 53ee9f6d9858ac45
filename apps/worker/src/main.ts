import 'reflect-metadata';
import { migrateService } from '@lattice/shared-data-access';
import { bootstrapService, runService } from '@lattice/shared-graphql';
import { createQueue } from '@lattice/shared-queue';
import { loadWorkerEnv } from './config';
import { notificationsDataSource } from '@lattice/notifications-data-access';
import { WorkerModule } from './worker.module';

runService(async () => {
  const config = loadWorkerEnv();
  // The worker writes notifications' tables, so it makes sure they exist before consuming.
  await migrateService(notificationsDataSource(config.DATABASE_URL));
  const queue = await createQueue({ driver: config.QUEUE_DRIVER, redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX });
  await bootstrapService(WorkerModule.forRoot(config, queue), { name: 'worker', port: config.PORT, host: config.HOST });
});
