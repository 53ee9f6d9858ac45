// Marketplace's copy of the directory of organizations takes the shared shape (ADR 0011,
// libs/shared/organization-directory): each fact remembers when identity stated it, so a late or
// repeated event never overwrites a newer one; an event about an organization not known yet
// leaves a stub (no name, kind or size) that its creation completes; a removed umbrella member
// stays as a row with `member` false, so a late "joined" cannot bring it back. Existing rows keep
// their facts with no date: the next statement about them, of any age, wins.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const M = '"marketplace"';

export class MarketplaceOrganizationDirectory1768000000000 implements MigrationInterface {
  name = 'MarketplaceOrganizationDirectory1768000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${M}."organizations"
      ALTER COLUMN "name" DROP NOT NULL, ALTER COLUMN "kind" DROP NOT NULL, ALTER COLUMN "size" DROP NOT NULL,
      ADD COLUMN "facts_as_of" timestamptz, ADD COLUMN "verified_as_of" timestamptz`);
    await runner.query(`ALTER TABLE ${M}."umbrella_members"
      ADD COLUMN "member" boolean NOT NULL DEFAULT true, ADD COLUMN "as_of" timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM ${M}."umbrella_members" WHERE NOT "member"`);
    await runner.query(`ALTER TABLE ${M}."umbrella_members" DROP COLUMN "member", DROP COLUMN "as_of"`);
    await runner.query(`DELETE FROM ${M}."organizations" o WHERE "kind" IS NULL
      AND NOT EXISTS (SELECT 1 FROM ${M}."skill_needs" n WHERE n."organization_id" = o."id")`);
    await runner.query(`ALTER TABLE ${M}."organizations" DROP COLUMN "facts_as_of", DROP COLUMN "verified_as_of",
      ALTER COLUMN "name" SET NOT NULL, ALTER COLUMN "kind" SET NOT NULL, ALTER COLUMN "size" SET NOT NULL`);
  }
}
