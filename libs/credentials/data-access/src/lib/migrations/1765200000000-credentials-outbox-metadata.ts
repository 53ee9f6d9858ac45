import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxMetadataSql } from '@lattice/shared-data-access';

/** Each event carries the request id and trace context of the request that caused it. */
export class CredentialsOutboxMetadata1765200000000 implements MigrationInterface {
  name = 'CredentialsOutboxMetadata1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of outboxMetadataSql('credentials').up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of outboxMetadataSql('credentials').down) await runner.query(statement);
  }
}
