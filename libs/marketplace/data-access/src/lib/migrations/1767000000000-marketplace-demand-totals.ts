// The demand map without filters reads market-wide totals instead of every cell of the rollup.
// demand_rollup keeps one row per skill (or group) × region × sector — 600,000 rows at 1M needs —
// so summing it per skill for the unfiltered map took ~400 ms. demand_totals keeps the same
// contributions per skill (or group, at its level) × 2-digit sector only (~30,000 rows), written by
// demand_apply in the same statement as the rollup (the same transaction, nothing lost).
//
// Supply by sector ("institutions teaching a skill the sector asks for") was a distinct count over
// every (sector, skill, institution) triple — 3M rows, ~3 s. demand_sector_supply keeps, per
// 2-digit sector and institution, how many of the institution's skills the sector asks for:
// +1/−1 when a (sector, skill) pair starts or stops being asked (a demand_totals row crossing
// zero) for every institution teaching the skill, and when a profile gains or loses a skill for
// every sector asking it. Both sides take one transaction-scoped advisory lock before reading the
// other side, so a concurrent need and profile change cannot both miss each other (read committed:
// the statement after the lock sees what the other committed); one lock, so no two changes can
// deadlock on each other's. Pairs flip rarely once a market is warm; profile changes are rare too.
// Rows at 0 go.
//
// Supply itself — how many institutions, with how much annual capacity — is kept summed in
// supply_totals, per skill ('S': institutions teaching it), per 2-digit sector ('C':
// institutions with a demand_sector_supply row above zero) and per region ('R': institutions
// whose profile covers it), so the map's first view reads a few
// rows instead of joining 100,000s of (skill, institution) pairs with the profiles. profile_skills
// changes add or subtract one institution and its capacity per skill; demand_sector_supply changes
// add what their rows contribute after and subtract what they contributed before (statement
// triggers over the transition tables); a capacity change moves every total the profile is in;
// a profile about to be deleted takes its contributions out first (its rows then go by cascade,
// and their triggers, finding no profile, add nothing). Same advisory lock as above.
// rebuild_demand_rollup() recomputes all four tables from the needs and profiles.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const M = '"marketplace"';

// The body of rebuild_demand_rollup() as MarketplaceDemandRollup1764600000100 wrote it.
export const REBUILD_ROLLUP = `
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
`;

export const REBUILD_TOTALS = `
        PERFORM set_config('lattice.demand_rebuild', 'on', true);
        DELETE FROM "marketplace"."demand_totals";
        INSERT INTO "marketplace"."demand_totals" ("grouping", "key", "level", "sector2", "needs", "learners")
        SELECT r."grouping", r."key", r."level", left(r."sector", 2), sum(r."needs"), sum(r."learners")
          FROM "marketplace"."demand_rollup" r WHERE r."grouping" <> 'R'
         GROUP BY r."grouping", r."key", r."level", left(r."sector", 2)
        HAVING sum(r."needs") <> 0 OR sum(r."learners") <> 0;
        DELETE FROM "marketplace"."demand_sector_supply";
        INSERT INTO "marketplace"."demand_sector_supply" ("sector2", "organization_id", "skills")
        SELECT t."sector2", ps."organization_id", count(*)
          FROM "marketplace"."demand_totals" t JOIN "marketplace"."profile_skills" ps ON ps."skill_id" = t."key"::uuid
         WHERE t."grouping" = 'S' AND t."needs" > 0
         GROUP BY t."sector2", ps."organization_id";
        DELETE FROM "marketplace"."supply_totals";
        INSERT INTO "marketplace"."supply_totals" ("grouping", "key", "institutions", "capacity")
        SELECT 'S', ps."skill_id"::text, count(*), sum(p."annual_capacity")
          FROM "marketplace"."profile_skills" ps JOIN "marketplace"."capability_profiles" p ON p."organization_id" = ps."organization_id"
         GROUP BY ps."skill_id"
        UNION ALL
        SELECT 'C', d."sector2", count(*), sum(p."annual_capacity")
          FROM "marketplace"."demand_sector_supply" d JOIN "marketplace"."capability_profiles" p ON p."organization_id" = d."organization_id"
         WHERE d."skills" > 0 GROUP BY d."sector2"
        UNION ALL
        SELECT 'R', r."region", count(*), sum(p."annual_capacity")
          FROM "marketplace"."capability_profiles" p CROSS JOIN LATERAL (SELECT DISTINCT x AS "region" FROM unnest(p."region_cover") x) r
         GROUP BY r."region";
        PERFORM set_config('lattice.demand_rebuild', 'off', true);`;

