import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An inbox row keeps its text as data too (a code and its parameters), for the app to word in the reader's language. */
export class NotificationsInboxCodeParams1767700000000 implements MigrationInterface {
  name = 'NotificationsInboxCodeParams1767700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "notifications"."notifications" ADD COLUMN "code" text, ADD COLUMN "params" jsonb`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "notifications"."notifications" DROP COLUMN "params", DROP COLUMN "code"`,
    );
  }
}
