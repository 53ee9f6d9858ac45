// Reads identity needs in more than one place, batched for DataLoaders.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { OrgKind, Role } from '@lattice/shared-contracts';
import {
  ApiKeyEntity,
  AuditLogEntity,
  type AuditActorKind,
  MembershipEntity,
  OrganizationEntity,
  UmbrellaJoinRequestEntity,
  type UmbrellaJoinRequestState,
  UmbrellaMemberEntity,
  UserEntity,
} from './entities/identity.entities';

export interface MembershipWithOrganization {
  userId: string;
  organizationId: string;
  role: Role;
  kind: OrgKind;
  joinedAt: Date;
}

/** What the audit log may be narrowed to. */
export interface AuditLogFilter {
  readonly action?: string | null;
  readonly actorKind?: AuditActorKind | null;
}

@Injectable()
export class IdentityRepository {
  constructor(private readonly dataSource: DataSource) {}

  usersByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) });
  }

  organizationsByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.dataSource.getRepository(OrganizationEntity).findBy({ id: In([...ids]) });
  }

  organizationById(id: string): Promise<OrganizationEntity | null> {
    return this.dataSource.getRepository(OrganizationEntity).findOneBy({ id });
  }

  userByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  async membershipsOfUsers(userIds: readonly string[]): Promise<MembershipWithOrganization[]> {
    if (userIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT m.user_id, m.organization_id, m.role, o.kind, m.created_at
         FROM identity.memberships m JOIN identity.organizations o ON o.id = m.organization_id
        WHERE m.user_id = ANY($1::uuid[]) ORDER BY m.created_at, m.id`,
      [userIds],
    )) as Array<{ user_id: string; organization_id: string; role: Role; kind: OrgKind; created_at: Date }>;
    return rows.map((row) => ({
      userId: row.user_id,
      organizationId: row.organization_id,
      role: row.role,
      kind: row.kind,
      joinedAt: row.created_at,
    }));
  }

  membersOfOrganizations(organizationIds: readonly string[]): Promise<MembershipEntity[]> {
    return this.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { organizationId: In([...organizationIds]) }, order: { createdAt: 'ASC' } });
  }

  umbrellaLinks(
    column: 'umbrellaId' | 'organizationId',
    ids: readonly string[],
  ): Promise<UmbrellaMemberEntity[]> {
    return this.dataSource
      .getRepository(UmbrellaMemberEntity)
      .find({ where: { [column]: In([...ids]) }, order: { joinedAt: 'ASC' } });
  }

  umbrellaJoinRequest(id: string): Promise<UmbrellaJoinRequestEntity | null> {
    return this.dataSource.getRepository(UmbrellaJoinRequestEntity).findOneBy({ id });
  }

  umbrellaJoinRequests(
    umbrellaId: string,
    state: UmbrellaJoinRequestState,
  ): Promise<UmbrellaJoinRequestEntity[]> {
    return this.dataSource
      .getRepository(UmbrellaJoinRequestEntity)
      .find({ where: { umbrellaId, state }, order: { createdAt: 'DESC', id: 'DESC' }, take: 200 });
  }

  /**
   * An organization's audit entries, newest first, after the entry with sequence `beforeSeq` (keyset
   * paging), optionally only one action and one kind of actor.
   */
  auditLog(
    organizationId: string,
    limit: number,
    beforeSeq: string | null,
    filter: AuditLogFilter = {},
  ): Promise<AuditLogEntity[]> {
    const query = this.dataSource
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .where('a.organization_id = :organizationId', { organizationId })
      .orderBy('a.seq', 'DESC')
      .limit(limit);
    if (beforeSeq) query.andWhere('a.seq < :beforeSeq', { beforeSeq });
    if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.actorKind) query.andWhere('a.actor_kind = :actorKind', { actorKind: filter.actorKind });
    return query.getMany();
  }

  /**
   * Deletes up to `batch` audit entries that occurred before `cutoff`, oldest first; returns how
   * many. The append-only trigger lets these deletes through only because the transaction names
   * the cutoff (SET LOCAL lattice.audit_retention_cutoff) and each row is older than it.
   */
  async deleteAuditEntriesBefore(cutoff: Date, batch: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('lattice.audit_retention_cutoff', $1, true)`, [
        cutoff.toISOString(),
      ]);
      const deleted = (await manager.query(
        `DELETE FROM "identity"."audit_log" WHERE "seq" IN (
           SELECT "seq" FROM "identity"."audit_log" WHERE "occurred_at" < $1 ORDER BY "occurred_at" LIMIT $2)`,
        [cutoff.toISOString(), batch],
      )) as [unknown[], number];
      return deleted[1];
    });
  }

  apiKeyByPublicId(publicId: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ publicId });
  }

  apiKeyById(id: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id });
  }

  apiKeysOf(organizationId: string): Promise<ApiKeyEntity[]> {
    return this.dataSource
      .getRepository(ApiKeyEntity)
      .find({ where: { organizationId }, order: { createdAt: 'DESC', id: 'DESC' }, take: 500 });
  }

  /** Marks the key used now, at most once a minute (the gateway caches the exchange for a minute). */
  async touchApiKey(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "identity"."api_keys" SET "last_used_at" = now() WHERE "id" = $1 AND ("last_used_at" IS NULL OR "last_used_at" < now() - interval '1 minute')`,
      [id],
    );
  }
}

/** One audit entry from another service's event; applying the same event twice adds nothing (source_event_id is unique). */
export async function appendAuditFromEvent(
  manager: EntityManager,
  entry: {
    id: string;
    organizationId: string;
    occurredAt: string;
    actorId: string | null;
    action: string;
    targetType: string;
    targetId: string;
    details: Record<string, unknown>;
    requestId: string | null;
    source: string;
    eventId: string;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO "identity"."audit_log"
       ("id", "organization_id", "occurred_at", "actor_id", "actor_kind", "action", "target_type", "target_id", "details", "request_id", "source", "source_event_id")
     VALUES ($1, $2, $3, $4::uuid,
       CASE WHEN $4::uuid IS NULL THEN 'SYSTEM' WHEN EXISTS (SELECT 1 FROM "identity"."api_keys" k WHERE k."id" = $4::uuid) THEN 'API_KEY' ELSE 'USER' END,
       $5, $6, $7, $8::jsonb, $9, $10, $11)
     ON CONFLICT ("source_event_id") DO NOTHING`,
    [
      entry.id,
      entry.organizationId,
      entry.occurredAt,
      entry.actorId,
      entry.action,
      entry.targetType,
      entry.targetId,
      JSON.stringify(entry.details),
      entry.requestId,
      entry.source,
      entry.eventId,
    ],
  );
}
