import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys for integrators (issue 12): organization-scoped, with a role; only the SHA-256 of the
 * secret is kept. `public_id` is the visible part of the key (lat_<public_id>_<secret>).
 */
export class IdentityApiKeys1766300000000 implements MigrationInterface {
  name = 'IdentityApiKeys1766300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "identity"."api_keys" (
      "id" uuid PRIMARY KEY,
      "public_id" text NOT NULL UNIQUE,
      "organization_id" uuid NOT NULL REFERENCES "identity"."organizations"("id") ON DELETE CASCADE,
      "name" text NOT NULL,
      "role" text NOT NULL CHECK ("role" IN ('MEMBER', 'ADMIN')),
      "secret_hash" text NOT NULL,
      "created_by" uuid NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "expires_at" timestamptz NOT NULL,
      "last_used_at" timestamptz,
      "revoked_at" timestamptz,
      "revoked_by" uuid,
      "version" integer NOT NULL DEFAULT 1
    )`);
    await runner.query(
      `CREATE INDEX "api_keys_org_idx" ON "identity"."api_keys" ("organization_id", "created_at" DESC)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "identity"."api_keys"`);
  }
}
