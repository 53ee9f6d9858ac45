// Writes an imported taxonomy: upsert by URI (ids are derived from URIs, so re-imports keep
// them), then replace the broader edges and group links of the imported concepts. One
// transaction under an advisory lock, so replicas starting together import once.
import type { DataSource, EntityManager } from 'typeorm';
import type { SkillTaxonomy } from '@lattice/marketplace-domain';
import { MARKETPLACE_SCHEMA } from './marketplace.entities';
import { storeSkillSearchWords } from './skill-search-words';

const CHUNK = 1000;

export interface TaxonomyImportResult {
  readonly skills: number;
  readonly broader: number;
  readonly groups: number;
}

export async function countSkills(dataSource: DataSource, framework: 'ESCO' | 'SFS'): Promise<number> {
  const rows = (await dataSource.query(
    `SELECT count(*)::int AS n FROM "${MARKETPLACE_SCHEMA}"."skills" WHERE "framework" = $1`,
    [framework],
  )) as Array<{ n: number }>;
  return rows[0]?.n ?? 0;
}

/** Stores the taxonomy; with `onlyIfEmpty` it does nothing when ESCO skills are already there. */
export async function storeSkillTaxonomy(
  dataSource: DataSource,
  taxonomy: SkillTaxonomy,
  options: { onlyIfEmpty?: boolean } = {},
): Promise<TaxonomyImportResult | null> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('lattice.marketplace.skills-import'))`);
    if (options.onlyIfEmpty) {
      const rows = (await manager.query(
        `SELECT EXISTS (SELECT 1 FROM "${MARKETPLACE_SCHEMA}"."skills" WHERE "framework" = 'ESCO') AS present`,
      )) as Array<{ present: boolean }>;
      if (rows[0]?.present) return null;
    }
    for (let i = 0; i < taxonomy.skills.length; i += CHUNK) {
      await upsertSkills(manager, taxonomy.skills.slice(i, i + CHUNK));
    }
    const ids = taxonomy.skills.map((s) => s.id);
    await manager.query(
      `DELETE FROM "${MARKETPLACE_SCHEMA}"."skill_broader" WHERE "skill_id" = ANY($1::uuid[])`,
      [ids],
    );
    await manager.query(
      `DELETE FROM "${MARKETPLACE_SCHEMA}"."skill_groups" WHERE "skill_id" = ANY($1::uuid[])`,
      [ids],
    );
    for (let i = 0; i < taxonomy.broader.length; i += CHUNK * 5) {
      const chunk = taxonomy.broader.slice(i, i + CHUNK * 5);
      await manager.query(
        `INSERT INTO "${MARKETPLACE_SCHEMA}"."skill_broader" ("skill_id", "broader_id")
         SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
        [chunk.map((e) => e.skillId), chunk.map((e) => e.broaderId)],
      );
    }
    for (let i = 0; i < taxonomy.groups.length; i += CHUNK * 5) {
      const chunk = taxonomy.groups.slice(i, i + CHUNK * 5);
      await manager.query(
        `INSERT INTO "${MARKETPLACE_SCHEMA}"."skill_groups" ("skill_id", "group_id", "level", "nearest")
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::boolean[]) ON CONFLICT DO NOTHING`,
        [
          chunk.map((g) => g.skillId),
          chunk.map((g) => g.groupId),
          chunk.map((g) => g.level),
          chunk.map((g) => g.nearest),
        ],
      );
    }
    await storeSkillSearchWords(manager, taxonomy.skills);
    return {
      skills: taxonomy.skills.length,
      broader: taxonomy.broader.length,
      groups: taxonomy.groups.length,
    };
  });
}

async function upsertSkills(manager: EntityManager, skills: SkillTaxonomy['skills']): Promise<void> {
  await manager.query(
    `INSERT INTO "${MARKETPLACE_SCHEMA}"."skills"
       ("id", "uri", "framework", "kind", "code", "label_en", "label_fr", "alt_labels_en", "alt_labels_fr",
        "description_en", "description_fr", "skill_type", "reuse_level", "collections", "search_text")
     SELECT x."id", x."uri", x."framework", x."kind", x."code", x."labelEn", x."labelFr", x."altLabelsEn", x."altLabelsFr",
            x."descriptionEn", x."descriptionFr", x."skillType", x."reuseLevel", x."collections", x."searchText"
       FROM jsonb_to_recordset($1::jsonb) AS x("id" uuid, "uri" text, "framework" text, "kind" text, "code" text,
            "labelEn" text, "labelFr" text, "altLabelsEn" text[], "altLabelsFr" text[], "descriptionEn" text,
            "descriptionFr" text, "skillType" text, "reuseLevel" text, "collections" text[], "searchText" text)
     ON CONFLICT ("uri") DO UPDATE SET
       "framework" = EXCLUDED."framework", "kind" = EXCLUDED."kind", "code" = EXCLUDED."code",
       "label_en" = EXCLUDED."label_en", "label_fr" = EXCLUDED."label_fr",
       "alt_labels_en" = EXCLUDED."alt_labels_en", "alt_labels_fr" = EXCLUDED."alt_labels_fr",
       "description_en" = EXCLUDED."description_en", "description_fr" = EXCLUDED."description_fr",
       "skill_type" = EXCLUDED."skill_type", "reuse_level" = EXCLUDED."reuse_level",
       "collections" = EXCLUDED."collections", "search_text" = EXCLUDED."search_text", "imported_at" = now()`,
    [JSON.stringify(skills)],
  );
}
