import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Withdrawing a recognition records who withdrew it (the row stays, for the record); and the
 * issuer facts the catalogue filters by (region — with the regions that hold it — and size), as
 * identity stated them when the issuer last published a credential.
 */
export class RecognitionWithdrawal1765340000000 implements MigrationInterface {
  name = 'RecognitionWithdrawal1765340000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "credentials"."recognitions" ADD COLUMN "withdrawn_by" uuid`);
    await runner.query(`
      CREATE TABLE "credentials"."issuer_profiles" (
        "organization_id" uuid PRIMARY KEY,
        "region" text,
        "regions" text[] NOT NULL,
        "size" text,
        "updated_at" timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX "issuer_profiles_regions_idx" ON "credentials"."issuer_profiles" USING gin ("regions")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "credentials"."issuer_profiles"`);
    await runner.query(`ALTER TABLE "credentials"."recognitions" DROP COLUMN "withdrawn_by"`);
  }
}
