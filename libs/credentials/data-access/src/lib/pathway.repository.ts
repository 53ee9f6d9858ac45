// Pathways and recognitions: their rows, the facts a definition is checked against (which
// credentials are published, whose, retired or not; whether a new pathway would close a cycle),
// and a learner's holdings for progress — each one statement.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { HeldMember, PathwayRule } from '@lattice/credentials-domain';

export interface PathwayRow {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly description: string | null;
  readonly targetCredentialId: string | null;
  readonly rule: PathwayRule;
  readonly requiredCount: number;
  readonly ordered: boolean;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface PathwayMemberRow {
  readonly pathwayId: string;
  readonly credentialId: string;
  readonly title: string;
  readonly issuerId: string;
  readonly position: number;
  readonly minScore: number | null;
}

export interface RecognitionRow {
  readonly id: string;
  readonly institutionId: string;
  readonly credentialId: string;
  readonly pathwayId: string | null;
  readonly creditAmount: number | null;
  readonly creditUnit: string | null;
  readonly conditions: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** Where a page of pathways starts: the created_at (as Postgres wrote it) and id of the last one seen. */
export type PathwayAfter = readonly [string, string] | null;

export interface PublishedFacts {
  readonly id: string;
  readonly issuerId: string;
  readonly retired: boolean;
  readonly sponsorIds: string[];
}

const PATHWAY_COLUMNS = `p."id", p."owner_id" AS "ownerId", p."title", p."description", p."target_credential_id" AS "targetCredentialId", p."rule",
  p."required_count" AS "requiredCount", p."ordered", p."created_by" AS "createdBy", p."created_at" AS "createdAt"`;
const RECOGNITION_COLUMNS = `r."id", r."institution_id" AS "institutionId", r."credential_id" AS "credentialId", r."pathway_id" AS "pathwayId",
  r."credit_amount"::float8 AS "creditAmount", r."credit_unit" AS "creditUnit", r."conditions", r."created_by" AS "createdBy", r."created_at" AS "createdAt"`;

@Injectable()
export class PathwayRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Published credentials among these ids, with their issuer, whether retired, and their sponsors,
   * read inside the caller's transaction with their design rows share-locked: a retirement of one
   * of them waits for the caller to commit (or the caller sees it retired), never slips in between.
   */
  async publishedFacts(manager: EntityManager, ids: readonly string[]): Promise<Map<string, PublishedFacts>> {
    const rows = (await manager.query(
      `SELECT c."id", c."issuer_id" AS "issuerId", d."stage" = 'RETIRED' AS "retired",
              ARRAY(SELECT s."umbrella_id" FROM "credentials"."sponsorships" s WHERE s."credential_id" = c."id") AS "sponsorIds"
         FROM "credentials"."credentials" c JOIN "credentials"."designs" d ON d."id" = c."design_id"
        WHERE c."id" = ANY($1::uuid[])
          FOR SHARE OF d`,
      [ids],
    )) as PublishedFacts[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Whether a pathway from these members to this target would close a cycle: it does when the
   * target already stacks, through existing pathways, into one of the members. Call after
   * lockDefinitions() in the same transaction, so two definitions cannot close a cycle between them.
   */
  async wouldCycle(manager: EntityManager, targetId: string, memberIds: readonly string[]): Promise<boolean> {
    const [{ cycle }] = (await manager.query(
      `WITH RECURSIVE above(credential_id) AS (
         SELECT $1::uuid
         UNION
         SELECT p."target_credential_id" FROM above
           JOIN "credentials"."pathway_members" m ON m."credential_id" = above.credential_id
           JOIN "credentials"."pathways" p ON p."id" = m."pathway_id"
          WHERE p."target_credential_id" IS NOT NULL)
       SELECT EXISTS (SELECT 1 FROM above WHERE credential_id = ANY($2::uuid[])) AS cycle`,
      [targetId, memberIds],
    )) as [{ cycle: boolean }];
    return cycle;
  }

  /** Serializes pathway definitions (until the caller's transaction ends): cycle checks see each other. */
  async lockDefinitions(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('credentials.pathways'))`);
  }

  async insert(
    manager: EntityManager,
    pathway: PathwayRow,
    members: readonly { credentialId: string; minScore: number | null }[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "credentials"."pathways" ("id", "owner_id", "title", "description", "target_credential_id", "rule", "required_count", "ordered", "created_by", "created_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        pathway.id,
        pathway.ownerId,
        pathway.title,
        pathway.description,
        pathway.targetCredentialId,
        pathway.rule,
        pathway.requiredCount,
        pathway.ordered,
        pathway.createdBy,
        pathway.createdAt,
      ],
    );
    await manager.query(
      `INSERT INTO "credentials"."pathway_members" ("pathway_id", "credential_id", "position", "min_score")
       SELECT $1, m.credential_id, m.position, m.min_score FROM unnest($2::uuid[], $3::int[], $4::numeric[]) AS m(credential_id, position, min_score)`,
      [
        pathway.id,
        members.map((m) => m.credentialId),
        members.map((_, i) => i + 1),
        members.map((m) => m.minScore),
      ],
    );
  }

  async byIds(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PathwayRow[]> {
    return (await manager.query(
      `SELECT ${PATHWAY_COLUMNS} FROM "credentials"."pathways" p WHERE p."id" = ANY($1::uuid[])`,
      [ids],
    )) as PathwayRow[];
  }

  /**
   * Pathways a credential counts toward (as a step) or leads to (as the target), or those an
   * organization owns; newest first, `limit` rows after the (created_at, id) keyset `after`.
   */
  async page(
    by: { readonly credentialId: string } | { readonly ownerId: string },
    limit: number,
    after: PathwayAfter,
  ): Promise<(PathwayRow & { sortKey: string })[]> {
    const params: unknown[] = ['credentialId' in by ? by.credentialId : by.ownerId];
    const where = [
      'credentialId' in by
        ? `(p."target_credential_id" = $1 OR EXISTS (SELECT 1 FROM "credentials"."pathway_members" m WHERE m."pathway_id" = p."id" AND m."credential_id" = $1))`
        : `p."owner_id" = $1`,
    ];
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(p."created_at", p."id") < ($2::timestamptz, $3::uuid)`);
    }
    params.push(limit);
    return (await this.dataSource.query(
      `SELECT ${PATHWAY_COLUMNS}, p."created_at"::text AS "sortKey" FROM "credentials"."pathways" p
        WHERE ${where.join(' AND ')}
        ORDER BY p."created_at" DESC, p."id" DESC LIMIT $${params.length}`,
      params,
    )) as (PathwayRow & { sortKey: string })[];
  }

