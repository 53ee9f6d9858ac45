// The exchange's tables: the skills taxonomy (ESCO and Skills for Success), the directory of
// organizations fed by identity's events, skill needs, capability profiles and partnerships.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MarketplaceExchange1764300000210 implements MigrationInterface {
  name = 'MarketplaceExchange1764300000210';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await runner.query(`CREATE TABLE "marketplace"."skills" (
      "id" uuid PRIMARY KEY,
      "uri" text NOT NULL CONSTRAINT "skills_uri_key" UNIQUE,
      "framework" text NOT NULL CHECK ("framework" IN ('ESCO', 'SFS')),
      "kind" text NOT NULL CHECK ("kind" IN ('SKILL', 'KNOWLEDGE', 'SKILL_GROUP')),
      "code" text,
      "label_en" text NOT NULL,
      "label_fr" text,
      "alt_labels_en" text[] NOT NULL DEFAULT '{}',
      "alt_labels_fr" text[] NOT NULL DEFAULT '{}',
      "description_en" text,
      "description_fr" text,
      "skill_type" text,
      "reuse_level" text,
      "collections" text[] NOT NULL DEFAULT '{}',
      "search_text" text NOT NULL,
      "imported_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE INDEX "skills_search_trgm_idx" ON "marketplace"."skills" USING gin ("search_text" gin_trgm_ops)`,
    );
    await runner.query(`CREATE INDEX "skills_label_page_idx" ON "marketplace"."skills" ("label_en", "id")`);
    await runner.query(`CREATE INDEX "skills_framework_idx" ON "marketplace"."skills" ("framework", "kind")`);
    await runner.query(`CREATE TABLE "marketplace"."skill_broader" (
      "skill_id" uuid NOT NULL REFERENCES "marketplace"."skills"("id") ON DELETE CASCADE,
      "broader_id" uuid NOT NULL REFERENCES "marketplace"."skills"("id") ON DELETE CASCADE,
      PRIMARY KEY ("skill_id", "broader_id")
    )`);
    await runner.query(
      `CREATE INDEX "skill_broader_broader_idx" ON "marketplace"."skill_broader" ("broader_id", "skill_id")`,
    );
    // Every group a skill sits under (through any path), with the group's depth; "nearest" marks
    // the skill's most specific groups. A needed skill is "related" to a taught one when one of
    // its nearest groups holds the taught skill. Skills for Success act as groups of the ESCO
    // skills mapped to them, so a need in one framework meets an offer in the other.
    await runner.query(`CREATE TABLE "marketplace"."skill_groups" (
      "skill_id" uuid NOT NULL REFERENCES "marketplace"."skills"("id") ON DELETE CASCADE,
      "group_id" uuid NOT NULL REFERENCES "marketplace"."skills"("id") ON DELETE CASCADE,
      "level" smallint NOT NULL,
      "nearest" boolean NOT NULL DEFAULT false,
      PRIMARY KEY ("skill_id", "group_id")
    )`);
    await runner.query(
      `CREATE INDEX "skill_groups_group_idx" ON "marketplace"."skill_groups" ("group_id", "skill_id")`,
    );

    await runner.query(`CREATE TABLE "marketplace"."processed_events" (
      "event_id" uuid NOT NULL,
      "consumer" text NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("event_id", "consumer")
    )`);
    await runner.query(`CREATE TABLE "marketplace"."organizations" (
      "id" uuid PRIMARY KEY,
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "size" text NOT NULL,
      "region" text,
      "sector" text,
      "verified" boolean NOT NULL DEFAULT false,
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE "marketplace"."umbrella_members" (
      "umbrella_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      PRIMARY KEY ("umbrella_id", "organization_id")
    )`);

    await runner.query(`CREATE TABLE "marketplace"."skill_needs" (
      "id" uuid PRIMARY KEY,
      "seq" bigserial NOT NULL CONSTRAINT "skill_needs_seq_key" UNIQUE,
      "organization_id" uuid NOT NULL REFERENCES "marketplace"."organizations"("id"),
      "title" text NOT NULL CHECK (length("title") BETWEEN 3 AND 200),
      "description" text,
      "region" text NOT NULL,
      "region_within" text[] NOT NULL,
      "sector" text,
      "delivery_modes" text[] NOT NULL CHECK (cardinality("delivery_modes") > 0),
      "learner_count" integer NOT NULL CHECK ("learner_count" > 0),
      "career_stage" text NOT NULL CHECK ("career_stage" IN ('ENTRY', 'MID_CAREER', 'SENIOR', 'NEW_TO_SECTOR')),
      "needed_by" date,
      "status" text NOT NULL DEFAULT 'OPEN' CHECK ("status" IN ('OPEN', 'CLOSED')),
      "created_by" uuid NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "closed_at" timestamptz,
      "version" integer NOT NULL DEFAULT 1
    )`);
    await runner.query(
      `CREATE INDEX "skill_needs_org_idx" ON "marketplace"."skill_needs" ("organization_id", "seq")`,
    );
    await runner.query(
      `CREATE INDEX "skill_needs_status_idx" ON "marketplace"."skill_needs" ("status", "seq")`,
    );
    await runner.query(`CREATE INDEX "skill_needs_region_idx" ON "marketplace"."skill_needs" ("region")`);
    await runner.query(
      `CREATE INDEX "skill_needs_created_idx" ON "marketplace"."skill_needs" ("created_at")`,
    );
    await runner.query(`CREATE TABLE "marketplace"."need_skills" (
      "need_id" uuid NOT NULL REFERENCES "marketplace"."skill_needs"("id") ON DELETE CASCADE,
      "skill_id" uuid NOT NULL REFERENCES "marketplace"."skills"("id"),
      "level" smallint NOT NULL CHECK ("level" BETWEEN 1 AND 4),
      PRIMARY KEY ("need_id", "skill_id")
    )`);
    await runner.query(
      `CREATE INDEX "need_skills_skill_idx" ON "marketplace"."need_skills" ("skill_id", "need_id") INCLUDE ("level")`,
    );

    await runner.query(`CREATE TABLE "marketplace"."capability_profiles" (
      "organization_id" uuid PRIMARY KEY REFERENCES "marketplace"."organizations"("id"),
      "regions" text[] NOT NULL,
      "region_cover" text[] NOT NULL,
      "delivery_modes" text[] NOT NULL,
      "annual_capacity" integer NOT NULL CHECK ("annual_capacity" >= 0),
      "updated_by" uuid NOT NULL,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1
    )`);
    await runner.query(
      `CREATE INDEX "capability_profiles_cover_idx" ON "marketplace"."capability_profiles" USING gin ("region_cover")`,
    );
    await runner.query(`CREATE TABLE "marketplace"."profile_skills" (
      "organization_id" uuid NOT NULL REFERENCES "marketplace"."capability_profiles"("organization_id") ON DELETE CASCADE,
      "skill_id" uuid NOT NULL REFERENCES "marketplace"."skills"("id"),
      "level" smallint NOT NULL CHECK ("level" BETWEEN 1 AND 4),
      PRIMARY KEY ("organization_id", "skill_id")
    )`);
    await runner.query(
      `CREATE INDEX "profile_skills_skill_idx" ON "marketplace"."profile_skills" ("skill_id", "organization_id") INCLUDE ("level")`,
    );
    // The groups a profile reaches into, kept with the profile: candidate generation for
    // related-skill credit is then one index lookup per needed skill's group.
    await runner.query(`CREATE TABLE "marketplace"."profile_groups" (
      "organization_id" uuid NOT NULL REFERENCES "marketplace"."capability_profiles"("organization_id") ON DELETE CASCADE,
      "group_id" uuid NOT NULL REFERENCES "marketplace"."skills"("id"),
      PRIMARY KEY ("organization_id", "group_id")
    )`);
    await runner.query(
      `CREATE INDEX "profile_groups_group_idx" ON "marketplace"."profile_groups" ("group_id", "organization_id")`,
    );

    await runner.query(`CREATE TABLE "marketplace"."partnerships" (
      "id" uuid PRIMARY KEY,
      "need_id" uuid NOT NULL REFERENCES "marketplace"."skill_needs"("id"),
      "employer_id" uuid NOT NULL,
      "institution_id" uuid NOT NULL REFERENCES "marketplace"."organizations"("id"),
      "proposed_by_organization_id" uuid NOT NULL,
      "proposed_by" uuid NOT NULL,
      "state" text NOT NULL DEFAULT 'PROPOSED' CHECK ("state" IN ('PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
      "message" text,
      "response_message" text,
      "responded_by" uuid,
      "responded_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1
    )`);
    // One live proposal (or accepted partnership) per need and institution.
    await runner.query(
      `CREATE UNIQUE INDEX "partnerships_open_key" ON "marketplace"."partnerships" ("need_id", "institution_id") WHERE "state" IN ('PROPOSED', 'ACCEPTED')`,
    );
    await runner.query(
      `CREATE INDEX "partnerships_institution_idx" ON "marketplace"."partnerships" ("institution_id", "created_at")`,
    );
    await runner.query(
      `CREATE INDEX "partnerships_employer_idx" ON "marketplace"."partnerships" ("employer_id", "created_at")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'partnerships',
      'profile_groups',
      'profile_skills',
      'capability_profiles',
      'need_skills',
      'skill_needs',
      'umbrella_members',
      'organizations',
      'processed_events',
      'skill_groups',
      'skill_broader',
      'skills',
    ]) {
      await runner.query(`DROP TABLE "marketplace"."${table}"`);
    }
  }
}
