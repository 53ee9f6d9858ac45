import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@lattice/shared-data-access';

export class CredentialsInitial1764300000300 implements MigrationInterface {
  name = 'CredentialsInitial1764300000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "credentials"."frameworks" (
      "id" uuid PRIMARY KEY,
      "key" text NOT NULL,
      "name" text NOT NULL,
      "version" text NOT NULL,
      "publisher" text NOT NULL,
      "description" text NOT NULL,
      "rules" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "frameworks_key_version_key" UNIQUE ("key", "version")
    )`);
    for (const statement of outboxTableSql('credentials').up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of outboxTableSql('credentials').down) await runner.query(statement);
    await runner.query(`DROP TABLE "credentials"."frameworks"`);
  }
}
