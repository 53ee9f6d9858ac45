// The insights rollups from scratch: what the event handlers and use cases keep current, rebuilt
// from the base tables (tests compare the two; a migration that cannot open sealed
// self-identifications leaves equity to the service, which builds it once at start).
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import {
  equityRollup,
  equityRollupBuilt,
  EVIDENCE_SCHEMA,
  rebuildRollups,
} from '@lattice/evidence-data-access';
import { LearnerKeys } from '../shared/evidence.options';

@Injectable()
export class InsightsRollupsUseCase implements OnApplicationBootstrap {
  private readonly logger = new Logger(InsightsRollupsUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(LearnerKeys) private readonly keys: LearnerKeys,
  ) {}

  /** Every rollup rebuilt from the base tables, in one transaction. */
  rebuild(): Promise<void> {
    return inTransaction(this.dataSource, EVIDENCE_SCHEMA, ({ manager }) =>
      rebuildRollups(manager, this.keys.equityBits),
    );
  }

  /** Builds equity counts when a migration left them unbuilt (until then insights count from the awards). */
  async onApplicationBootstrap(): Promise<void> {
    if (await equityRollupBuilt(this.dataSource)) return;
    await inTransaction(this.dataSource, EVIDENCE_SCHEMA, async ({ manager }) => {
      if (!(await equityRollupBuilt(manager))) await equityRollup.rebuild(manager, this.keys.equityBits);
    });
    this.logger.log('equity rollup built');
  }
}
