import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Password resets by e-mail, refresh tokens rotated in families, and "sign out everywhere". */
export class IdentityAccounts1766000000000 implements MigrationInterface {
  name = 'IdentityAccounts1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "identity"."users" ADD COLUMN "sessions_valid_after" timestamptz`);
    await runner.query(`CREATE TABLE "identity"."password_resets" (
      "token_hash" text PRIMARY KEY,
      "user_id" uuid NOT NULL REFERENCES "identity"."users"("id") ON DELETE CASCADE,
      "email" text NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE INDEX "password_resets_user_idx" ON "identity"."password_resets" ("user_id", "created_at")`,
    );
    await runner.query(`CREATE TABLE "identity"."refresh_tokens" (
      "token_hash" text PRIMARY KEY,
      "family_id" uuid NOT NULL,
      "user_id" uuid NOT NULL REFERENCES "identity"."users"("id") ON DELETE CASCADE,
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz,
      "revoked_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE INDEX "refresh_tokens_family_idx" ON "identity"."refresh_tokens" ("family_id")`,
    );
    await runner.query(
      `CREATE INDEX "refresh_tokens_live_idx" ON "identity"."refresh_tokens" ("user_id") WHERE "revoked_at" IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "identity"."refresh_tokens"`);
    await runner.query(`DROP TABLE "identity"."password_resets"`);
    await runner.query(`ALTER TABLE "identity"."users" DROP COLUMN "sessions_valid_after"`);
  }
}
