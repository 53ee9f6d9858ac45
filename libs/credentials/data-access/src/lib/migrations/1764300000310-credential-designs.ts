import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SHIPPED_FRAMEWORKS } from './shipped-frameworks';

const STAGES = `('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'RETIRED')`;

/** Co-development: designs with their versions, comments, approvals and stage history; published credentials; the shipped frameworks. */
export class CredentialDesigns1764300000310 implements MigrationInterface {
  name = 'CredentialDesigns1764300000310';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "credentials"."designs" (
      "id" uuid PRIMARY KEY,
      "issuer_id" uuid NOT NULL,
      "title" text NOT NULL CHECK (length("title") BETWEEN 1 AND 200),
      "framework_id" uuid NOT NULL REFERENCES "credentials"."frameworks"("id"),
      "partnership_id" uuid,
      "partner_ids" uuid[] NOT NULL DEFAULT '{}',
      "content" jsonb NOT NULL,
      "stage" text NOT NULL CHECK ("stage" IN ${STAGES}),
      "version" integer NOT NULL CHECK ("version" >= 1),
      "review_due_at" timestamptz,
      "overdue_notified_version" integer,
      "checked_framework_id" uuid REFERENCES "credentials"."frameworks"("id"),
      "checked_at" timestamptz,
      "checked_passed" boolean,
      "created_by" uuid NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE INDEX "designs_issuer_idx" ON "credentials"."designs" ("issuer_id", "created_at" DESC, "id" DESC)`,
    );
    await runner.query(
      `CREATE INDEX "designs_partners_idx" ON "credentials"."designs" USING gin ("partner_ids")`,
    );
    await runner.query(
      `CREATE INDEX "designs_review_due_idx" ON "credentials"."designs" ("review_due_at") WHERE "stage" = 'IN_REVIEW'`,
    );

    await runner.query(`CREATE TABLE "credentials"."design_versions" (
      "design_id" uuid NOT NULL REFERENCES "credentials"."designs"("id") ON DELETE CASCADE,
      "version" integer NOT NULL,
      "snapshot" jsonb NOT NULL,
      "author_id" uuid NOT NULL,
      "summary" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY ("design_id", "version")
    )`);

    await runner.query(`CREATE TABLE "credentials"."design_comments" (
      "id" uuid PRIMARY KEY,
      "design_id" uuid NOT NULL REFERENCES "credentials"."designs"("id") ON DELETE CASCADE,
      "parent_id" uuid REFERENCES "credentials"."design_comments"("id") ON DELETE CASCADE,
      "field" text,
      "body" text NOT NULL CHECK (length("body") BETWEEN 1 AND 5000),
      "design_version" integer NOT NULL,
      "author_id" uuid NOT NULL,
      "resolved_at" timestamptz,
      "resolved_by" uuid,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await runner.query(
      `CREATE INDEX "design_comments_design_idx" ON "credentials"."design_comments" ("design_id", "created_at")`,
    );

    await runner.query(`CREATE TABLE "credentials"."design_approvals" (
      "design_id" uuid NOT NULL REFERENCES "credentials"."designs"("id") ON DELETE CASCADE,
      "organization_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "approved_by" uuid NOT NULL,
      "approved_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "withdrawn_at" timestamptz,
      PRIMARY KEY ("design_id", "organization_id", "version")
    )`);

    await runner.query(`CREATE TABLE "credentials"."design_stage_history" (
      "id" bigserial PRIMARY KEY,
      "design_id" uuid NOT NULL REFERENCES "credentials"."designs"("id") ON DELETE CASCADE,
      "stage" text NOT NULL CHECK ("stage" IN ${STAGES}),
      "version" integer NOT NULL,
      "entered_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "left_at" timestamptz,
      "actor_id" uuid NOT NULL
    )`);
    await runner.query(
      `CREATE INDEX "design_stage_history_design_idx" ON "credentials"."design_stage_history" ("design_id", "id")`,
    );
    // One open visit per design: the current stage.
    await runner.query(
      `CREATE UNIQUE INDEX "design_stage_history_open_key" ON "credentials"."design_stage_history" ("design_id") WHERE "left_at" IS NULL`,
    );

    await runner.query(`CREATE TABLE "credentials"."credentials" (
      "id" uuid PRIMARY KEY,
      "design_id" uuid NOT NULL REFERENCES "credentials"."designs"("id") CONSTRAINT "credentials_design_key" UNIQUE,
      "title" text NOT NULL,
      "issuer_id" uuid NOT NULL,
      "design_version" integer NOT NULL,
      "framework_id" uuid NOT NULL REFERENCES "credentials"."frameworks"("id"),
      "published_by" uuid NOT NULL,
      "published_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE INDEX "credentials_issuer_idx" ON "credentials"."credentials" ("issuer_id", "published_at" DESC, "id" DESC)`,
    );
    await runner.query(
      `CREATE INDEX "credentials_page_idx" ON "credentials"."credentials" ("published_at" DESC, "id" DESC)`,
    );

    for (const framework of SHIPPED_FRAMEWORKS) {
      await runner.query(
        `INSERT INTO "credentials"."frameworks" ("id", "key", "name", "version", "publisher", "description", "rules") VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
        [
          framework.id,
          framework.key,
          framework.name,
          framework.version,
          framework.publisher,
          framework.description,
          JSON.stringify(framework.rules),
        ],
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "credentials"."credentials"`);
    await runner.query(`DROP TABLE "credentials"."design_stage_history"`);
    await runner.query(`DROP TABLE "credentials"."design_approvals"`);
    await runner.query(`DROP TABLE "credentials"."design_comments"`);
    await runner.query(`DROP TABLE "credentials"."design_versions"`);
    await runner.query(`DROP TABLE "credentials"."designs"`);
    await runner.query(`DELETE FROM "credentials"."frameworks" WHERE "id" = ANY($1::uuid[])`, [
      SHIPPED_FRAMEWORKS.map((f) => f.id),
    ]);
  }
}
