import 'reflect-metadata';
import { migrateService } from '@lattice/shared-data-access';
import { bootstrapService, runService } from '@lattice/shared-graphql';
import { IdentityAppModule, identityDataSource } from './app.module';
import { loadIdentityEnv } from './config';

runService(async () => {
  const config = loadIdentityEnv();
  await migrateService(identityDataSource(config));
  await bootstrapService(IdentityAppModule.forRoot(config), { name: 'identity', port: config.PORT, host: config.HOST });
});
