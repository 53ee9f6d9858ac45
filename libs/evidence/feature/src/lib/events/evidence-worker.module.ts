// What the worker hosts for evidence: its event handlers, on a connection of their own to
// evidence's schema, migrated first so events arriving before the service ever started still apply.
import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { migrateService, serviceDataSourceOptions } from '@lattice/shared-data-access';
import { evidenceDataSource } from '@lattice/evidence-data-access';
import { LearnerKeys } from '../shared/evidence.options';
import { EvidenceEventHandlers } from './evidence-events.handlers';

const CONNECTION = 'evidence';

class EvidenceSchemaReady implements OnModuleInit {
  constructor(private readonly databaseUrl: string) {}
  async onModuleInit(): Promise<void> {
    await migrateService(evidenceDataSource(this.databaseUrl));
  }
}

@Module({})
export class EvidenceWorkerModule {
  static forRoot(databaseUrl: string, evidenceKey: Buffer, poolSize = 4): DynamicModule {
    return {
      module: EvidenceWorkerModule,
      imports: [
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions(evidenceDataSource(databaseUrl, poolSize)),
          name: CONNECTION,
        }),
      ],
      providers: [
        { provide: EvidenceSchemaReady, useFactory: () => new EvidenceSchemaReady(databaseUrl) },
        {
          provide: EvidenceEventHandlers,
          useFactory: (dataSource: DataSource) =>
            new EvidenceEventHandlers(dataSource, new LearnerKeys(evidenceKey)),
          inject: [getDataSourceToken(CONNECTION)],
        },
      ],
      exports: [EvidenceEventHandlers],
    };
  }
}
