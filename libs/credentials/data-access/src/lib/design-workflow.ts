// The co-development workflow's statements, each inside the caller's transaction (its
// EntityManager): designs created, edited and moved between stages, approvals and comments,
// frameworks added, credentials published, overdue reviews flagged. Reads for lists and
// summaries take the DataSource's manager. The use cases decide; these only read and write.
import type { EntityManager } from 'typeorm';
import type { DesignContent } from '@lattice/credentials-domain';
import type { DesignStage } from '@lattice/shared-contracts';
import {
  CredentialEntity,
  DesignApprovalEntity,
  DesignCommentEntity,
  DesignEntity,
  FrameworkEntity,
} from './credentials.entities';

/** A keyset page: `after` is the last row's (sort key, id). */
export interface KeysetPage {
  readonly limit: number;
  readonly after: readonly [sortKey: string | number, id: string] | null;
}

/** Rows of one page (one more than the limit, to tell whether another follows) and the count of all. */
export interface CountedPage<T> {
  readonly rows: T[];
  readonly total: number;
}

export function findDesign(manager: EntityManager, id: string): Promise<DesignEntity | null> {
  return manager.findOneBy(DesignEntity, { id });
}

export function getDesign(manager: EntityManager, id: string): Promise<DesignEntity> {
  return manager.findOneByOrFail(DesignEntity, { id });
}

export function getFramework(manager: EntityManager, id: string): Promise<FrameworkEntity> {
  return manager.findOneByOrFail(FrameworkEntity, { id });
}

/** The approvals recorded for this version of the design (withdrawn ones included). */
export function approvalsOfVersion(
  manager: EntityManager,
  designId: string,
  version: number,
): Promise<DesignApprovalEntity[]> {
  return manager.findBy(DesignApprovalEntity, { designId, version });
}

export async function insertDesign(
  manager: EntityManager,
  design: { id: string; issuerId: string; content: DesignContent; createdBy: string },
): Promise<void> {
  const { content } = design;
  await manager.query(
    `INSERT INTO "credentials"."designs" ("id", "issuer_id", "title", "framework_id", "partnership_id", "partner_ids", "content", "stage", "version", "created_by", "created_at", "updated_at")
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7::jsonb, 'DRAFT', 1, $8, now(), now())`,
    [
      design.id,
      design.issuerId,
      content.title,
      content.frameworkId,
      content.partnershipId,
      content.partnerIds,
      JSON.stringify(content),
      design.createdBy,
    ],
  );
}

/**
 * Writes an edit if the design is still at `expectedVersion` in `fromStage`: its new content,
 * title, framework and partnership, the stage `toStage`, and the next version. Returns that
 * version, null when someone else changed the design first.
 */
export async function editDesign(
  manager: EntityManager,
  id: string,
  edit: { expectedVersion: number; fromStage: DesignStage; toStage: DesignStage; content: DesignContent },
): Promise<number | null> {
  const { content } = edit;
  const [rows] = (await manager.query(
    `UPDATE "credentials"."designs"
        SET "content" = $3::jsonb, "title" = $4, "framework_id" = $5, "partnership_id" = $6, "stage" = $7,
            "version" = "version" + 1, "updated_at" = now()
      WHERE "id" = $1 AND "version" = $2 AND "stage" = $8
      RETURNING "version"`,
    [
      id,
      edit.expectedVersion,
      JSON.stringify(content),
      content.title,
      content.frameworkId,
      content.partnershipId,
      edit.toStage,
      edit.fromStage,
    ],
  )) as [Array<{ version: number }>, number];
  return rows[0]?.version ?? null;
}

/** Writes the design's content with a new partner list, at `version`, in `stage` (the design is locked). */
export async function setDesignPartners(
  manager: EntityManager,
  id: string,
  content: DesignContent,
  version: number,
  stage: DesignStage,
): Promise<void> {
  await manager.query(
    `UPDATE "credentials"."designs" SET "content" = $2::jsonb, "partner_ids" = $3::uuid[], "version" = $4, "stage" = $5, "updated_at" = now() WHERE "id" = $1`,
    [id, JSON.stringify(content), content.partnerIds, version, stage],
  );
}

export async function setDesignStage(manager: EntityManager, id: string, stage: DesignStage): Promise<void> {
  await manager.query(
    `UPDATE "credentials"."designs" SET "stage" = $2, "updated_at" = now() WHERE "id" = $1`,
    [id, stage],
  );
}

