// What the worker hosts for marketplace: its copy of the directory of organizations, kept by the
// shared consumer (ADR 0011) on a connection of its own to marketplace's schema (the worker's
// default connection is notifications'). The schema is migrated first, so events arriving before
// the marketplace service ever started still apply.
import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { migrateService, serviceDataSourceOptions } from '@lattice/shared-data-access';
import { OrganizationDirectoryConsumer } from '@lattice/shared-organization-directory';
import { marketplaceDataSource } from '@lattice/marketplace-data-access';
import { MARKETPLACE_DIRECTORY_TABLES } from '../shared/organization-directory';

const CONNECTION = 'marketplace';

/** The marketplace events queue's consumer: the directory of organizations. */
export class MarketplaceDirectoryHandlers extends OrganizationDirectoryConsumer {}

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
      imports: [
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions(marketplaceDataSource(databaseUrl, poolSize)),
          name: CONNECTION,
        }),
      ],
      providers: [
        { provide: MarketplaceSchemaReady, useFactory: () => new MarketplaceSchemaReady(databaseUrl) },
        {
          provide: MarketplaceDirectoryHandlers,
          useFactory: (dataSource: DataSource) =>
            new MarketplaceDirectoryHandlers(dataSource, {
              queue: 'marketplace-events',
              consumer: 'marketplace.directory',
              tables: MARKETPLACE_DIRECTORY_TABLES,
            }),
          inject: [getDataSourceToken(CONNECTION)],
        },
      ],
      exports: [MarketplaceDirectoryHandlers],
    };
  }
}
