import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@lattice/shared-data-access';

export class IdentityInitial1764300000000 implements MigrationInterface {
  name = 'IdentityInitial1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await runner.query(`CREATE TABLE "identity"."users" (
      "id" uuid PRIMARY KEY,
      "email" text NOT NULL CHECK (length("email") BETWEEN 3 AND 254),
      "name" text NOT NULL CHECK (length("name") BETWEEN 1 AND 200),
      "password_hash" text NOT NULL,
      "locale" text NOT NULL CHECK ("locale" IN ('en', 'fr')),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1
    )`);
    await runner.query(`CREATE UNIQUE INDEX "users_email_key" ON "identity"."users" (lower("email"))`);
    await runner.query(`CREATE TABLE "identity"."organizations" (
      "id" uuid PRIMARY KEY,
      "name" text NOT NULL CHECK (length("name") BETWEEN 2 AND 200),
      "kind" text NOT NULL CHECK ("kind" IN ('EMPLOYER', 'INSTITUTION', 'UMBRELLA', 'COMMUNITY', 'OPERATOR')),
      "size" text NOT NULL CHECK ("size" IN ('SMALL', 'MEDIUM', 'LARGE')),
      "region" text,
      "sector" text,
      "website" text,
      "verified" boolean NOT NULL DEFAULT false,
      "verified_at" timestamptz,
      "created_by" uuid REFERENCES "identity"."users"("id") ON DELETE SET NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1
    )`);
    await runner.query(
      `CREATE INDEX "organizations_kind_idx" ON "identity"."organizations" ("kind", "name", "id")`,
    );
    await runner.query(`CREATE INDEX "organizations_region_idx" ON "identity"."organizations" ("region")`);
    await runner.query(
      `CREATE INDEX "organizations_name_trgm_idx" ON "identity"."organizations" USING gin ("name" gin_trgm_ops)`,
    );
    await runner.query(`CREATE INDEX "organizations_page_idx" ON "identity"."organizations" ("name", "id")`);
    await runner.query(`CREATE TABLE "identity"."memberships" (
      "id" uuid PRIMARY KEY,
      "user_id" uuid NOT NULL REFERENCES "identity"."users"("id") ON DELETE CASCADE,
      "organization_id" uuid NOT NULL REFERENCES "identity"."organizations"("id") ON DELETE CASCADE,
      "role" text NOT NULL CHECK ("role" IN ('OWNER', 'ADMIN', 'MEMBER')),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "memberships_user_org_key" UNIQUE ("user_id", "organization_id")
    )`);
    await runner.query(`CREATE INDEX "memberships_org_idx" ON "identity"."memberships" ("organization_id")`);
    await runner.query(`CREATE TABLE "identity"."invitations" (
      "id" uuid PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "identity"."organizations"("id") ON DELETE CASCADE,
      "email" text NOT NULL,
      "role" text NOT NULL CHECK ("role" IN ('OWNER', 'ADMIN', 'MEMBER')),
      "token_hash" text NOT NULL CONSTRAINT "invitations_token_key" UNIQUE,
      "invited_by" uuid NOT NULL REFERENCES "identity"."users"("id"),
      "expires_at" timestamptz NOT NULL,
      "accepted_at" timestamptz,
      "accepted_by" uuid REFERENCES "identity"."users"("id"),
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE INDEX "invitations_org_idx" ON "identity"."invitations" ("organization_id", "created_at")`,
    );
    await runner.query(`CREATE TABLE "identity"."umbrella_members" (
      "umbrella_id" uuid NOT NULL REFERENCES "identity"."organizations"("id") ON DELETE CASCADE,
      "organization_id" uuid NOT NULL REFERENCES "identity"."organizations"("id") ON DELETE CASCADE,
      "joined_by" uuid NOT NULL REFERENCES "identity"."users"("id"),
      "joined_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("umbrella_id", "organization_id"),
      CHECK ("umbrella_id" <> "organization_id")
    )`);
    await runner.query(
      `CREATE INDEX "umbrella_members_org_idx" ON "identity"."umbrella_members" ("organization_id")`,
    );
    for (const statement of outboxTableSql('identity').up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of outboxTableSql('identity').down) await runner.query(statement);
    await runner.query(`DROP TABLE "identity"."umbrella_members"`);
    await runner.query(`DROP TABLE "identity"."invitations"`);
    await runner.query(`DROP TABLE "identity"."memberships"`);
    await runner.query(`DROP TABLE "identity"."organizations"`);
    await runner.query(`DROP TABLE "identity"."users"`);
  }
}
