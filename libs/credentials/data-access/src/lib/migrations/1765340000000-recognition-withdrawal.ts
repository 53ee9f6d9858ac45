import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Withdrawing a recognition records who withdrew it (the row stays, for the record); and the public
 * facts of the organizations the catalogue shows (name, region — with the regions that hold it —
 * and size), as identity stated them when the organization last published a credential, defined a
 * pathway or recognized one: the public pages show names without asking identity for each.
 */
export class RecognitionWithdrawal1765340000000 implements MigrationInterface {
  name = 'RecognitionWithdrawal1765340000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "credentials"."recognitions" ADD COLUMN "withdrawn_by" uuid`);
    await runner.query(`
      CREATE TABLE "credentials"."organization_profiles" (
        "organization_id" uuid PRIMARY KEY,
        "name" text NOT NULL,
        "region" text,
        "regions" text[] NOT NULL,
        "size" text,
        "updated_at" timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX "organization_profiles_regions_idx" ON "credentials"."organization_profiles" USING gin ("regions")`,
    );

    // A learner's standing awards by their lookup alone (pathway progress, the pathway award's
    // check): the older index leads with the credential.
    await runner.query(
      `CREATE INDEX "awards_standing_lookup_idx" ON "credentials"."awards" ("recipient_lookup", "credential_id") WHERE "status" = 'ACTIVE'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "credentials"."awards_standing_lookup_idx"`);
    await runner.query(`DROP TABLE "credentials"."organization_profiles"`);
    await runner.query(`ALTER TABLE "credentials"."recognitions" DROP COLUMN "withdrawn_by"`);
  }
}
