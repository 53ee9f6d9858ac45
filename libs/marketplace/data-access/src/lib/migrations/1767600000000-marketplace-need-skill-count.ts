// needMatches (one institution's view of many needs) divides each candidate need's skill credit
// by the number of skills the need asks for. The ranking SQL counted them per candidate with two
// correlated count(*) subplans — at 1M needs an institution teaching the most popular skills has
// ~800k candidates, so ~1.6M index probes per cold ranking. `skill_needs.skill_count` keeps that
// number, moved in the writing transaction by statement-level triggers on `need_skills` (one
// UPDATE per statement and need, by increments, so concurrent writers to one need serialise on
// its row and never lose a count). No trigger on `skill_needs` watches the column (the demand
// rollup and match-changes triggers list their columns), and a change of a need's skills already
// logs its own match change, so a cached ranking reading it is invalidated as before.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const M = '"marketplace"';

export class MarketplaceNeedSkillCount1767600000000 implements MigrationInterface {
  name = 'MarketplaceNeedSkillCount1767600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${M}."skill_needs" ADD COLUMN "skill_count" int NOT NULL DEFAULT 0`);
    await runner.query(
      `UPDATE ${M}."skill_needs" n SET "skill_count" = k."c"
         FROM (SELECT "need_id", count(*)::int AS "c" FROM ${M}."need_skills" GROUP BY "need_id") k
        WHERE k."need_id" = n."id"`,
    );
    // The API takes at most 30 skills per need (ArrayMaxSize); needMatches' perfect-needs shortcut
    // computes the best score for every skill count a need may have, so the bound is kept here too.
    await runner.query(
      `ALTER TABLE ${M}."skill_needs" ADD CONSTRAINT "skill_needs_skill_count_check" CHECK ("skill_count" BETWEEN 0 AND 30)`,
    );
    // For the same shortcut: open needs by skill count (the few counts whose perfect score is a unit higher).
    await runner.query(
      `CREATE INDEX "skill_needs_open_skill_count_idx" ON ${M}."skill_needs" ("skill_count") WHERE "status" = 'OPEN'`,
    );
    await runner.query(
      `CREATE FUNCTION ${M}."need_skill_count_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP IN ('UPDATE', 'DELETE') THEN
           UPDATE ${M}."skill_needs" n SET "skill_count" = n."skill_count" - d."c"
             FROM (SELECT "need_id", count(*)::int AS "c" FROM old_rows GROUP BY "need_id") d WHERE n."id" = d."need_id";
         END IF;
         IF TG_OP IN ('UPDATE', 'INSERT') THEN
           UPDATE ${M}."skill_needs" n SET "skill_count" = n."skill_count" + d."c"
             FROM (SELECT "need_id", count(*)::int AS "c" FROM new_rows GROUP BY "need_id") d WHERE n."id" = d."need_id";
         END IF;
         RETURN NULL;
       END $$`,
    );
    await runner.query(
      `CREATE TRIGGER "need_skills_count_insert" AFTER INSERT ON ${M}."need_skills" REFERENCING NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION ${M}."need_skill_count_trigger"()`,
    );
    await runner.query(
      `CREATE TRIGGER "need_skills_count_update" AFTER UPDATE ON ${M}."need_skills" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION ${M}."need_skill_count_trigger"()`,
    );
    await runner.query(
      `CREATE TRIGGER "need_skills_count_delete" AFTER DELETE ON ${M}."need_skills" REFERENCING OLD TABLE AS old_rows
       FOR EACH STATEMENT EXECUTE FUNCTION ${M}."need_skill_count_trigger"()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete'])
      await runner.query(`DROP TRIGGER "need_skills_count_${op}" ON ${M}."need_skills"`);
    await runner.query(`DROP FUNCTION ${M}."need_skill_count_trigger"()`);
    await runner.query(`ALTER TABLE ${M}."skill_needs" DROP COLUMN "skill_count"`);
  }
}
