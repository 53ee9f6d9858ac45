import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pathways as data: a larger credential or program earned by completing a set of published
 * micro-credentials (all of them, or n of them, optionally in order and with minimum scores),
 * possibly from several institutions; and recognitions: an institution declaring that another
 * institution's credential counts toward one of its pathways or for credit.
 */
export class Pathways1765200000000 implements MigrationInterface {
  name = 'Pathways1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "credentials"."pathways" (
        "id" uuid PRIMARY KEY,
        "owner_id" uuid NOT NULL,
        "title" text NOT NULL,
        "description" text,
        "target_credential_id" uuid REFERENCES "credentials"."credentials"("id"),
        "rule" text NOT NULL CHECK ("rule" IN ('ALL_OF', 'N_OF')),
        "required_count" integer NOT NULL CHECK ("required_count" >= 1),
        "ordered" boolean NOT NULL,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX "pathways_owner_idx" ON "credentials"."pathways" ("owner_id")`);
    await runner.query(
      `CREATE INDEX "pathways_target_idx" ON "credentials"."pathways" ("target_credential_id")`,
    );
    await runner.query(`
      CREATE TABLE "credentials"."pathway_members" (
        "pathway_id" uuid NOT NULL REFERENCES "credentials"."pathways"("id") ON DELETE CASCADE,
        "credential_id" uuid NOT NULL REFERENCES "credentials"."credentials"("id"),
        "position" integer NOT NULL,
        "min_score" numeric(5,2) CHECK ("min_score" IS NULL OR ("min_score" >= 0 AND "min_score" <= 100)),
        PRIMARY KEY ("pathway_id", "credential_id"),
        UNIQUE ("pathway_id", "position")
      )`);
    await runner.query(
      `CREATE INDEX "pathway_members_credential_idx" ON "credentials"."pathway_members" ("credential_id")`,
    );
    await runner.query(`
      CREATE TABLE "credentials"."recognitions" (
        "id" uuid PRIMARY KEY,
        "institution_id" uuid NOT NULL,
        "credential_id" uuid NOT NULL REFERENCES "credentials"."credentials"("id"),
        "pathway_id" uuid REFERENCES "credentials"."pathways"("id") ON DELETE CASCADE,
        "credit_amount" numeric(6,2) CHECK ("credit_amount" IS NULL OR "credit_amount" > 0),
        "credit_unit" text,
        "conditions" text,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL,
        "withdrawn_at" timestamptz,
        CHECK ("pathway_id" IS NOT NULL OR "credit_amount" IS NOT NULL)
      )`);
    await runner.query(
      `CREATE INDEX "recognitions_credential_idx" ON "credentials"."recognitions" ("credential_id") WHERE "withdrawn_at" IS NULL`,
    );
    await runner.query(
      `CREATE INDEX "recognitions_institution_idx" ON "credentials"."recognitions" ("institution_id")`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "recognitions_standing_key" ON "credentials"."recognitions" ("institution_id", "credential_id", coalesce("pathway_id", '00000000-0000-0000-0000-000000000000')) WHERE "withdrawn_at" IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "credentials"."recognitions"`);
    await runner.query(`DROP TABLE "credentials"."pathway_members"`);
    await runner.query(`DROP TABLE "credentials"."pathways"`);
  }
}
