// Reads the credentials subgraph needs in more than one place, batched for DataLoaders, and the
// small writes every workflow step shares (versions, stage history, approvals).
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { DesignContent } from '@lattice/credentials-domain';
import {
  AdoptionEntity,
  CredentialEntity,
  DesignApprovalEntity,
  DesignCommentEntity,
  DesignEntity,
  DesignStageVisitEntity,
  DesignVersionEntity,
  EndorsementEntity,
  FrameworkEntity,
  SponsorshipEntity,
} from './credentials.entities';
import { type DesignStage } from '@lattice/shared-contracts';

@Injectable()
export class CredentialDesignRepository {
  constructor(private readonly dataSource: DataSource) {}

  designsByIds(ids: readonly string[]): Promise<DesignEntity[]> {
    return this.dataSource.getRepository(DesignEntity).findBy({ id: In([...ids]) });
  }

  designById(id: string): Promise<DesignEntity | null> {
    return this.dataSource.getRepository(DesignEntity).findOneBy({ id });
  }

  /** Version headers (no snapshots), oldest first. */
  /** The published versions (with their snapshots) of these credentials, by credential id. */
  async publishedVersionsOf(
    credentialIds: readonly string[],
  ): Promise<Array<{ credentialId: string; snapshot: DesignContent }>> {
    const rows: Array<{ credential_id: string; snapshot: DesignContent }> = await this.dataSource.query(
      `SELECT c."id" AS "credential_id", v."snapshot"
         FROM "credentials"."credentials" c
         JOIN "credentials"."design_versions" v ON v."design_id" = c."design_id" AND v."version" = c."design_version"
        WHERE c."id" = ANY($1::uuid[])`,
      [[...credentialIds]],
    );
    return rows.map((row) => ({ credentialId: row.credential_id, snapshot: row.snapshot }));
  }

  versionsOfDesigns(designIds: readonly string[]): Promise<DesignVersionEntity[]> {
    return this.dataSource.getRepository(DesignVersionEntity).find({
      select: { designId: true, version: true, authorId: true, summary: true, createdAt: true },
      where: { designId: In([...designIds]) },
      order: { version: 'ASC' },
    });
  }

  version(designId: string, version: number): Promise<DesignVersionEntity | null> {
    return this.dataSource.getRepository(DesignVersionEntity).findOneBy({ designId, version });
  }

  commentsOfDesigns(designIds: readonly string[]): Promise<DesignCommentEntity[]> {
    return this.dataSource
      .getRepository(DesignCommentEntity)
      .find({ where: { designId: In([...designIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Approvals still standing (not withdrawn by a later edit). */
  approvalsOfDesigns(designIds: readonly string[]): Promise<DesignApprovalEntity[]> {
    return this.dataSource
      .getRepository(DesignApprovalEntity)
      .find({ where: { designId: In([...designIds]), withdrawnAt: IsNull() }, order: { approvedAt: 'ASC' } });
  }

  stageVisitsOfDesigns(designIds: readonly string[]): Promise<DesignStageVisitEntity[]> {
    return this.dataSource
      .getRepository(DesignStageVisitEntity)
      .find({ where: { designId: In([...designIds]) }, order: { id: 'ASC' } });
  }

  frameworksByIds(ids: readonly string[]): Promise<FrameworkEntity[]> {
    return this.dataSource.getRepository(FrameworkEntity).findBy({ id: In([...ids]) });
  }

  frameworkById(id: string): Promise<FrameworkEntity | null> {
    return this.dataSource.getRepository(FrameworkEntity).findOneBy({ id });
  }

  credentialsByIds(ids: readonly string[]): Promise<CredentialEntity[]> {
    return this.dataSource.getRepository(CredentialEntity).findBy({ id: In([...ids]) });
  }

  credentialsOfDesigns(designIds: readonly string[]): Promise<CredentialEntity[]> {
    return this.dataSource.getRepository(CredentialEntity).findBy({ designId: In([...designIds]) });
  }

  endorsementsOfCredentials(credentialIds: readonly string[]): Promise<EndorsementEntity[]> {
    return this.dataSource
      .getRepository(EndorsementEntity)
      .find({ where: { credentialId: In([...credentialIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  sponsorshipsOfCredentials(credentialIds: readonly string[]): Promise<SponsorshipEntity[]> {
    return this.dataSource
      .getRepository(SponsorshipEntity)
      .find({ where: { credentialId: In([...credentialIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  adoptionsOfCredentials(credentialIds: readonly string[]): Promise<AdoptionEntity[]> {
    return this.dataSource
      .getRepository(AdoptionEntity)
      .find({ where: { credentialId: In([...credentialIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}

/** The design row, locked for the rest of the transaction: workflow steps on one design run one at a time. */
export function lockDesign(manager: EntityManager, id: string): Promise<DesignEntity | null> {
  return manager
    .getRepository(DesignEntity)
    .createQueryBuilder('d')
    .setLock('pessimistic_write')
    .where('d.id = :id', { id })
    .getOne();
}

export async function appendDesignVersion(
  manager: EntityManager,
  designId: string,
  version: number,
  snapshot: DesignContent,
  authorId: string,
  summary: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO "credentials"."design_versions" ("design_id", "version", "snapshot", "author_id", "summary", "created_at") VALUES ($1, $2, $3::jsonb, $4, $5, now())`,
    [designId, version, JSON.stringify(snapshot), authorId, summary],
  );
}

/** Closes the open stage visit and opens the next one, at the transaction's time. */
export async function enterStage(
  manager: EntityManager,
  designId: string,
  stage: DesignStage,
  version: number,
  actorId: string,
): Promise<void> {
  await manager.query(
    `UPDATE "credentials"."design_stage_history" SET "left_at" = now() WHERE "design_id" = $1 AND "left_at" IS NULL`,
    [designId],
  );
  await manager.query(
    `INSERT INTO "credentials"."design_stage_history" ("design_id", "stage", "version", "entered_at", "actor_id") VALUES ($1, $2, $3, now(), $4)`,
    [designId, stage, version, actorId],
  );
}

/** An edit made a new version: earlier approvals stay on record but stop counting. Returns how many. */
export async function withdrawApprovals(manager: EntityManager, designId: string): Promise<number> {
  const rows = (await manager.query(
    `UPDATE "credentials"."design_approvals" SET "withdrawn_at" = now() WHERE "design_id" = $1 AND "withdrawn_at" IS NULL RETURNING "organization_id"`,
    [designId],
  )) as [unknown[], number] | unknown[];
  return Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
}
