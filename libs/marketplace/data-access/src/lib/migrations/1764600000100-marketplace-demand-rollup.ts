// Open demand rolled up per cell, so the demand map reads a few thousand rows instead of every
// open need. demand_contribution() is the one definition of what an open need adds: one 'R' row
// (its region and sector), one 'S' row per skill, one 'G' row per skill group (each group once
// per need, at the group's level). Triggers keep demand_rollup current in the writing transaction
// (nothing lost, nothing applied twice): a change subtracts what the need added before and adds
// what it adds now. rebuild_demand_rollup() recomputes everything from the needs, set-wise (npm
// run demand:rebuild); a differential test holds both to the same rows.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const M = '"marketplace"';

export class MarketplaceDemandRollup1764600000100 implements MigrationInterface {
  name = 'MarketplaceDemandRollup1764600000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${M}."demand_rollup" (
      "grouping" char(1) NOT NULL CHECK ("grouping" IN ('R', 'S', 'G')),
      "key" text NOT NULL,
      "level" smallint NOT NULL,
      "region" text NOT NULL,
      "sector" text NOT NULL,
      "needs" integer NOT NULL,
      "learners" bigint NOT NULL,
      PRIMARY KEY ("grouping", "key", "level", "region", "sector")
    )`);
    await runner.query(
      `CREATE INDEX "demand_rollup_region_idx" ON ${M}."demand_rollup" ("grouping", "region")`,
    );
    await runner.query(`CREATE FUNCTION ${M}."demand_contribution"(status text, region text, sector text, learners integer, skills uuid[])
      RETURNS TABLE ("grouping" char(1), "key" text, "level" smallint, "region" text, "sector" text, "learners" bigint) LANGUAGE sql STABLE AS $$
        SELECT 'R'::char(1), '', 0::smallint, region, coalesce(sector, ''), learners::bigint WHERE status = 'OPEN'
        UNION ALL
        SELECT 'S', s::text, 0::smallint, region, coalesce(sector, ''), learners::bigint FROM unnest(skills) s WHERE status = 'OPEN'
        UNION ALL
        SELECT 'G', g."group_id"::text, g."level", region, coalesce(sector, ''), learners::bigint
          FROM (SELECT DISTINCT sg."group_id", sg."level" FROM "marketplace"."skill_groups" sg JOIN "marketplace"."skills" k ON k."id" = sg."group_id" AND k."kind" = 'SKILL_GROUP'
                 WHERE sg."skill_id" = ANY(skills)) g
         WHERE status = 'OPEN'
      $$`);
    // sign × each row, added to the rollup.
    await runner.query(`CREATE FUNCTION ${M}."demand_apply"(status text, region text, sector text, learners integer, skills uuid[], sign integer) RETURNS void LANGUAGE sql AS $$
      INSERT INTO "marketplace"."demand_rollup" ("grouping", "key", "level", "region", "sector", "needs", "learners")
      SELECT c."grouping", c."key", c."level", c."region", c."sector", sign * count(*), sign * sum(c."learners")
        FROM "marketplace"."demand_contribution"(status, region, sector, learners, skills) c
       GROUP BY c."grouping", c."key", c."level", c."region", c."sector"
      ON CONFLICT ("grouping", "key", "level", "region", "sector") DO UPDATE
        SET "needs" = "demand_rollup"."needs" + EXCLUDED."needs", "learners" = "demand_rollup"."learners" + EXCLUDED."learners"
    $$`);
    await runner.query(`CREATE FUNCTION ${M}."need_skill_ids"(need uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
      SELECT coalesce(array_agg("skill_id"), '{}') FROM "marketplace"."need_skills" WHERE "need_id" = need
    $$`);
    // A need's own row: before a delete (while its skills are still there), after an insert or update.
    await runner.query(`CREATE FUNCTION ${M}."demand_need_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE skills uuid[];
      BEGIN
        skills := "marketplace"."need_skill_ids"(coalesce(NEW."id", OLD."id"));
        IF TG_OP <> 'INSERT' THEN PERFORM "marketplace"."demand_apply"(OLD."status", OLD."region", OLD."sector", OLD."learner_count", skills, -1); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM "marketplace"."demand_apply"(NEW."status", NEW."region", NEW."sector", NEW."learner_count", skills, 1); END IF;
        IF TG_WHEN = 'BEFORE' THEN RETURN OLD; END IF; -- a BEFORE trigger returning NULL would cancel the delete
        RETURN NULL;
      END
    $$`);
    await runner.query(
      `CREATE TRIGGER "skill_needs_demand_write" AFTER INSERT OR UPDATE OF "status", "region", "sector", "learner_count" ON ${M}."skill_needs" FOR EACH ROW EXECUTE FUNCTION ${M}."demand_need_trigger"()`,
    );
    await runner.query(
      `CREATE TRIGGER "skill_needs_demand_delete" BEFORE DELETE ON ${M}."skill_needs" FOR EACH ROW EXECUTE FUNCTION ${M}."demand_need_trigger"()`,
    );
    // A statement changing need skills: per need, what it added with its skills before the
    // statement (now − inserted + deleted) is subtracted, what it adds now is added.
    await runner.query(`CREATE FUNCTION ${M}."demand_skills_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN
          WITH added AS (SELECT "need_id", "skill_id" FROM new_rows), removed AS (SELECT "need_id", "skill_id" FROM old_rows),
               touched AS (SELECT "need_id" FROM added UNION SELECT "need_id" FROM removed)
          SELECT n."status", n."region", n."sector", n."learner_count", "marketplace"."need_skill_ids"(n."id") AS "now",
                 ARRAY(SELECT s FROM unnest("marketplace"."need_skill_ids"(n."id")) s
                        WHERE s NOT IN (SELECT a."skill_id" FROM added a WHERE a."need_id" = n."id")
                       UNION SELECT d."skill_id" FROM removed d WHERE d."need_id" = n."id") AS "before"
            FROM touched t JOIN "marketplace"."skill_needs" n ON n."id" = t."need_id"
        LOOP
          PERFORM "marketplace"."demand_apply"(r."status", r."region", r."sector", r."learner_count", r."before", -1);
          PERFORM "marketplace"."demand_apply"(r."status", r."region", r."sector", r."learner_count", r."now", 1);
        END LOOP;
        RETURN NULL;
      END
    $$`);
    // Transition tables: one trigger per event, as each event has its own.
    await runner.query(
      `CREATE TRIGGER "need_skills_demand_update" AFTER UPDATE ON ${M}."need_skills" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${M}."demand_skills_trigger"()`,
    );
    // INSERT and DELETE have one transition table each; their triggers name the missing one as an empty view of the other.
    await runner.query(`CREATE FUNCTION ${M}."demand_skills_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN
          SELECT n."status", n."region", n."sector", n."learner_count", "marketplace"."need_skill_ids"(n."id") AS "now",
                 ARRAY(SELECT s FROM unnest("marketplace"."need_skill_ids"(n."id")) s WHERE s NOT IN (SELECT a."skill_id" FROM new_rows a WHERE a."need_id" = n."id")) AS "before"
            FROM (SELECT DISTINCT "need_id" FROM new_rows) t JOIN "marketplace"."skill_needs" n ON n."id" = t."need_id"
        LOOP
          PERFORM "marketplace"."demand_apply"(r."status", r."region", r."sector", r."learner_count", r."before", -1);
          PERFORM "marketplace"."demand_apply"(r."status", r."region", r."sector", r."learner_count", r."now", 1);
        END LOOP;
        RETURN NULL;
      END
    $$`);
    await runner.query(`CREATE FUNCTION ${M}."demand_skills_delete_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN
          SELECT n."status", n."region", n."sector", n."learner_count", "marketplace"."need_skill_ids"(n."id") AS "now",
                 "marketplace"."need_skill_ids"(n."id") || ARRAY(SELECT d."skill_id" FROM old_rows d WHERE d."need_id" = n."id") AS "before"
            FROM (SELECT DISTINCT "need_id" FROM old_rows) t JOIN "marketplace"."skill_needs" n ON n."id" = t."need_id"
        LOOP
          PERFORM "marketplace"."demand_apply"(r."status", r."region", r."sector", r."learner_count", r."before", -1);
          PERFORM "marketplace"."demand_apply"(r."status", r."region", r."sector", r."learner_count", r."now", 1);
        END LOOP;
        RETURN NULL;
      END
    $$`);
    await runner.query(
      `CREATE TRIGGER "need_skills_demand_insert" AFTER INSERT ON ${M}."need_skills" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${M}."demand_skills_insert_trigger"()`,
    );
    await runner.query(
      `CREATE TRIGGER "need_skills_demand_delete" AFTER DELETE ON ${M}."need_skills" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${M}."demand_skills_delete_trigger"()`,
    );
    // From scratch, with the same contribution: what `npm run demand:rebuild` runs.
    await runner.query(`CREATE FUNCTION ${M}."rebuild_demand_rollup"() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE rows bigint;
      BEGIN
        LOCK TABLE "marketplace"."demand_rollup" IN EXCLUSIVE MODE;
        DELETE FROM "marketplace"."demand_rollup";
        INSERT INTO "marketplace"."demand_rollup" ("grouping", "key", "level", "region", "sector", "needs", "learners")
        SELECT 'R', '', 0, n."region", coalesce(n."sector", ''), count(*), sum(n."learner_count")
          FROM "marketplace"."skill_needs" n WHERE n."status" = 'OPEN' GROUP BY n."region", n."sector"
        UNION ALL
        SELECT 'S', k."skill_id"::text, 0, n."region", coalesce(n."sector", ''), count(*), sum(n."learner_count")
          FROM "marketplace"."skill_needs" n JOIN "marketplace"."need_skills" k ON k."need_id" = n."id"
         WHERE n."status" = 'OPEN' GROUP BY k."skill_id", n."region", n."sector"
        UNION ALL
        SELECT 'G', g."group_id"::text, g."level", g."region", coalesce(g."sector", ''), count(*), sum(g."learner_count")
          FROM (SELECT DISTINCT n."id", sg."group_id", sg."level", n."region", n."sector", n."learner_count"
                  FROM "marketplace"."skill_needs" n JOIN "marketplace"."need_skills" k ON k."need_id" = n."id"
                  JOIN "marketplace"."skill_groups" sg ON sg."skill_id" = k."skill_id"
                  JOIN "marketplace"."skills" gs ON gs."id" = sg."group_id" AND gs."kind" = 'SKILL_GROUP'
                 WHERE n."status" = 'OPEN') g
         GROUP BY g."group_id", g."level", g."region", g."sector";
        GET DIAGNOSTICS rows = ROW_COUNT;
        RETURN rows;
      END
    $$`);
    await runner.query(`SELECT ${M}."rebuild_demand_rollup"()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['skill_needs_demand_write', 'skill_needs'],
      ['skill_needs_demand_delete', 'skill_needs'],
      ['need_skills_demand_update', 'need_skills'],
      ['need_skills_demand_insert', 'need_skills'],
      ['need_skills_demand_delete', 'need_skills'],
    ]) {
      await runner.query(`DROP TRIGGER "${trigger}" ON ${M}."${table}"`);
    }
    for (const fn of [
      'rebuild_demand_rollup()',
      'demand_skills_delete_trigger()',
      'demand_skills_insert_trigger()',
      'demand_skills_trigger()',
      'demand_need_trigger()',
      'need_skill_ids(uuid)',
      'demand_apply(text, text, text, integer, uuid[], integer)',
      'demand_contribution(text, text, text, integer, uuid[])',
    ]) {
      await runner.query(`DROP FUNCTION ${M}.${fn}`);
    }
    await runner.query(`DROP TABLE ${M}."demand_rollup"`);
  }
}
