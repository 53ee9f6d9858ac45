// Organizations and who belongs to them: organizations, memberships, invitations, umbrellas and
// their join requests, API keys and the audit log identity writes itself. Each function is one
// statement, run on the EntityManager it is given (the caller's transaction, or
// `dataSource.manager` for a read outside one). Use cases decide; these only read and write.
import { type EntityManager, IsNull, MoreThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { OrgKind, OrgSize, Role } from '@lattice/shared-contracts';
import {
  ApiKeyEntity,
  AuditLogEntity,
  InvitationEntity,
  MembershipEntity,
  OrganizationEntity,
  UmbrellaJoinRequestEntity,
  UmbrellaMemberEntity,
} from './entities/identity.entities';

// ── Organizations ───────────────────────────────────────────────────────────

export async function insertOrganization(
  manager: EntityManager,
  organization: OrganizationEntity,
): Promise<void> {
  await manager.insert(OrganizationEntity, organization);
}

export function organizationByIdOrFail(manager: EntityManager, id: string): Promise<OrganizationEntity> {
  return manager.findOneByOrFail(OrganizationEntity, { id });
}

/** The organization, its row locked for the rest of the transaction (one change to it at a time). */
export function lockOrganization(manager: EntityManager, id: string): Promise<OrganizationEntity | null> {
  return manager
    .createQueryBuilder(OrganizationEntity, 'o')
    .setLock('pessimistic_write')
    .where('o.id = :id', { id })
    .getOne();
}

export async function setOrganizationVerified(
  manager: EntityManager,
  id: string,
  verified: boolean,
  at: Date | null,
): Promise<void> {
  await manager.update(OrganizationEntity, { id }, { verified, verifiedAt: at });
}

/** Serializes first-start bootstraps across replicas, for the rest of the transaction. */
export async function takeOperatorBootstrapLock(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('lattice.identity.bootstrap-operator'))`);
}

/** An OPERATOR organization the user owns or administers, if any. */
export async function operatorOrganizationRunBy(
  manager: EntityManager,
  userId: string,
): Promise<string | null> {
  const rows = (await manager.query(
    `SELECT o.id FROM identity.organizations o JOIN identity.memberships m ON m.organization_id = o.id
      WHERE o.kind = 'OPERATOR' AND m.user_id = $1 AND m.role IN ('OWNER', 'ADMIN') LIMIT 1`,
    [userId],
  )) as Array<{ id: string }>;
  return rows[0]?.id ?? null;
}

export interface OrganizationListFilter {
  readonly kind?: OrgKind | null;
  readonly size?: OrgSize | null;
  readonly verified?: boolean | null;
  /** Organizations in any of these regions. */
  readonly regions?: readonly string[] | null;
  readonly search?: string | null;
}

/**
 * The directory: the total that match (one statement) and one page after `after` ([name, id]),
 * alphabetical with the id to break ties, `limit` rows (another statement).
 */
export async function pageOfOrganizations(
  manager: EntityManager,
  filter: OrganizationListFilter,
  after: readonly [string, string] | null,
  limit: number,
): Promise<{ rows: OrganizationEntity[]; total: number }> {
  const query = manager.createQueryBuilder(OrganizationEntity, 'o');
  if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
  if (filter.size) query.andWhere('o.size = :size', { size: filter.size });
  if (filter.verified !== undefined && filter.verified !== null)
    query.andWhere('o.verified = :verified', { verified: filter.verified });
  if (filter.regions) query.andWhere('o.region = ANY(:regions)', { regions: filter.regions });
  const search = filter.search?.trim();
  if (search) {
    const escaped = search.replace(/[\\%_]/g, (c) => `\\${c}`);
    query.andWhere('(o.name ILIKE :pattern OR similarity(o.name, :search) > 0.3)', {
      pattern: `%${escaped}%`,
      search,
    });
  }
  const total = await query.clone().getCount();
  if (after)
    query.andWhere('(o.name, o.id) > (:afterName::text, :afterId::uuid)', {
      afterName: after[0],
      afterId: after[1],
    });
  const rows = await query.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').limit(limit).getMany();
  return { rows, total };
}

// ── Memberships ─────────────────────────────────────────────────────────────

export async function insertMembership(
  manager: EntityManager,
  membership: QueryDeepPartialEntity<MembershipEntity>,
): Promise<void> {
  await manager.insert(MembershipEntity, membership);
}

export function membershipOf(
  manager: EntityManager,
  organizationId: string,
  userId: string,
): Promise<MembershipEntity | null> {
  return manager.findOneBy(MembershipEntity, { organizationId, userId });
}

export async function setMembershipRole(manager: EntityManager, id: string, role: Role): Promise<void> {
  await manager.update(MembershipEntity, { id }, { role });
}

export async function deleteMembership(manager: EntityManager, id: string): Promise<void> {
  await manager.delete(MembershipEntity, { id });
}

/** How many owners the organization has besides `userId`. */
export function otherOwnerCount(
  manager: EntityManager,
  organizationId: string,
  userId: string,
): Promise<number> {
  return manager
    .createQueryBuilder(MembershipEntity, 'm')
    .where('m.organization_id = :organizationId AND m.role = :owner AND m.user_id <> :userId', {
      organizationId,
      owner: 'OWNER',
      userId,
    })
    .getCount();
}

// ── Invitations ─────────────────────────────────────────────────────────────

/** Ends every pending invitation of the organization to this address (whatever its case). */
export async function expirePendingInvitations(
  manager: EntityManager,
  organizationId: string,
  email: string,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(InvitationEntity)
    .set({ expiresAt: () => 'now()' })
    .where(
      'organization_id = :organizationId AND lower(email) = lower(:email) AND accepted_at IS NULL AND expires_at > now()',
      { organizationId, email },
    )
    .execute();
}

export async function insertInvitation(manager: EntityManager, invitation: InvitationEntity): Promise<void> {
  await manager.insert(InvitationEntity, invitation);
}

/** The invitation with this token hash, locked: two accepts of one token race to one membership. */
export function lockInvitation(manager: EntityManager, tokenHash: string): Promise<InvitationEntity | null> {
  return manager
    .createQueryBuilder(InvitationEntity, 'i')
    .setLock('pessimistic_write')
    .where('i.token_hash = :hash', { hash: tokenHash })
    .getOne();
}

export async function markInvitationAccepted(
  manager: EntityManager,
  id: string,
  by: string,
  at: Date,
): Promise<void> {
  await manager.update(InvitationEntity, { id }, { acceptedAt: at, acceptedBy: by });
}

/** The organization's invitations neither accepted nor expired at `now`, newest first. */
export function pendingInvitations(
  manager: EntityManager,
  organizationId: string,
  now: Date,
): Promise<InvitationEntity[]> {
  return manager.find(InvitationEntity, {
    where: { organizationId, acceptedAt: IsNull(), expiresAt: MoreThan(now) },
    order: { createdAt: 'DESC' },
  });
}

// ── Umbrellas ───────────────────────────────────────────────────────────────

export function isUmbrellaMember(
  manager: EntityManager,
  umbrellaId: string,
  organizationId: string,
): Promise<boolean> {
  return manager.existsBy(UmbrellaMemberEntity, { umbrellaId, organizationId });
}

/** Adds the member; nothing if it already is one. */
export async function addUmbrellaMember(
  manager: EntityManager,
  umbrellaId: string,
  organizationId: string,
  joinedBy: string,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(UmbrellaMemberEntity)
    .values({ umbrellaId, organizationId, joinedBy })
    .orIgnore()
    .execute();
}

/** Removes the member; false when it was none. */
export async function removeUmbrellaMember(
  manager: EntityManager,
  umbrellaId: string,
  organizationId: string,
): Promise<boolean> {
  const removed = await manager.delete(UmbrellaMemberEntity, { umbrellaId, organizationId });
  return Boolean(removed.affected);
}

export async function insertJoinRequest(
  manager: EntityManager,
  request: QueryDeepPartialEntity<UmbrellaJoinRequestEntity>,
): Promise<void> {
  await manager.insert(UmbrellaJoinRequestEntity, request);
}

export function joinRequestByIdOrFail(
  manager: EntityManager,
  id: string,
): Promise<UmbrellaJoinRequestEntity> {
  return manager.findOneByOrFail(UmbrellaJoinRequestEntity, { id });
}

export function lockJoinRequest(manager: EntityManager, id: string): Promise<UmbrellaJoinRequestEntity> {
  return manager
    .createQueryBuilder(UmbrellaJoinRequestEntity, 'r')
    .setLock('pessimistic_write')
    .where('r.id = :id', { id })
    .getOneOrFail();
}

/** Records the decision on a request still at `version`. */
export async function decideJoinRequest(
  manager: EntityManager,
  id: string,
  version: number,
  accepted: boolean,
  by: string,
  at: Date,
): Promise<void> {
  await manager.update(
    UmbrellaJoinRequestEntity,
    { id, version },
    { state: accepted ? 'ACCEPTED' : 'DECLINED', decidedBy: by, decidedAt: at, version: version + 1 },
  );
}

// ── API keys ────────────────────────────────────────────────────────────────

export async function insertApiKey(
  manager: EntityManager,
  key: QueryDeepPartialEntity<ApiKeyEntity>,
): Promise<void> {
  await manager.insert(ApiKeyEntity, key);
}

export function apiKeyByIdOrFail(manager: EntityManager, id: string): Promise<ApiKeyEntity> {
  return manager.findOneByOrFail(ApiKeyEntity, { id });
}

export function lockApiKey(manager: EntityManager, id: string): Promise<ApiKeyEntity> {
  return manager
    .createQueryBuilder(ApiKeyEntity, 'k')
    .setLock('pessimistic_write')
    .where('k.id = :id', { id })
    .getOneOrFail();
}

/** Revokes a key still at `version`. */
export async function revokeApiKey(
  manager: EntityManager,
  id: string,
  version: number,
  by: string,
  at: Date,
): Promise<void> {
  await manager.update(ApiKeyEntity, { id, version }, { revokedAt: at, revokedBy: by, version: version + 1 });
}

// ── Audit log ───────────────────────────────────────────────────────────────

/** One entry identity records itself (others' arrive as events: appendAuditFromEvent). */
export async function insertAuditEntry(
  manager: EntityManager,
  entry: QueryDeepPartialEntity<AuditLogEntity>,
): Promise<void> {
  await manager.insert(AuditLogEntity, entry);
}
