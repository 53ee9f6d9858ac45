import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxRepublishSql } from '@lattice/shared-data-access';

/** The relay publishes each sent event once more after a delay, so a Redis that lost jobs loses no events. */
export class IdentityOutboxRepublish1764400000000 implements MigrationInterface {
  name = 'IdentityOutboxRepublish1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of outboxRepublishSql('identity').up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of outboxRepublishSql('identity').down) await runner.query(statement);
  }
}
