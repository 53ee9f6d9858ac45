import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Constant-path password reset (issue 12): a request for an address without an account writes
 * the same reset row as a real one, inside a savepoint that is then rolled back. Its user does not
 * exist, so the foreign key is made deferrable: both paths defer it inside their savepoint (a real
 * row is still checked, at commit), and the decoy's row is gone before anything checks it.
 */
export class IdentityPasswordResetDecoy1767201000000 implements MigrationInterface {
  name = 'IdentityPasswordResetDecoy1767201000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "identity"."password_resets" ALTER CONSTRAINT "password_resets_user_id_fkey" DEFERRABLE INITIALLY IMMEDIATE`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "identity"."password_resets" ALTER CONSTRAINT "password_resets_user_id_fkey" NOT DEFERRABLE`,
    );
  }
}
