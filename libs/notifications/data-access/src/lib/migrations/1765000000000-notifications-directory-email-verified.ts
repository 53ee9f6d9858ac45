import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory knows who proved their address, so what is sent by address reaches only its owner. */
export class NotificationsDirectoryEmailVerified1765000000000 implements MigrationInterface {
  name = 'NotificationsDirectoryEmailVerified1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "notifications"."directory_users" ADD COLUMN "email_verified" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "notifications"."directory_users" DROP COLUMN "email_verified"`);
  }
}
