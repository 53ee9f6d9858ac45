// Forgiving skill search: the words of every label (accents, case and plurals folded, multi-word
// labels also run together) per skill, and their vocabulary with a trigram GiST index for
// nearest-word lookups (a bounded number per searched word). Filled here for skills already
// imported; the taxonomy import keeps them current.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { storeSkillSearchWords } from '../skill-search-words';

const M = '"marketplace"';

export class MarketplaceSkillSearchWords1764600000200 implements MigrationInterface {
  name = 'MarketplaceSkillSearchWords1764600000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${M}."skill_words" (
      "word" text NOT NULL,
      "skill_id" uuid NOT NULL REFERENCES ${M}."skills"("id") ON DELETE CASCADE,
      PRIMARY KEY ("word", "skill_id")
    )`);
    await runner.query(`CREATE INDEX "skill_words_skill_idx" ON ${M}."skill_words" ("skill_id")`);
    await runner.query(`CREATE TABLE ${M}."skill_vocabulary" ("word" text PRIMARY KEY)`);
    await runner.query(
      `CREATE INDEX "skill_vocabulary_trgm_idx" ON ${M}."skill_vocabulary" USING gist ("word" gist_trgm_ops)`,
    );
    // Words in the preferred English label: among equal matches, the label closest in length to the search leads.
    await runner.query(`ALTER TABLE ${M}."skills" ADD COLUMN "label_words" smallint NOT NULL DEFAULT 1`);
    const skills = await runner.query(
      `SELECT "id", "label_en" AS "labelEn", "label_fr" AS "labelFr", "alt_labels_en" AS "altLabelsEn", "alt_labels_fr" AS "altLabelsFr" FROM ${M}."skills"`,
    );
    await storeSkillSearchWords(runner, skills);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${M}."skills" DROP COLUMN "label_words"`);
    await runner.query(`DROP TABLE ${M}."skill_vocabulary"`);
    await runner.query(`DROP TABLE ${M}."skill_words"`);
  }
}
