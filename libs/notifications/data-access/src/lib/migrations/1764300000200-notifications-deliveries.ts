import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Routing and delivery: routed events, one row per (event, recipient, channel), preferences, webhooks, umbrella links. */
export class NotificationsDeliveries1764300000200 implements MigrationInterface {
  name = 'NotificationsDeliveries1764300000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "notifications"."directory_umbrella_members" (
      "umbrella_id" uuid NOT NULL, "organization_id" uuid NOT NULL,
      PRIMARY KEY ("umbrella_id", "organization_id")
    )`);
    await runner.query(
      `CREATE INDEX "directory_umbrella_members_org_idx" ON "notifications"."directory_umbrella_members" ("organization_id")`,
    );
    await runner.query(`CREATE TABLE "notifications"."routed_events" (
      "event_id" uuid PRIMARY KEY,
      "type" text NOT NULL,
      "source" text NOT NULL,
      "actor_id" uuid,
      "occurred_at" timestamptz NOT NULL,
      "payload" jsonb NOT NULL,
      "routed_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE "notifications"."deliveries" (
      "id" uuid PRIMARY KEY,
      "event_id" uuid NOT NULL REFERENCES "notifications"."routed_events" ("event_id") ON DELETE CASCADE,
      "recipient" uuid NOT NULL,
      "channel" text NOT NULL CHECK ("channel" IN ('IN_APP', 'EMAIL', 'WEBHOOK')),
      "status" text NOT NULL CHECK ("status" IN ('PENDING', 'SENDING', 'SENT', 'DIGEST', 'SKIPPED', 'DEAD')),
      "attempts" integer NOT NULL DEFAULT 0,
      "lease_until" timestamptz,
      "sweeps" integer NOT NULL DEFAULT 0,
      "last_error" text,
      "last_status_code" integer,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "sent_at" timestamptz,
      CONSTRAINT "deliveries_event_recipient_channel_key" UNIQUE ("event_id", "recipient", "channel")
    )`);
    await runner.query(
      `CREATE INDEX "deliveries_unfinished_idx" ON "notifications"."deliveries" ("created_at") WHERE "status" IN ('PENDING', 'SENDING')`,
    );
    await runner.query(
      `CREATE INDEX "deliveries_digest_idx" ON "notifications"."deliveries" ("recipient", "created_at") WHERE "status" = 'DIGEST'`,
    );
    await runner.query(
      `CREATE INDEX "deliveries_log_idx" ON "notifications"."deliveries" ("recipient", "created_at" DESC, "id" DESC) WHERE "channel" = 'WEBHOOK'`,
    );
    await runner.query(`CREATE TABLE "notifications"."notification_preferences" (
      "user_id" uuid NOT NULL,
      "event_type" text NOT NULL,
      "channel" text NOT NULL CHECK ("channel" IN ('IN_APP', 'EMAIL')),
      "enabled" boolean NOT NULL,
      "email_mode" text CHECK ("email_mode" IN ('IMMEDIATE', 'DAILY_DIGEST', 'OFF')),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("user_id", "event_type", "channel")
    )`);
    await runner.query(`CREATE TABLE "notifications"."webhook_subscriptions" (
      "id" uuid PRIMARY KEY,
      "organization_id" uuid NOT NULL,
      "url" text NOT NULL,
      "events" text[] NOT NULL,
      "secret_ciphertext" text NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "created_by" uuid NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE INDEX "webhook_subscriptions_org_idx" ON "notifications"."webhook_subscriptions" ("organization_id") WHERE "active"`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'webhook_subscriptions',
      'notification_preferences',
      'deliveries',
      'routed_events',
      'directory_umbrella_members',
    ]) {
      await runner.query(`DROP TABLE "notifications"."${table}"`);
    }
  }
}
