import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@lattice/shared-data-access';

export class NotificationsInitial1764300000100 implements MigrationInterface {
  name = 'NotificationsInitial1764300000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "notifications"."processed_events" (
      "event_id" uuid NOT NULL,
      "consumer" text NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("event_id", "consumer")
    )`);
    await runner.query(`CREATE TABLE "notifications"."directory_users" (
      "id" uuid PRIMARY KEY, "email" text NOT NULL, "name" text NOT NULL, "locale" text NOT NULL
    )`);
    await runner.query(
      `CREATE INDEX "directory_users_email_idx" ON "notifications"."directory_users" (lower("email"))`,
    );
    await runner.query(`CREATE TABLE "notifications"."directory_organizations" (
      "id" uuid PRIMARY KEY, "name" text NOT NULL, "kind" text NOT NULL
    )`);
    await runner.query(`CREATE TABLE "notifications"."directory_memberships" (
      "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role" text NOT NULL,
      PRIMARY KEY ("user_id", "organization_id")
    )`);
    await runner.query(
      `CREATE INDEX "directory_memberships_org_idx" ON "notifications"."directory_memberships" ("organization_id")`,
    );
    await runner.query(`CREATE TABLE "notifications"."notifications" (
      "id" uuid PRIMARY KEY,
      "user_id" uuid NOT NULL,
      "event_id" uuid NOT NULL,
      "type" text NOT NULL,
      "title" text NOT NULL,
      "body" text NOT NULL,
      "link" text,
      "read_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "notifications_event_user_key" UNIQUE ("event_id", "user_id")
    )`);
    await runner.query(
      `CREATE INDEX "notifications_inbox_idx" ON "notifications"."notifications" ("user_id", "created_at" DESC, "id" DESC)`,
    );
    await runner.query(
      `CREATE INDEX "notifications_unread_idx" ON "notifications"."notifications" ("user_id") WHERE "read_at" IS NULL`,
    );
    for (const statement of outboxTableSql('notifications').up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of outboxTableSql('notifications').down) await runner.query(statement);
    for (const table of [
      'notifications',
      'directory_memberships',
      'directory_organizations',
      'directory_users',
      'processed_events',
    ]) {
      await runner.query(`DROP TABLE "notifications"."${table}"`);
    }
  }
}