  /** The members of these pathways, in order. */
  async membersOf(pathwayIds: readonly string[]): Promise<PathwayMemberRow[]> {
    return (await this.dataSource.query(
      `SELECT m."pathway_id" AS "pathwayId", m."credential_id" AS "credentialId", c."title", c."issuer_id" AS "issuerId", m."position", m."min_score"::float8 AS "minScore"
         FROM "credentials"."pathway_members" m JOIN "credentials"."credentials" c ON c."id" = m."credential_id"
        WHERE m."pathway_id" = ANY($1::uuid[]) ORDER BY m."pathway_id", m."position"`,
      [pathwayIds],
    )) as PathwayMemberRow[];
  }

  /**
   * Every pathway in which the learner (by the awards' recipient lookup) holds a standing award of
   * at least one step, with what they hold of each step: one statement.
   */
  async holdings(
    recipientLookup: string,
    options: { readonly manager?: EntityManager; readonly pathwayId?: string } = {},
  ): Promise<{ pathway: PathwayRow; members: HeldMember[] }[]> {
    const rows = (await (options.manager ?? this.dataSource.manager).query(
      `WITH mine AS (
         SELECT a."credential_id", max(a."score")::float8 AS best, min(a."created_at") AS earned_at
           FROM "credentials"."awards" a WHERE a."recipient_lookup" = $1 AND a."status" = 'ACTIVE' GROUP BY a."credential_id"),
       touched AS (SELECT DISTINCT m."pathway_id" FROM "credentials"."pathway_members" m JOIN mine ON mine."credential_id" = m."credential_id"
                    ${options.pathwayId ? 'WHERE m."pathway_id" = $2::uuid' : ''})
       SELECT ${PATHWAY_COLUMNS}, m."credential_id" AS "memberId", m."position", m."min_score"::float8 AS "minScore", mine.best, mine.earned_at AS "earnedAt"
         FROM touched JOIN "credentials"."pathways" p ON p."id" = touched."pathway_id"
         JOIN "credentials"."pathway_members" m ON m."pathway_id" = p."id"
         LEFT JOIN mine ON mine."credential_id" = m."credential_id"
        ORDER BY p."created_at" DESC, p."id", m."position"`,
      options.pathwayId ? [recipientLookup, options.pathwayId] : [recipientLookup],
    )) as (PathwayRow & {
      memberId: string;
      position: number;
      minScore: number | null;
      best: number | null;
      earnedAt: Date | null;
    })[];
    const byPathway = new Map<string, { pathway: PathwayRow; members: HeldMember[] }>();
    for (const row of rows) {
      const { memberId, position, minScore, best, earnedAt, ...pathway } = row;
      const entry = byPathway.get(pathway.id) ?? { pathway, members: [] };
      entry.members.push({ credentialId: memberId, position, minScore, bestScore: best, earnedAt });
      byPathway.set(pathway.id, entry);
    }
    return [...byPathway.values()];
  }

