import 'reflect-metadata';
import { migrateService } from '@lattice/shared-data-access';
import { bootstrapService, runService } from '@lattice/shared-graphql';
import { marketplaceDataSource } from '@lattice/marketplace-data-access';
import { MarketplaceAppModule } from './app.module';
import { loadMarketplaceEnv } from './config';

runService(async () => {
  const config = loadMarketplaceEnv();
  await migrateService(marketplaceDataSource(config.DATABASE_URL));
  await bootstrapService(MarketplaceAppModule.forRoot(config), { name: 'marketplace', port: config.PORT, host: config.HOST });
});
