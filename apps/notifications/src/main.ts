import 'reflect-metadata';
import { migrateService } from '@lattice/shared-data-access';
import { bootstrapService, runService } from '@lattice/shared-graphql';
import { notificationsDataSource } from '@lattice/notifications-data-access';
import { NotificationsAppModule } from './app.module';
import { loadNotificationsEnv } from './config';

runService(async () => {
  const config = loadNotificationsEnv();
  await migrateService(notificationsDataSource(config.DATABASE_URL));
  if (config.MIGRATE_ONLY) return;
  await bootstrapService(NotificationsAppModule.forRoot(config), {
    name: 'notifications',
    port: config.PORT,
    host: config.HOST,
  });
});
