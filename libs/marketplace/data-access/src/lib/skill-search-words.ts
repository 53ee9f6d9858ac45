// The words each skill can be found by (see skill-search-text in the domain), and the
// vocabulary of all of them with a trigram index for nearest-word lookups. Written with the
// taxonomy, and by the migration that introduced them.
import type { EntityManager, QueryRunner } from 'typeorm';
import { labelSearchWords, searchWords } from '@lattice/marketplace-domain';
import { MARKETPLACE_SCHEMA } from './marketplace.entities';

const S = `"${MARKETPLACE_SCHEMA}"`;
type Writer = Pick<EntityManager | QueryRunner, 'query'>;

interface LabelledSkill {
  readonly id: string;
  readonly labelEn: string;
  readonly labelFr: string | null;
  readonly altLabelsEn: readonly string[];
  readonly altLabelsFr: readonly string[];
}

/** Replaces the search words of these skills, then the vocabulary. */
export async function storeSkillSearchWords(writer: Writer, skills: readonly LabelledSkill[]): Promise<void> {
  for (let i = 0; i < skills.length; i += 2000) {
    const chunk = skills.slice(i, i + 2000);
    const ids: string[] = [];
    const words: string[] = [];
    for (const skill of chunk) {
      const all = new Set(
        [skill.labelEn, skill.labelFr, ...skill.altLabelsEn, ...skill.altLabelsFr].flatMap((label) =>
          label ? labelSearchWords(label) : [],
        ),
      );
      for (const word of all) {
        ids.push(skill.id);
        words.push(word);
      }
    }
    await writer.query(`DELETE FROM ${S}."skill_words" WHERE "skill_id" = ANY($1::uuid[])`, [
      chunk.map((s) => s.id),
    ]);
    await writer.query(
      `INSERT INTO ${S}."skill_words" ("skill_id", "word") SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING`,
      [ids, words],
    );
    await writer.query(
      `UPDATE ${S}."skills" s SET "label_words" = x."n" FROM unnest($1::uuid[], $2::smallint[]) AS x("id", "n") WHERE s."id" = x."id"`,
      [chunk.map((s) => s.id), chunk.map((s) => Math.min(searchWords(s.labelEn).length, 100))],
    );
  }
  await writer.query(
    `DELETE FROM ${S}."skill_vocabulary" v WHERE NOT EXISTS (SELECT 1 FROM ${S}."skill_words" w WHERE w."word" = v."word")`,
  );
  await writer.query(
    `INSERT INTO ${S}."skill_vocabulary" ("word") SELECT DISTINCT "word" FROM ${S}."skill_words" ON CONFLICT DO NOTHING`,
  );
  // Fresh statistics, so a search looks its words up by index rather than scanning.
  await writer.query(`ANALYZE ${S}."skill_words", ${S}."skill_vocabulary"`);
}
