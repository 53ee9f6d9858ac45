import 'reflect-metadata';
import { migrateService } from '@lattice/shared-data-access';
import { bootstrapService, runService } from '@lattice/shared-graphql';
import { credentialsDataSource } from '@lattice/credentials-data-access';
import { CredentialsAppModule } from './app.module';
import { loadCredentialsEnv } from './config';

runService(async () => {
  const config = loadCredentialsEnv();
  await migrateService(credentialsDataSource(config.DATABASE_URL));
  if (config.MIGRATE_ONLY) return;
  await bootstrapService(CredentialsAppModule.forRoot(config), {
    name: 'credentials',
    port: config.PORT,
    host: config.HOST,
  });
});
