// What the worker hosts for identity: the audit log's event consumer, on a connection of its own
// to identity's schema (migrated first, so events arriving before identity started still apply).
import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { migrateService, serviceDataSourceOptions } from '@lattice/shared-data-access';
import { identityDataSource } from '@lattice/identity-data-access';
import { AuditEventHandlers } from './audit-event.handlers';

const CONNECTION = 'identity';

class IdentitySchemaReady implements OnModuleInit {
  constructor(private readonly databaseUrl: string) {}
  async onModuleInit(): Promise<void> {
    await migrateService(identityDataSource(this.databaseUrl));
  }
}

@Module({})
export class IdentityWorkerModule {
  static forRoot(databaseUrl: string, poolSize = 2): DynamicModule {
    return {
      module: IdentityWorkerModule,
      imports: [
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions(identityDataSource(databaseUrl, poolSize)),
          name: CONNECTION,
        }),
      ],
      providers: [
        { provide: IdentitySchemaReady, useFactory: () => new IdentitySchemaReady(databaseUrl) },
        {
          provide: AuditEventHandlers,
          useFactory: (dataSource: DataSource) => new AuditEventHandlers(dataSource),
          inject: [getDataSourceToken(CONNECTION)],
        },
      ],
      exports: [AuditEventHandlers],
    };
  }
}