  /**
   * Share-locks the learner's standing awards of these credentials until the caller's transaction
   * ends: a revocation of one of them waits, or has committed and is seen by what follows.
   */
  async lockStandingAwards(
    manager: EntityManager,
    recipientLookup: string,
    credentialIds: readonly string[],
  ): Promise<void> {
    await manager.query(
      `SELECT a."id" FROM "credentials"."awards" a
        WHERE a."recipient_lookup" = $1 AND a."status" = 'ACTIVE' AND a."credential_id" = ANY($2::uuid[])
        ORDER BY a."id" FOR SHARE`,
      [recipientLookup, credentialIds],
    );
  }

  /** The learner's standing awards of these credentials (newest first per credential), for evidence. */
  async standingAwards(
    recipientLookup: string,
    credentialIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; credentialId: string; title: string }[]> {
    return (await manager.query(
      `SELECT DISTINCT ON (a."credential_id") a."id", a."credential_id" AS "credentialId", c."title"
         FROM "credentials"."awards" a JOIN "credentials"."credentials" c ON c."id" = a."credential_id"
        WHERE a."recipient_lookup" = $1 AND a."status" = 'ACTIVE' AND a."credential_id" = ANY($2::uuid[])
        ORDER BY a."credential_id", a."score" DESC, a."created_at"`,
      [recipientLookup, credentialIds],
    )) as { id: string; credentialId: string; title: string }[];
  }

  async insertRecognition(manager: EntityManager, recognition: RecognitionRow): Promise<void> {
    await manager.query(
      `INSERT INTO "credentials"."recognitions" ("id", "institution_id", "credential_id", "pathway_id", "credit_amount", "credit_unit", "conditions", "created_by", "created_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        recognition.id,
        recognition.institutionId,
        recognition.credentialId,
        recognition.pathwayId,
        recognition.creditAmount,
        recognition.creditUnit,
        recognition.conditions,
        recognition.createdBy,
        recognition.createdAt,
      ],
    );
  }

  /** A recognition (withdrawn or not), row-locked for the caller's transaction; null when there is none. */
  async recognitionForUpdate(
    manager: EntityManager,
    id: string,
  ): Promise<(RecognitionRow & { withdrawnAt: Date | null }) | null> {
    const [row] = (await manager.query(
      `SELECT ${RECOGNITION_COLUMNS}, r."withdrawn_at" AS "withdrawnAt" FROM "credentials"."recognitions" r WHERE r."id" = $1 FOR UPDATE`,
      [id],
    )) as (RecognitionRow & { withdrawnAt: Date | null })[];
    return row ?? null;
  }

  async withdrawRecognition(manager: EntityManager, id: string, at: Date, by: string): Promise<void> {
    await manager.query(
      `UPDATE "credentials"."recognitions" SET "withdrawn_at" = $2, "withdrawn_by" = $3 WHERE "id" = $1`,
      [id, at, by],
    );
  }

  /** Standing recognitions of a credential (where it counts), oldest first. */
  async recognitionsOf(credentialId: string): Promise<RecognitionRow[]> {
    return (await this.dataSource.query(
      `SELECT ${RECOGNITION_COLUMNS} FROM "credentials"."recognitions" r WHERE r."credential_id" = $1 AND r."withdrawn_at" IS NULL ORDER BY r."created_at", r."id" LIMIT 200`,
      [credentialId],
    )) as RecognitionRow[];
  }
}
