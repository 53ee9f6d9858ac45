import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust: the endorser's sector. Credentials list endorsers grouped by the NAICS sector of their
 * organization, which identity owns; the code is taken from identity when the endorsement is made
 * (with the endorser's token) and kept with it, as the signed endorsement keeps the name. NULL
 * when the organization stated none, and for endorsements made before this column.
 */
export class EndorserSector1764900000000 implements MigrationInterface {
  name = 'EndorserSector1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "credentials"."endorsements" ADD COLUMN "endorser_sector" text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "credentials"."endorsements" DROP COLUMN "endorser_sector"`);
  }
}
