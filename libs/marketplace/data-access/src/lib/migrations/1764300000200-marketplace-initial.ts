import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@lattice/shared-data-access';

export class MarketplaceInitial1764300000200 implements MigrationInterface {
  name = 'MarketplaceInitial1764300000200';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of outboxTableSql('marketplace').up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of outboxTableSql('marketplace').down) await runner.query(statement);
  }
}
