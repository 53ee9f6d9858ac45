// Ranked matches kept until something they depend on changes. Every write that can change a
// ranking — a need, its skills, a capability profile, its skills or groups, an organization's
// size — leaves a row in match_changes from a trigger, in the writing transaction (so nothing can
// forget to, and nothing is lost): side 'N' for needs, 'P' for profiles, a topic per skill, group
// and owner touched, and the writing transaction's id. A cached ranking keeps the snapshot it was
// computed under and the topics it depends on; it is served only while no change on those topics
// is invisible to that snapshot (see docs/matching.md).
import type { MigrationInterface, QueryRunner } from 'typeorm';

const M = '"marketplace"';

export class MarketplaceMatchCache1764600000000 implements MigrationInterface {
  name = 'MarketplaceMatchCache1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${M}."match_changes" (
      "side" char(1) NOT NULL CHECK ("side" IN ('N', 'P')),
      "topic" uuid NOT NULL,
      "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
      "at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE INDEX "match_changes_topic_idx" ON ${M}."match_changes" ("side", "topic", "xid")`,
    );
    await runner.query(`CREATE INDEX "match_changes_at_idx" ON ${M}."match_changes" ("at")`);
    await runner.query(`CREATE TABLE ${M}."match_cache" (
      "kind" char(1) NOT NULL CHECK ("kind" IN ('P', 'N')),
      "owner_id" uuid NOT NULL,
      "weights_key" text NOT NULL,
      "for_date" date NOT NULL,
      "snapshot" pg_snapshot NOT NULL,
      "topics" uuid[] NOT NULL,
      "matches" jsonb NOT NULL,
      "computed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("kind", "owner_id", "weights_key")
    )`);
    // A profile and everything it teaches or reaches into.
    await runner.query(`CREATE FUNCTION ${M}."log_profile_change"(org uuid) RETURNS void LANGUAGE sql AS $$
      INSERT INTO "marketplace"."match_changes" ("side", "topic")
      SELECT 'P', org UNION SELECT 'P', "skill_id" FROM "marketplace"."profile_skills" WHERE "organization_id" = org
      UNION SELECT 'P', "group_id" FROM "marketplace"."profile_groups" WHERE "organization_id" = org
    $$`);
    // A need and every skill it asks for with the skill's nearest groups.
    await runner.query(`CREATE FUNCTION ${M}."log_need_skill_change"(need uuid, skill uuid) RETURNS void LANGUAGE sql AS $$
      INSERT INTO "marketplace"."match_changes" ("side", "topic")
      SELECT 'N', need UNION SELECT 'N', skill
      UNION SELECT 'N', "group_id" FROM "marketplace"."skill_groups" WHERE "skill_id" = skill AND "nearest"
    $$`);
    await runner.query(`CREATE FUNCTION ${M}."match_changes_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT * FROM (SELECT OLD AS x WHERE TG_OP <> 'INSERT' UNION ALL SELECT NEW WHERE TG_OP <> 'DELETE') rows LOOP
          CASE TG_TABLE_NAME
            WHEN 'capability_profiles' THEN PERFORM "marketplace"."log_profile_change"((r.x)."organization_id");
            WHEN 'organizations' THEN PERFORM "marketplace"."log_profile_change"((r.x)."id");
            WHEN 'profile_skills' THEN
              INSERT INTO "marketplace"."match_changes" ("side", "topic") VALUES ('P', (r.x)."organization_id"), ('P', (r.x)."skill_id");
            WHEN 'profile_groups' THEN
              INSERT INTO "marketplace"."match_changes" ("side", "topic") VALUES ('P', (r.x)."organization_id"), ('P', (r.x)."group_id");
            WHEN 'skill_needs' THEN
              INSERT INTO "marketplace"."match_changes" ("side", "topic") VALUES ('N', (r.x)."id");
              PERFORM "marketplace"."log_need_skill_change"((r.x)."id", k."skill_id") FROM "marketplace"."need_skills" k WHERE k."need_id" = (r.x)."id";
            WHEN 'need_skills' THEN PERFORM "marketplace"."log_need_skill_change"((r.x)."need_id", (r.x)."skill_id");
          END CASE;
        END LOOP;
        RETURN NULL;
      END
    $$`);
    for (const table of [
      'capability_profiles',
      'profile_skills',
      'profile_groups',
      'skill_needs',
      'need_skills',
    ]) {
      await runner.query(
        `CREATE TRIGGER "${table}_match_changes" AFTER INSERT OR UPDATE OR DELETE ON ${M}."${table}" FOR EACH ROW EXECUTE FUNCTION ${M}."match_changes_trigger"()`,
      );
    }
    // The directory: only what ranking reads (size, kind) matters.
    await runner.query(
      `CREATE TRIGGER "organizations_match_changes" AFTER UPDATE OF "size", "kind" ON ${M}."organizations" FOR EACH ROW
       WHEN (OLD."size" IS DISTINCT FROM NEW."size" OR OLD."kind" IS DISTINCT FROM NEW."kind") EXECUTE FUNCTION ${M}."match_changes_trigger"()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'capability_profiles',
      'profile_skills',
      'profile_groups',
      'skill_needs',
      'need_skills',
      'organizations',
    ]) {
      await runner.query(`DROP TRIGGER "${table}_match_changes" ON ${M}."${table}"`);
    }
    await runner.query(`DROP FUNCTION ${M}."match_changes_trigger"()`);
    await runner.query(`DROP FUNCTION ${M}."log_need_skill_change"(uuid, uuid)`);
    await runner.query(`DROP FUNCTION ${M}."log_profile_change"(uuid)`);
    await runner.query(`DROP TABLE ${M}."match_cache"`);
    await runner.query(`DROP TABLE ${M}."match_changes"`);
  }
}
