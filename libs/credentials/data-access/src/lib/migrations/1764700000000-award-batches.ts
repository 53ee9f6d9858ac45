import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust: batch issuance. A batch of learners to award one credential to, processed in the
 * background; each item keeps the learner's e-mail only until it is processed (then only its hash).
 */
export class AwardBatches1764700000000 implements MigrationInterface {
  name = 'AwardBatches1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "credentials"."award_batches" (
      "id" uuid PRIMARY KEY,
      "credential_id" uuid NOT NULL REFERENCES "credentials"."credentials"("id"),
      "issuer_id" uuid NOT NULL,
      "issuer_name" text NOT NULL DEFAULT '',
      "created_by" uuid NOT NULL,
      "status" text NOT NULL DEFAULT 'QUEUED' CHECK ("status" IN ('QUEUED', 'RUNNING', 'DONE')),
      "total" integer NOT NULL CHECK ("total" BETWEEN 1 AND 1000),
      "succeeded" integer NOT NULL DEFAULT 0,
      "failed" integer NOT NULL DEFAULT 0,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "finished_at" timestamptz,
      CHECK ("succeeded" + "failed" <= "total")
    )`);
    await runner.query(
      `CREATE INDEX "award_batches_issuer_idx" ON "credentials"."award_batches" ("issuer_id", "created_at")`,
    );

    await runner.query(`CREATE TABLE "credentials"."award_batch_items" (
      "batch_id" uuid NOT NULL REFERENCES "credentials"."award_batches"("id") ON DELETE CASCADE,
      "position" integer NOT NULL CHECK ("position" >= 0),
      "recipient_email" text,
      "recipient_email_hash" text NOT NULL,
      "recipient_name" text NOT NULL,
      "score" numeric(5, 2) NOT NULL,
      "attempt" integer NOT NULL,
      "evidence" jsonb NOT NULL DEFAULT '[]'::jsonb,
      "status" text NOT NULL DEFAULT 'PENDING' CHECK ("status" IN ('PENDING', 'AWARDED', 'FAILED')),
      "award_id" uuid REFERENCES "credentials"."awards"("id"),
      "error_code" text,
      "error_message" text,
      "processed_at" timestamptz,
      PRIMARY KEY ("batch_id", "position"),
      -- The clear e-mail is kept only while the item waits to be processed.
      CHECK (("status" = 'PENDING') = ("recipient_email" IS NOT NULL))
    )`);
    await runner.query(
      `CREATE INDEX "award_batch_items_pending_idx" ON "credentials"."award_batch_items" ("batch_id", "position") WHERE "status" = 'PENDING'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "credentials"."award_batch_items"`);
    await runner.query(`DROP TABLE "credentials"."award_batches"`);
  }
}
