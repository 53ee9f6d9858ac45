import 'reflect-metadata';
import { resolve } from 'node:path';
import { migrateService } from '@lattice/shared-data-access';
import { bootstrapService, runService } from '@lattice/shared-graphql';
import { marketplaceDataSource } from '@lattice/marketplace-data-access';
import { ImportSkillTaxonomyUseCase } from '@lattice/marketplace-feature';
import { MarketplaceAppModule } from './app.module';
import { loadMarketplaceEnv } from './config';

runService(async () => {
  const config = loadMarketplaceEnv();
  await migrateService(marketplaceDataSource(config.DATABASE_URL));
  if (config.MIGRATE_ONLY) return;
  await bootstrapService(MarketplaceAppModule.forRoot(config), {
    name: 'marketplace',
    port: config.PORT,
    host: config.HOST,
    // First start: load the bundled ESCO subset and Skills for Success (nothing is downloaded).
    beforeListen: async (app) => {
      await app.get(ImportSkillTaxonomyUseCase).execute(resolve(config.ESCO_DATA_DIR), { onlyIfEmpty: true });
    },
  });
});