/** The design goes to review (or straight to APPROVED): its due date, and the framework check it passed or failed. */
export async function submitDesign(
  manager: EntityManager,
  id: string,
  submission: { stage: DesignStage; reviewDueAt: Date; frameworkId: string; checkPassed: boolean },
): Promise<void> {
  await manager.query(
    `UPDATE "credentials"."designs"
        SET "stage" = $2, "review_due_at" = $3, "overdue_notified_version" = NULL,
            "checked_framework_id" = $4, "checked_at" = now(), "checked_passed" = $5, "updated_at" = now()
      WHERE "id" = $1`,
    [id, submission.stage, submission.reviewDueAt, submission.frameworkId, submission.checkPassed],
  );
}

/** Records the published credential and marks its design PUBLISHED, checked against `credential.frameworkId`. */
export async function publishDesign(manager: EntityManager, credential: CredentialEntity): Promise<void> {
  await manager.insert(CredentialEntity, credential);
  await manager.query(
    `UPDATE "credentials"."designs" SET "stage" = 'PUBLISHED', "checked_framework_id" = $2, "checked_at" = now(), "checked_passed" = true, "updated_at" = now() WHERE "id" = $1`,
    [credential.designId, credential.frameworkId],
  );
}

/** Seconds the design has spent in each stage so far (the open visit counted up to now). */
export async function secondsPerStage(
  manager: EntityManager,
  designId: string,
): Promise<Array<{ stage: string; seconds: number }>> {
  return (await manager.query(
    `SELECT "stage", sum(extract(epoch FROM now() - "entered_at") - coalesce(extract(epoch FROM now() - "left_at"), 0))::float8 AS "seconds"
       FROM "credentials"."design_stage_history" WHERE "design_id" = $1 GROUP BY "stage"`,
    [designId],
  )) as Array<{ stage: string; seconds: number }>;
}

export async function insertApproval(
  manager: EntityManager,
  approval: Omit<DesignApprovalEntity, 'withdrawnAt'>,
): Promise<void> {
  await manager.insert(DesignApprovalEntity, { ...approval, withdrawnAt: null });
}

export async function insertComment(manager: EntityManager, comment: DesignCommentEntity): Promise<void> {
  await manager.insert(DesignCommentEntity, comment);
}

/** The published credentials of a design. */
export function credentialsOfDesign(manager: EntityManager, designId: string): Promise<CredentialEntity[]> {
  return manager.findBy(CredentialEntity, { designId });
}

/** Inserts a framework version; a second one with the same key and version is a unique violation. */
export async function insertFramework(
  manager: EntityManager,
  framework: {
    id: string;
    key: string;
    name: string;
    version: string;
    publisher: string;
    description: string;
    rules: unknown;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO "credentials"."frameworks" ("id", "key", "name", "version", "publisher", "description", "rules") VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [
      framework.id,
      framework.key,
      framework.name,
      framework.version,
      framework.publisher,
      framework.description,
      JSON.stringify(framework.rules),
    ],
  );
}

/**
 * Flags (once per version) up to `limit` designs whose review is overdue at `now`, skipping
 * those another replica holds; returns them.
 */
export async function flagOverdueReviews(
  manager: EntityManager,
  now: Date,
  limit: number,
): Promise<
  Array<{
    id: string;
    title: string;
    issuer_id: string;
    partner_ids: string[];
    version: number;
    review_due_at: Date;
  }>
> {
  const [rows] = (await manager.query(
    `UPDATE "credentials"."designs" d SET "overdue_notified_version" = d."version"
      WHERE d."id" IN (
        SELECT "id" FROM "credentials"."designs"
         WHERE "stage" = 'IN_REVIEW' AND "review_due_at" < $1 AND "overdue_notified_version" IS DISTINCT FROM "version"
         ORDER BY "review_due_at" LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING d."id", d."title", d."issuer_id", d."partner_ids", d."version", d."review_due_at"`,
    [now, limit],
  )) as [
    Array<{
      id: string;
      title: string;
      issuer_id: string;
      partner_ids: string[];
      version: number;
      review_due_at: Date;
    }>,
    number,
  ];
  return rows;
}

/** The designs an organization is a party to (issuer or partner), newest first, optionally in one stage. */
export async function pageOfDesigns(
  manager: EntityManager,
  organizationId: string,
  stage: DesignStage | null,
  page: KeysetPage,
): Promise<CountedPage<DesignEntity>> {
  const query = manager
    .getRepository(DesignEntity)
    .createQueryBuilder('d')
    // Tenant scope in SQL: only designs this organization is a party to.
    .where('(d.issuer_id = :organizationId OR d.partner_ids @> ARRAY[:organizationId]::uuid[])', {
      organizationId,
    });
  if (stage) query.andWhere('d.stage = :stage', { stage });
  const total = await query.clone().getCount();
  if (page.after)
    query.andWhere('(d.created_at, d.id) < (:afterAt::timestamptz, :afterId::uuid)', {
      afterAt: String(page.after[0]),
      afterId: page.after[1],
    });
  const rows = await query
    .orderBy('d.created_at', 'DESC')
    .addOrderBy('d.id', 'DESC')
    .limit(page.limit + 1)
    .getMany();
  return { rows, total };
}

