import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users prove they read mail at their address: single-use links, kept as hashes. */
export class IdentityEmailVerification1765000000000 implements MigrationInterface {
  name = 'IdentityEmailVerification1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "identity"."users" ADD COLUMN "email_verified_at" timestamptz`);
    await runner.query(`CREATE TABLE "identity"."email_verifications" (
      "token_hash" text PRIMARY KEY,
      "user_id" uuid NOT NULL REFERENCES "identity"."users"("id") ON DELETE CASCADE,
      "email" text NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE INDEX "email_verifications_user_idx" ON "identity"."email_verifications" ("user_id", "created_at")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "identity"."email_verifications"`);
    await runner.query(`ALTER TABLE "identity"."users" DROP COLUMN "email_verified_at"`);
  }
}
