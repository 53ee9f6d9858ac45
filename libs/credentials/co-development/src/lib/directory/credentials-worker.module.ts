// What the worker hosts for credentials: its copy of the directory of organizations, kept by the
// shared consumer (ADR 0011) on a connection of its own to credentials' schema. The schema is
// migrated first, so events arriving before the credentials service ever started still apply.
import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { migrateService, serviceDataSourceOptions } from '@lattice/shared-data-access';
import { OrganizationDirectoryConsumer } from '@lattice/shared-organization-directory';
import { credentialsDataSource } from '@lattice/credentials-data-access';
import { CREDENTIALS_DIRECTORY_TABLES } from '../shared/organization-directory';

const CONNECTION = 'credentials';

/** The credentials events queue's consumer: the directory of organizations. */
export class CredentialsDirectoryHandlers extends OrganizationDirectoryConsumer {}

class CredentialsSchemaReady implements OnModuleInit {
  constructor(private readonly databaseUrl: string) {}
  async onModuleInit(): Promise<void> {
    await migrateService(credentialsDataSource(this.databaseUrl));
  }
}

@Module({})
export class CredentialsWorkerModule {
  static forRoot(databaseUrl: string, poolSize = 2): DynamicModule {
    return {
      module: CredentialsWorkerModule,
      imports: [
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions(credentialsDataSource(databaseUrl, poolSize)),
          name: CONNECTION,
        }),
      ],
      providers: [
        { provide: CredentialsSchemaReady, useFactory: () => new CredentialsSchemaReady(databaseUrl) },
        {
          provide: CredentialsDirectoryHandlers,
          useFactory: (dataSource: DataSource) =>
            new CredentialsDirectoryHandlers(dataSource, {
              queue: 'credentials-events',
              consumer: 'credentials.directory',
              tables: CREDENTIALS_DIRECTORY_TABLES,
            }),
          inject: [getDataSourceToken(CONNECTION)],
        },
      ],
      exports: [CredentialsDirectoryHandlers],
    };
  }
}
