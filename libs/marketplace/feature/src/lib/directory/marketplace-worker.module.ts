// What the worker hosts for marketplace: the directory handlers, on a connection of their own to
// marketplace's schema (the worker's default connection is notifications'). The schema is
// migrated first, so events arriving before the marketplace service ever started still apply.
import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { migrateService, serviceDataSourceOptions } from '@lattice/shared-data-access';
import { marketplaceDataSource } from '@lattice/marketplace-data-access';
import { MarketplaceDirectoryHandlers } from './marketplace-directory.handlers';

const CONNECTION = 'marketplace';

class MarketplaceSchemaReady implements OnModuleInit {
  constructor(private readonly databaseUrl: string) {}
  async onModuleInit(): Promise<void> {
    await migrateService(marketplaceDataSource(this.databaseUrl));
  }
}

@Module({})
export class MarketplaceWorkerModule {
  static forRoot(databaseUrl: string, poolSize = 4): DynamicModule {
    return {
      module: MarketplaceWorkerModule,
      imports: [TypeOrmModule.forRoot({ ...serviceDataSourceOptions(marketplaceDataSource(databaseUrl, poolSize)), name: CONNECTION })],
      providers: [
        { provide: MarketplaceSchemaReady, useFactory: () => new MarketplaceSchemaReady(databaseUrl) },
        { provide: MarketplaceDirectoryHandlers, useFactory: (dataSource: DataSource) => new MarketplaceDirectoryHandlers(dataSource), inject: [getDataSourceToken(CONNECTION)] },
      ],
      exports: [MarketplaceDirectoryHandlers],
    };
  }
}