const SUPPLY_LOCK = `PERFORM pg_advisory_xact_lock(hashtextextended('marketplace.demand_sector_supply', 0));`;
// Adds (institutions, capacity) to supply totals; rows at zero go.
const SUPPLY_ADD = `
      CREATE FUNCTION "marketplace"."supply_add"(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "marketplace"."supply_totals" AS t ("grouping", "key", "institutions", "capacity")
        SELECT x."grouping", x."key", sum(x."institutions"), sum(x."capacity")
          FROM jsonb_to_recordset(deltas) AS x("grouping" char(1), "key" text, "institutions" int, "capacity" bigint)
         GROUP BY x."grouping", x."key" HAVING sum(x."institutions") <> 0 OR sum(x."capacity") <> 0
        ON CONFLICT ("grouping", "key") DO UPDATE
          SET "institutions" = t."institutions" + EXCLUDED."institutions", "capacity" = t."capacity" + EXCLUDED."capacity";
        DELETE FROM "marketplace"."supply_totals" t
         USING jsonb_to_recordset(deltas) AS x("grouping" char(1), "key" text)
         WHERE t."grouping" = x."grouping" AND t."key" = x."key" AND t."institutions" = 0;
      END
      $$`;

export class MarketplaceDemandTotals1767000000000 implements MigrationInterface {
  name = 'MarketplaceDemandTotals1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${M}."demand_totals" (
      "grouping" char(1) NOT NULL CHECK ("grouping" IN ('S', 'G')),
      "key" text NOT NULL,
      "level" smallint NOT NULL,
      "sector2" text NOT NULL,
      "needs" integer NOT NULL,
      "learners" bigint NOT NULL,
      PRIMARY KEY ("grouping", "key", "level", "sector2")
    )`);
    await runner.query(`CREATE TABLE ${M}."demand_sector_supply" (
      "sector2" text NOT NULL,
      "organization_id" uuid NOT NULL,
      "skills" integer NOT NULL,
      PRIMARY KEY ("sector2", "organization_id")
    )`);
    await runner.query(
      `CREATE INDEX "demand_sector_supply_organization_idx" ON ${M}."demand_sector_supply" ("organization_id")`,
    );
    await runner.query(`CREATE TABLE ${M}."supply_totals" (
      "grouping" char(1) NOT NULL CHECK ("grouping" IN ('S', 'C', 'R')),
      "key" text NOT NULL,
      "institutions" integer NOT NULL,
      "capacity" bigint NOT NULL,
      PRIMARY KEY ("grouping", "key")
    )`);
    await runner.query(SUPPLY_ADD);
    // The rollup and the totals from one contribution, in one statement.
    await runner.query(`CREATE OR REPLACE FUNCTION ${M}."demand_apply"(status text, region text, sector text, learners integer, skills uuid[], sign integer) RETURNS void LANGUAGE sql AS $$
      WITH c AS MATERIALIZED (
        SELECT c."grouping", c."key", c."level", c."region", c."sector", sign * count(*) AS "needs", sign * sum(c."learners") AS "learners"
          FROM "marketplace"."demand_contribution"(status, region, sector, learners, skills) c
         GROUP BY c."grouping", c."key", c."level", c."region", c."sector"
      ), rollup AS (
        INSERT INTO "marketplace"."demand_rollup" ("grouping", "key", "level", "region", "sector", "needs", "learners")
        SELECT c."grouping", c."key", c."level", c."region", c."sector", c."needs", c."learners" FROM c
        ON CONFLICT ("grouping", "key", "level", "region", "sector") DO UPDATE
          SET "needs" = "demand_rollup"."needs" + EXCLUDED."needs", "learners" = "demand_rollup"."learners" + EXCLUDED."learners"
      )
      INSERT INTO "marketplace"."demand_totals" ("grouping", "key", "level", "sector2", "needs", "learners")
      SELECT c."grouping", c."key", c."level", left(c."sector", 2), sum(c."needs"), sum(c."learners") FROM c
       WHERE c."grouping" <> 'R' GROUP BY c."grouping", c."key", c."level", left(c."sector", 2)
      ON CONFLICT ("grouping", "key", "level", "sector2") DO UPDATE
        SET "needs" = "demand_totals"."needs" + EXCLUDED."needs", "learners" = "demand_totals"."learners" + EXCLUDED."learners"
    $$`);
    // A (sector, skill) pair starts or stops being asked for.
    await runner.query(`CREATE FUNCTION ${M}."demand_pair_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was boolean := TG_OP = 'UPDATE' AND OLD."needs" > 0;
        now boolean := NEW."needs" > 0;
      BEGIN
        -- rebuild_demand_rollup() recomputes the supply itself after the totals.
        IF was = now OR current_setting('lattice.demand_rebuild', true) = 'on' THEN RETURN NULL; END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('marketplace.demand_sector_supply', 0));
        INSERT INTO "marketplace"."demand_sector_supply" ("sector2", "organization_id", "skills")
        SELECT NEW."sector2", ps."organization_id", CASE WHEN now THEN 1 ELSE -1 END
          FROM "marketplace"."profile_skills" ps WHERE ps."skill_id" = NEW."key"::uuid
        ON CONFLICT ("sector2", "organization_id") DO UPDATE SET "skills" = "demand_sector_supply"."skills" + EXCLUDED."skills";
        DELETE FROM "marketplace"."demand_sector_supply" d
         WHERE d."sector2" = NEW."sector2" AND d."skills" = 0
           AND d."organization_id" IN (SELECT ps."organization_id" FROM "marketplace"."profile_skills" ps WHERE ps."skill_id" = NEW."key"::uuid);
        RETURN NULL;
      END
    $$`);
    await runner.query(
      `CREATE TRIGGER "demand_totals_pair" AFTER INSERT OR UPDATE OF "needs" ON ${M}."demand_totals" FOR EACH ROW WHEN (NEW."grouping" = 'S') EXECUTE FUNCTION ${M}."demand_pair_trigger"()`,
    );
    // A profile gains or loses a skill.
    await runner.query(`CREATE FUNCTION ${M}."demand_profile_skill_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('marketplace.demand_sector_supply', 0));
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE "marketplace"."demand_sector_supply" d SET "skills" = d."skills" - 1
            FROM "marketplace"."demand_totals" t
           WHERE t."grouping" = 'S' AND t."key" = OLD."skill_id"::text AND t."level" = 0 AND t."needs" > 0
             AND d."sector2" = t."sector2" AND d."organization_id" = OLD."organization_id";
          DELETE FROM "marketplace"."demand_sector_supply" d WHERE d."organization_id" = OLD."organization_id" AND d."skills" = 0;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO "marketplace"."demand_sector_supply" ("sector2", "organization_id", "skills")
          SELECT t."sector2", NEW."organization_id", 1 FROM "marketplace"."demand_totals" t
           WHERE t."grouping" = 'S' AND t."key" = NEW."skill_id"::text AND t."level" = 0 AND t."needs" > 0
          ON CONFLICT ("sector2", "organization_id") DO UPDATE SET "skills" = "demand_sector_supply"."skills" + 1;
        END IF;
        RETURN NULL;
      END
    $$`);
    await runner.query(
      `CREATE TRIGGER "profile_skills_demand_supply" AFTER INSERT OR DELETE OR UPDATE OF "skill_id", "organization_id" ON ${M}."profile_skills" FOR EACH ROW EXECUTE FUNCTION ${M}."demand_profile_skill_trigger"()`,
    );
    // A profile gains or loses a skill: one institution and its capacity more or less for the skill.
    await runner.query(`CREATE FUNCTION ${M}."supply_profile_skill_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE deltas jsonb := '[]';
      BEGIN
        IF current_setting('lattice.demand_rebuild', true) = 'on' THEN RETURN NULL; END IF;
        ${SUPPLY_LOCK}
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          deltas := deltas || coalesce((SELECT jsonb_agg(jsonb_build_object('grouping', 'S', 'key', OLD."skill_id"::text, 'institutions', -1, 'capacity', -p."annual_capacity"))
            FROM "marketplace"."capability_profiles" p WHERE p."organization_id" = OLD."organization_id"), '[]');
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          deltas := deltas || coalesce((SELECT jsonb_agg(jsonb_build_object('grouping', 'S', 'key', NEW."skill_id"::text, 'institutions', 1, 'capacity', p."annual_capacity"))
            FROM "marketplace"."capability_profiles" p WHERE p."organization_id" = NEW."organization_id"), '[]');
        END IF;
        PERFORM "marketplace"."supply_add"(deltas);
        RETURN NULL;
      END
    $$`);
    await runner.query(
      `CREATE TRIGGER "profile_skills_supply_totals" AFTER INSERT OR DELETE OR UPDATE OF "skill_id", "organization_id" ON ${M}."profile_skills" FOR EACH ROW EXECUTE FUNCTION ${M}."supply_profile_skill_trigger"()`,
    );
    // Rows of demand_sector_supply change: what they contribute after, less what they contributed before.
    await runner.query(`CREATE FUNCTION ${M}."supply_sector_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE deltas jsonb := '[]';
      BEGIN
        IF current_setting('lattice.demand_rebuild', true) = 'on' THEN RETURN NULL; END IF;
        ${SUPPLY_LOCK}
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          deltas := deltas || coalesce((SELECT jsonb_agg(jsonb_build_object('grouping', 'C', 'key', o."sector2", 'institutions', -1, 'capacity', -p."annual_capacity"))
            FROM old_rows o JOIN "marketplace"."capability_profiles" p ON p."organization_id" = o."organization_id" WHERE o."skills" > 0), '[]');
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          deltas := deltas || coalesce((SELECT jsonb_agg(jsonb_build_object('grouping', 'C', 'key', n."sector2", 'institutions', 1, 'capacity', p."annual_capacity"))
            FROM new_rows n JOIN "marketplace"."capability_profiles" p ON p."organization_id" = n."organization_id" WHERE n."skills" > 0), '[]');
        END IF;
        PERFORM "marketplace"."supply_add"(deltas);
        RETURN NULL;
      END
    $$`);
    await runner.query(
      `CREATE TRIGGER "demand_sector_supply_totals_insert" AFTER INSERT ON ${M}."demand_sector_supply" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${M}."supply_sector_trigger"()`,
    );
    await runner.query(
      `CREATE TRIGGER "demand_sector_supply_totals_update" AFTER UPDATE ON ${M}."demand_sector_supply" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${M}."supply_sector_trigger"()`,
    );
    await runner.query(
      `CREATE TRIGGER "demand_sector_supply_totals_delete" AFTER DELETE ON ${M}."demand_sector_supply" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${M}."supply_sector_trigger"()`,
    );
    // A profile's capacity changes, or the profile is about to go (its rows then go by cascade).
    await runner.query(`CREATE FUNCTION ${M}."supply_profile_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        d_institutions int := CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 0 END;
        d_capacity bigint := CASE WHEN TG_OP = 'DELETE' THEN -OLD."annual_capacity" ELSE NEW."annual_capacity" - OLD."annual_capacity" END;
      BEGIN
        ${SUPPLY_LOCK}
        PERFORM "marketplace"."supply_add"(coalesce((
          SELECT jsonb_agg(jsonb_build_object('grouping', x."grouping", 'key', x."key", 'institutions', d_institutions, 'capacity', d_capacity))
            FROM (SELECT 'S' AS "grouping", ps."skill_id"::text AS "key" FROM "marketplace"."profile_skills" ps WHERE ps."organization_id" = OLD."organization_id"
                  UNION ALL
                  SELECT 'C', d."sector2" FROM "marketplace"."demand_sector_supply" d WHERE d."organization_id" = OLD."organization_id" AND d."skills" > 0) x), '[]'));
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
    $$`);
    await runner.query(
      `CREATE TRIGGER "capability_profiles_supply_capacity" AFTER UPDATE OF "annual_capacity" ON ${M}."capability_profiles" FOR EACH ROW
       WHEN (OLD."annual_capacity" IS DISTINCT FROM NEW."annual_capacity") EXECUTE FUNCTION ${M}."supply_profile_trigger"()`,
    );
    await runner.query(
      `CREATE TRIGGER "capability_profiles_supply_delete" BEFORE DELETE ON ${M}."capability_profiles" FOR EACH ROW EXECUTE FUNCTION ${M}."supply_profile_trigger"()`,
    );
    // A profile starts or stops serving regions, or its capacity changes: its regions' totals move.
    await runner.query(`CREATE FUNCTION ${M}."supply_region_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE deltas jsonb := '[]';
      BEGIN
        ${SUPPLY_LOCK}
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          deltas := deltas || coalesce((SELECT jsonb_agg(jsonb_build_object('grouping', 'R', 'key', r, 'institutions', -1, 'capacity', -OLD."annual_capacity"))
            FROM (SELECT DISTINCT r FROM unnest(OLD."region_cover") r) x), '[]');
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          deltas := deltas || coalesce((SELECT jsonb_agg(jsonb_build_object('grouping', 'R', 'key', r, 'institutions', 1, 'capacity', NEW."annual_capacity"))
            FROM (SELECT DISTINCT r FROM unnest(NEW."region_cover") r) x), '[]');
        END IF;
        PERFORM "marketplace"."supply_add"(deltas);
        RETURN NULL;
      END
    $$`);
    await runner.query(
      `CREATE TRIGGER "capability_profiles_supply_regions" AFTER INSERT OR DELETE OR UPDATE OF "region_cover", "annual_capacity" ON ${M}."capability_profiles" FOR EACH ROW
       EXECUTE FUNCTION ${M}."supply_region_trigger"()`,
    );
    await runner.query(`CREATE OR REPLACE FUNCTION ${M}."rebuild_demand_rollup"() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE rows bigint;
      BEGIN
        LOCK TABLE "marketplace"."demand_rollup", "marketplace"."demand_totals", "marketplace"."demand_sector_supply", "marketplace"."supply_totals" IN EXCLUSIVE MODE;