/** Published credentials, newest first, optionally of one issuer. */
export async function pageOfCredentials(
  manager: EntityManager,
  issuerId: string | null,
  page: KeysetPage,
): Promise<CountedPage<CredentialEntity>> {
  const query = manager.getRepository(CredentialEntity).createQueryBuilder('c');
  if (issuerId) query.andWhere('c.issuer_id = :issuerId', { issuerId });
  const total = await query.clone().getCount();
  if (page.after)
    query.andWhere('(c.published_at, c.id) < (:afterAt::timestamptz, :afterId::uuid)', {
      afterAt: String(page.after[0]),
      afterId: page.after[1],
    });
  const rows = await query
    .orderBy('c.published_at', 'DESC')
    .addOrderBy('c.id', 'DESC')
    .limit(page.limit + 1)
    .getMany();
  return { rows, total };
}

const PARTY = `(d."issuer_id" = $1 OR d."partner_ids" @> ARRAY[$1]::uuid[])`;

/** For the designs an organization is a party to: per stage, how many designs visited it and their total time there (ms, open visits up to now). */
export async function stageVisitsOfParty(
  manager: EntityManager,
  organizationId: string,
): Promise<Array<{ stage: DesignStage; visited: number; total_ms: number }>> {
  return (await manager.query(
    `SELECT h."stage", count(DISTINCT h."design_id")::int AS "visited",
            (sum(extract(epoch FROM coalesce(h."left_at", now()) - h."entered_at")) * 1000)::float8 AS "total_ms"
       FROM "credentials"."design_stage_history" h JOIN "credentials"."designs" d ON d."id" = h."design_id"
      WHERE ${PARTY} GROUP BY h."stage"`,
    [organizationId],
  )) as Array<{ stage: DesignStage; visited: number; total_ms: number }>;
}

/** The party's designs not yet published or retired, with the organizations that approved their current version. */
export async function openDesignsOfParty(
  manager: EntityManager,
  organizationId: string,
): Promise<
  Array<{ stage: DesignStage; issuer_id: string; partner_ids: string[]; version: number; approved: string[] }>
> {
  return (await manager.query(
    `SELECT d."stage", d."issuer_id", d."partner_ids", d."version",
            coalesce(array_agg(a."organization_id") FILTER (WHERE a."organization_id" IS NOT NULL), '{}') AS "approved"
       FROM "credentials"."designs" d
       LEFT JOIN "credentials"."design_approvals" a ON a."design_id" = d."id" AND a."version" = d."version" AND a."withdrawn_at" IS NULL
      WHERE ${PARTY} AND d."stage" NOT IN ('PUBLISHED', 'RETIRED')
      GROUP BY d."id"`,
    [organizationId],
  )) as Array<{
    stage: DesignStage;
    issuer_id: string;
    partner_ids: string[];
    version: number;
    approved: string[];
  }>;
}

/** How many of the party's designs are in each stage now. */
export async function designsPerStageOfParty(
  manager: EntityManager,
  organizationId: string,
): Promise<Array<{ stage: DesignStage; n: number }>> {
  return (await manager.query(
    `SELECT d."stage", count(*)::int AS "n" FROM "credentials"."designs" d WHERE ${PARTY} GROUP BY d."stage"`,
    [organizationId],
  )) as Array<{
    stage: DesignStage;
    n: number;
  }>;
}

/** Every framework version: by key, newest version of each first. */
export function allFrameworks(manager: EntityManager): Promise<FrameworkEntity[]> {
  return manager.find(FrameworkEntity, { order: { key: 'ASC', createdAt: 'DESC', version: 'DESC' } });
}

export function findComment(manager: EntityManager, id: string): Promise<DesignCommentEntity | null> {
  return manager.findOneBy(DesignCommentEntity, { id });
}

export function getComment(manager: EntityManager, id: string): Promise<DesignCommentEntity> {
  return manager.findOneByOrFail(DesignCommentEntity, { id });
}

/** The comment, only when it is on this design. */
export function findCommentOnDesign(
  manager: EntityManager,
  id: string,
  designId: string,
): Promise<DesignCommentEntity | null> {
  return manager.findOneBy(DesignCommentEntity, { id, designId });
}

/** Resolves (with who and when) or reopens a thread. */
export async function setThreadResolved(
  manager: EntityManager,
  threadId: string,
  resolvedBy: string | null,
): Promise<void> {
  await manager.update(
    DesignCommentEntity,
    { id: threadId },
    resolvedBy ? { resolvedAt: new Date(), resolvedBy } : { resolvedAt: null, resolvedBy: null },
  );
}
