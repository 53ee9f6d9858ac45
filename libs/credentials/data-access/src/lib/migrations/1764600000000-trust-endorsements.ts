import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Trust: endorsements of published credentials (signed), umbrella sponsorships and institutions' adoptions of shared credentials. */
export class TrustEndorsements1764600000000 implements MigrationInterface {
  name = 'TrustEndorsements1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "credentials"."endorsements" (
      "id" uuid PRIMARY KEY,
      "credential_id" uuid NOT NULL REFERENCES "credentials"."credentials"("id"),
      "organization_id" uuid NOT NULL,
      "in_demand" boolean NOT NULL,
      "assessment_reflects_job_performance" boolean NOT NULL,
      "comment" text CHECK (length("comment") <= 2000),
      "signed_credential" jsonb NOT NULL,
      "created_by" uuid NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "withdrawn_at" timestamptz,
      "withdrawn_by" uuid
    )`);
    await runner.query(
      `CREATE INDEX "endorsements_credential_idx" ON "credentials"."endorsements" ("credential_id")`,
    );
    // One standing endorsement per organization and credential; a withdrawn one may be followed by a new one.
    await runner.query(
      `CREATE UNIQUE INDEX "endorsements_active_key" ON "credentials"."endorsements" ("credential_id", "organization_id") WHERE "withdrawn_at" IS NULL`,
    );

    await runner.query(`CREATE TABLE "credentials"."sponsorships" (
      "id" uuid PRIMARY KEY,
      "credential_id" uuid NOT NULL REFERENCES "credentials"."credentials"("id"),
      "umbrella_id" uuid NOT NULL,
      "created_by" uuid NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "sponsorships_credential_umbrella_key" UNIQUE ("credential_id", "umbrella_id")
    )`);

    await runner.query(`CREATE TABLE "credentials"."adoptions" (
      "id" uuid PRIMARY KEY,
      "credential_id" uuid NOT NULL REFERENCES "credentials"."credentials"("id"),
      "institution_id" uuid NOT NULL,
      "umbrella_id" uuid NOT NULL,
      "created_by" uuid NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "adoptions_credential_institution_key" UNIQUE ("credential_id", "institution_id")
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "credentials"."adoptions"`);
    await runner.query(`DROP TABLE "credentials"."sponsorships"`);
    await runner.query(`DROP TABLE "credentials"."endorsements"`);
  }
}