${REBUILD_ROLLUP}${REBUILD_TOTALS}
        RETURN rows;
      END
    $$`);
    await runner.query(`SELECT ${M}."rebuild_demand_rollup"()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER "capability_profiles_supply_regions" ON ${M}."capability_profiles"`);
    await runner.query(`DROP FUNCTION ${M}."supply_region_trigger"()`);
    await runner.query(`DROP TRIGGER "capability_profiles_supply_delete" ON ${M}."capability_profiles"`);
    await runner.query(`DROP TRIGGER "capability_profiles_supply_capacity" ON ${M}."capability_profiles"`);
    await runner.query(`DROP TRIGGER "profile_skills_supply_totals" ON ${M}."profile_skills"`);
    await runner.query(`DROP TABLE ${M}."supply_totals"`);
    await runner.query(`DROP FUNCTION ${M}."supply_profile_trigger"()`);
    await runner.query(`DROP FUNCTION ${M}."supply_profile_skill_trigger"()`);
    await runner.query(`DROP FUNCTION ${M}."supply_add"(jsonb)`);
    await runner.query(`DROP TRIGGER "profile_skills_demand_supply" ON ${M}."profile_skills"`);
    await runner.query(`DROP TRIGGER "demand_totals_pair" ON ${M}."demand_totals"`);
    await runner.query(`DROP FUNCTION ${M}."demand_profile_skill_trigger"()`);
    await runner.query(`DROP FUNCTION ${M}."demand_pair_trigger"()`);
    await runner.query(`CREATE OR REPLACE FUNCTION ${M}."demand_apply"(status text, region text, sector text, learners integer, skills uuid[], sign integer) RETURNS void LANGUAGE sql AS $$
      INSERT INTO "marketplace"."demand_rollup" ("grouping", "key", "level", "region", "sector", "needs", "learners")
      SELECT c."grouping", c."key", c."level", c."region", c."sector", sign * count(*), sign * sum(c."learners")
        FROM "marketplace"."demand_contribution"(status, region, sector, learners, skills) c
       GROUP BY c."grouping", c."key", c."level", c."region", c."sector"
      ON CONFLICT ("grouping", "key", "level", "region", "sector") DO UPDATE
        SET "needs" = "demand_rollup"."needs" + EXCLUDED."needs", "learners" = "demand_rollup"."learners" + EXCLUDED."learners"
    $$`);
    await runner.query(`DROP TABLE ${M}."demand_sector_supply"`);
    await runner.query(`DROP FUNCTION ${M}."supply_sector_trigger"()`);
    await runner.query(`DROP TABLE ${M}."demand_totals"`);
    await runner.query(`CREATE OR REPLACE FUNCTION ${M}."rebuild_demand_rollup"() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE rows bigint;
      BEGIN
        LOCK TABLE "marketplace"."demand_rollup" IN EXCLUSIVE MODE;
${REBUILD_ROLLUP}        RETURN rows;
      END
    $$`);
  }
}
