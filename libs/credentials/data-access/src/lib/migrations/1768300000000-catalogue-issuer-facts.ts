import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue entries carry their issuer's regions (the region and those that hold it) and size,
 * copied from the issuer's recorded profile, so a search filters and counts them from the entry
 * alone instead of joining every profile on every search; CatalogueRepository.recordOrganization
 * writes a changed profile through to the issuer's entries, and the refresh statement (and so the
 * rebuild) derives them. The catalogue's statements are short: no parallel workers for them (on a
 * small machine starting workers costs more than the scan they share). No index on the regions:
 * a region can hold most entries (ON: 79% in the bench data) and ANDing its bitmap with the words' cost more than
 * it saved (bench: 29.5 → 19.2 ms for the scan); the words, or the order's index, bound the rows.
 */
export class CatalogueIssuerFacts1768300000000 implements MigrationInterface {
  name = 'CatalogueIssuerFacts1768300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "credentials"."catalogue_entries" ADD COLUMN "issuer_regions" text[] NOT NULL DEFAULT '{}', ADD COLUMN "issuer_size" text`,
    );
    await runner.query(
      `UPDATE "credentials"."catalogue_entries" e SET "issuer_regions" = ip."regions", "issuer_size" = ip."size"
         FROM "credentials"."organization_profiles" ip WHERE ip."organization_id" = e."issuer_id"`,
    );
    // An issuer's entries, for writing its profile through (and the issuer filter).
    await runner.query(
      `CREATE INDEX "catalogue_entries_issuer_idx" ON "credentials"."catalogue_entries" ("issuer_id")`,
    );
    await runner.query(`ALTER TABLE "credentials"."catalogue_entries" SET (parallel_workers = 0)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "credentials"."catalogue_entries" RESET (parallel_workers)`);
    await runner.query(`DROP INDEX "credentials"."catalogue_entries_issuer_idx"`);
    await runner.query(
      `ALTER TABLE "credentials"."catalogue_entries" DROP COLUMN "issuer_size", DROP COLUMN "issuer_regions"`,
    );
  }
}
