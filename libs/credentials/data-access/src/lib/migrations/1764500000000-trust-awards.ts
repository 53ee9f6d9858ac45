import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Trust: issuers' signing keys (sealed), one Bitstring Status List per issuer, and awards with their signed credentials. */
export class TrustAwards1764500000000 implements MigrationInterface {
  name = 'TrustAwards1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "credentials"."issuer_keys" (
      "organization_id" uuid NOT NULL,
      "sequence" integer NOT NULL CHECK ("sequence" >= 1),
      "issuer_name" text NOT NULL,
      "record" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY ("organization_id", "sequence")
    )`);

    await runner.query(`CREATE TABLE "credentials"."status_lists" (
      "id" uuid PRIMARY KEY,
      "issuer_id" uuid NOT NULL CONSTRAINT "status_lists_issuer_key" UNIQUE,
      "encoded_list" text NOT NULL,
      "capacity" integer NOT NULL CHECK ("capacity" >= 131072),
      "next_index" integer NOT NULL DEFAULT 0 CHECK ("next_index" >= 0),
      "version" integer NOT NULL DEFAULT 1 CHECK ("version" >= 1),
      "signed_credential" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "updated_at" timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);

    await runner.query(`CREATE TABLE "credentials"."awards" (
      "id" uuid PRIMARY KEY,
      "credential_id" uuid NOT NULL REFERENCES "credentials"."credentials"("id"),
      "issuer_id" uuid NOT NULL,
      "recipient_email_hash" text NOT NULL,
      "recipient_salt" text NOT NULL,
      "recipient_lookup" text NOT NULL,
      "recipient_name" text NOT NULL CHECK (length("recipient_name") BETWEEN 1 AND 200),
      "score" numeric(5, 2) NOT NULL CHECK ("score" BETWEEN 0 AND 100),
      "attempt" integer NOT NULL CHECK ("attempt" >= 1),
      "evidence" jsonb NOT NULL DEFAULT '[]',
      "status" text NOT NULL DEFAULT 'ACTIVE' CHECK ("status" IN ('ACTIVE', 'REVOKED')),
      "revoked_reason" text,
      "revoked_at" timestamptz,
      "revoked_by" uuid,
      "status_list_id" uuid NOT NULL REFERENCES "credentials"."status_lists"("id"),
      "status_list_index" integer NOT NULL CHECK ("status_list_index" >= 0),
      "signed_credential" jsonb NOT NULL,
      "awarded_by" uuid NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "awards_status_entry_key" UNIQUE ("status_list_id", "status_list_index"),
      CONSTRAINT "awards_revocation_check" CHECK (("status" = 'REVOKED') = ("revoked_at" IS NOT NULL))
    )`);
    await runner.query(
      `CREATE INDEX "awards_recipient_idx" ON "credentials"."awards" ("credential_id", "recipient_lookup")`,
    );
    // At most one standing award of a credential per recipient.
    await runner.query(
      `CREATE UNIQUE INDEX "awards_active_recipient_key" ON "credentials"."awards" ("credential_id", "recipient_lookup") WHERE "status" = 'ACTIVE'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "credentials"."awards"`);
    await runner.query(`DROP TABLE "credentials"."status_lists"`);
    await runner.query(`DROP TABLE "credentials"."issuer_keys"`);
  }
}
