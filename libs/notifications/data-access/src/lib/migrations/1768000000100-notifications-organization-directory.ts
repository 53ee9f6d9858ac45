// Notifications' copy of the directory of organizations takes the shared shape (ADR 0011,
// libs/shared/organization-directory): the same facts as every other copy (size, region, sector,
// verified), each remembering when identity stated it, stubs for events that beat an
// organization's creation, and removed umbrella members kept with `member` false so a late
// "joined" cannot bring them back. Existing rows keep their names and kinds with no date.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const N = '"notifications"';

export class NotificationsOrganizationDirectory1768000000100 implements MigrationInterface {
  name = 'NotificationsOrganizationDirectory1768000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${N}."directory_organizations"
      ALTER COLUMN "name" DROP NOT NULL, ALTER COLUMN "kind" DROP NOT NULL,
      ADD COLUMN "size" text, ADD COLUMN "region" text, ADD COLUMN "sector" text,
      ADD COLUMN "verified" boolean NOT NULL DEFAULT false,
      ADD COLUMN "facts_as_of" timestamptz, ADD COLUMN "verified_as_of" timestamptz`);
    await runner.query(`ALTER TABLE ${N}."directory_umbrella_members"
      ADD COLUMN "member" boolean NOT NULL DEFAULT true, ADD COLUMN "as_of" timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM ${N}."directory_umbrella_members" WHERE NOT "member"`);
    await runner.query(
      `ALTER TABLE ${N}."directory_umbrella_members" DROP COLUMN "member", DROP COLUMN "as_of"`,
    );
    await runner.query(`DELETE FROM ${N}."directory_organizations" WHERE "kind" IS NULL`);
    await runner.query(`ALTER TABLE ${N}."directory_organizations"
      DROP COLUMN "size", DROP COLUMN "region", DROP COLUMN "sector", DROP COLUMN "verified",
      DROP COLUMN "facts_as_of", DROP COLUMN "verified_as_of",
      ALTER COLUMN "name" SET NOT NULL, ALTER COLUMN "kind" SET NOT NULL`);
  }
}
