import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxMetadataSql } from '@lattice/shared-data-access';

/** Each event carries the request id and trace context of the request that caused it. */
export class EvidenceOutboxMetadata1765300000000 implements MigrationInterface {
  name = 'EvidenceOutboxMetadata1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of outboxMetadataSql('evidence').up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of outboxMetadataSql('evidence').down) await runner.query(statement);
  }
}
