import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REFRESH_CATALOGUE_SQL_WITHOUT_ISSUER_FACTS } from '../catalogue.sql';

/**
 * The public catalogue: one searchable entry per published credential, derived from the
 * credential, the design version it was published from, its endorsements and sponsorships, and
 * kept current in the same transaction as every step that changes them. Full text per language
 * (English or French stemming, accents folded), facets as plain columns.
 */
export class Catalogue1765100000000 implements MigrationInterface {
  name = 'Catalogue1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`);
    await runner.query(`
      CREATE TABLE "credentials"."catalogue_entries" (
        "credential_id" uuid PRIMARY KEY REFERENCES "credentials"."credentials"("id") ON DELETE CASCADE,
        "issuer_id" uuid NOT NULL,
        "title" text NOT NULL,
        "description" text,
        "language" text NOT NULL,
        "delivery_mode" text,
        "hours" numeric,
        "price" numeric,
        "credit" boolean,
        "transcriptable" boolean,
        "career_stage" text,
        "skill_ids" uuid[] NOT NULL,
        "assessment_methods" text[] NOT NULL,
        "endorsement_count" integer NOT NULL,
        "endorser_sectors" text[] NOT NULL,
        "sponsor_ids" uuid[] NOT NULL,
        "retired" boolean NOT NULL,
        "published_at" timestamptz NOT NULL,
        "document" tsvector NOT NULL,
        "refreshed_at" timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX "catalogue_entries_document_idx" ON "credentials"."catalogue_entries" USING gin ("document")`,
    );
    await runner.query(
      `CREATE INDEX "catalogue_entries_skills_idx" ON "credentials"."catalogue_entries" USING gin ("skill_ids")`,
    );
    await runner.query(
      `CREATE INDEX "catalogue_entries_sectors_idx" ON "credentials"."catalogue_entries" USING gin ("endorser_sectors")`,
    );
    await runner.query(
      `CREATE INDEX "catalogue_entries_sponsors_idx" ON "credentials"."catalogue_entries" USING gin ("sponsor_ids")`,
    );
    await runner.query(
      `CREATE INDEX "catalogue_entries_newest_idx" ON "credentials"."catalogue_entries" ("published_at" DESC, "credential_id" DESC) WHERE NOT "retired"`,
    );
    await runner.query(
      `CREATE INDEX "catalogue_entries_endorsed_idx" ON "credentials"."catalogue_entries" ("endorsement_count" DESC, "credential_id" DESC) WHERE NOT "retired"`,
    );
    await runner.query(REFRESH_CATALOGUE_SQL_WITHOUT_ISSUER_FACTS, [null]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "credentials"."catalogue_entries"`);
  }
}
