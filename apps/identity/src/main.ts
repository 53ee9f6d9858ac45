import 'reflect-metadata';
import { migrateService } from '@lattice/shared-data-access';
import { bootstrapService, runService } from '@lattice/shared-graphql';
import { identityDataSource } from '@lattice/identity-data-access';
import { BootstrapOperatorUseCase } from '@lattice/identity-feature';
import { IdentityAppModule } from './app.module';
import { loadIdentityEnv } from './config';

runService(async () => {
  const config = loadIdentityEnv();
  await migrateService(identityDataSource(config.DATABASE_URL));
  if (config.MIGRATE_ONLY) return;
  await bootstrapService(IdentityAppModule.forRoot(config), {
    name: 'identity',
    port: config.PORT,
    host: config.HOST,
    trustProxy: config.TRUST_PROXY,
    beforeListen: async (app) => {
      if (!config.OPERATOR_EMAIL || !config.OPERATOR_PASSWORD) return;
      await app.get(BootstrapOperatorUseCase).execute({
        email: config.OPERATOR_EMAIL,
        password: config.OPERATOR_PASSWORD,
        name: config.OPERATOR_NAME,
        organizationName: config.OPERATOR_ORGANIZATION,
      });
    },
  });
});
