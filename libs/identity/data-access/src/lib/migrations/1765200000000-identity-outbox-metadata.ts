import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxMetadataSql } from '@lattice/shared-data-access';

/** Each event carries the request id and trace context of the request that caused it. */
export class IdentityOutboxMetadata1765200000000 implements MigrationInterface {
  name = 'IdentityOutboxMetadata1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of outboxMetadataSql('identity').up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of outboxMetadataSql('identity').down) await runner.query(statement);
  }
}
