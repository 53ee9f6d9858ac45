// The one statement that writes catalogue entries, shared by the migration's backfill, every
// workflow step that changes what the catalogue shows, and the rebuild command: an entry is always
// derived from the published credential, the design version it was published from, its standing
// endorsements, its sponsorships and its issuer's recorded profile (regions and size, which
// CatalogueRepository.recordOrganization also writes through to the issuer's entries) — so
// rebuilding from scratch gives the same rows.

/**
 * `$1` is an array of credential ids, or NULL for every credential. Text is indexed with the
 * credential's own language's stemming (English or French), accents folded, plus a 'simple'
 * (unstemmed) copy of the title so names and acronyms match as typed.
 */
export const REFRESH_CATALOGUE_SQL = refreshCatalogueSql(true);

/**
 * The statement as migration 1765100000000 ran it, before entries carried their issuer's regions
 * and size (the profiles table did not exist yet): that migration's backfill keeps running on an
 * empty or older database.
 */
export const REFRESH_CATALOGUE_SQL_WITHOUT_ISSUER_FACTS = refreshCatalogueSql(false);

function refreshCatalogueSql(issuerFacts: boolean): string {
  return `
INSERT INTO "credentials"."catalogue_entries" AS e (
  "credential_id", "issuer_id", "title", "description", "language", "delivery_mode", "hours", "price",
  "credit", "transcriptable", "career_stage", "skill_ids", "assessment_methods", "endorsement_count",
  "endorser_sectors", "sponsor_ids", "retired", "published_at", "document", "refreshed_at"${issuerFacts ? `, "issuer_regions", "issuer_size"` : ''})
SELECT c."id", c."issuer_id", c."title", v."snapshot"->>'description',
       coalesce(v."snapshot"->>'language', 'en'),
       v."snapshot"->>'deliveryMode',
       (v."snapshot"->>'hours')::numeric,
       (v."snapshot"->>'price')::numeric,
       (v."snapshot"->>'credit')::boolean,
       (v."snapshot"->>'transcriptable')::boolean,
       v."snapshot"->>'careerStage',
       ARRAY(SELECT DISTINCT lower(x->>'skillId')::uuid FROM jsonb_array_elements(coalesce(v."snapshot"->'competencies', '[]'::jsonb)) x
             WHERE x->>'skillId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
       ARRAY(SELECT DISTINCT m FROM jsonb_array_elements_text(coalesce(v."snapshot"->'assessment'->'methods', '[]'::jsonb)) m),
       (SELECT count(*)::int FROM "credentials"."endorsements" n WHERE n."credential_id" = c."id" AND n."withdrawn_at" IS NULL),
       ARRAY(SELECT DISTINCT CASE left(n."endorser_sector", 2) WHEN '31' THEN '31-33' WHEN '32' THEN '31-33' WHEN '33' THEN '31-33'
                     WHEN '44' THEN '44-45' WHEN '45' THEN '44-45' WHEN '48' THEN '48-49' WHEN '49' THEN '48-49'
                     ELSE left(n."endorser_sector", 2) END FROM "credentials"."endorsements" n
             WHERE n."credential_id" = c."id" AND n."withdrawn_at" IS NULL AND n."endorser_sector" IS NOT NULL),
       ARRAY(SELECT s."umbrella_id" FROM "credentials"."sponsorships" s WHERE s."credential_id" = c."id" ORDER BY s."umbrella_id"),
       d."stage" = 'RETIRED',
       c."published_at",
       setweight(to_tsvector(l.config, public.unaccent(c."title")), 'A')
         || setweight(to_tsvector('simple', public.unaccent(c."title")), 'A')
         || setweight(to_tsvector(l.config, public.unaccent(coalesce(v."snapshot"->>'description', ''))), 'B')
         || setweight(to_tsvector(l.config, public.unaccent(coalesce(
              (SELECT string_agg(o->>'statement', ' ') FROM jsonb_array_elements(coalesce(v."snapshot"->'outcomes', '[]'::jsonb)) o), ''))), 'C'),
       now()${issuerFacts ? `, coalesce(ip."regions", '{}'::text[]), ip."size"` : ''}
FROM "credentials"."credentials" c
JOIN "credentials"."design_versions" v ON v."design_id" = c."design_id" AND v."version" = c."design_version"
JOIN "credentials"."designs" d ON d."id" = c."design_id"${
    issuerFacts
      ? `
LEFT JOIN "credentials"."organization_profiles" ip ON ip."organization_id" = c."issuer_id"`
      : ''
  }
CROSS JOIN LATERAL (SELECT (CASE WHEN v."snapshot"->>'language' = 'fr' THEN 'french' ELSE 'english' END)::regconfig AS config) l
WHERE $1::uuid[] IS NULL OR c."id" = ANY($1::uuid[])
ON CONFLICT ("credential_id") DO UPDATE SET
  "issuer_id" = excluded."issuer_id", "title" = excluded."title", "description" = excluded."description",
  "language" = excluded."language", "delivery_mode" = excluded."delivery_mode", "hours" = excluded."hours",
  "price" = excluded."price", "credit" = excluded."credit", "transcriptable" = excluded."transcriptable",
  "career_stage" = excluded."career_stage", "skill_ids" = excluded."skill_ids",
  "assessment_methods" = excluded."assessment_methods", "endorsement_count" = excluded."endorsement_count",
  "endorser_sectors" = excluded."endorser_sectors", "sponsor_ids" = excluded."sponsor_ids",
  "retired" = excluded."retired", "published_at" = excluded."published_at", "document" = excluded."document",
  "refreshed_at" = excluded."refreshed_at"${issuerFacts ? `, "issuer_regions" = excluded."issuer_regions", "issuer_size" = excluded."issuer_size"` : ''}`;
}
