// Marketplace changes and the single-row reads around them: skill needs, capability profiles and
// partnerships. Each function is one statement, run on the EntityManager it is given (the
// caller's transaction, or `dataSource.manager` for a read outside one). Use cases decide; these
// only read and write. (The lists, batches and rankings are MarketplaceRepository's.)
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  CapabilityProfileEntity,
  MARKETPLACE_SCHEMA,
  NeedSkillEntity,
  PartnershipEntity,
  type PartnershipState,
  ProfileSkillEntity,
  SkillNeedEntity,
} from './marketplace.entities';

const S = `"${MARKETPLACE_SCHEMA}"`;

/** A skill (its id) at a level, as a need asks for it or a profile offers it. */
export interface SkillAtLevel {
  readonly skillId: string;
  readonly level: number;
}

// ── Skill needs ─────────────────────────────────────────────────────────────

export function needById(manager: EntityManager, id: string): Promise<SkillNeedEntity | null> {
  return manager.findOneBy(SkillNeedEntity, { id });
}

export function needByIdOrFail(manager: EntityManager, id: string): Promise<SkillNeedEntity> {
  return manager.findOneByOrFail(SkillNeedEntity, { id });
}

/** The need, locked for the rest of the transaction. */
export function lockNeed(manager: EntityManager, id: string): Promise<SkillNeedEntity> {
  return manager
    .createQueryBuilder(SkillNeedEntity, 'n')
    .setLock('pessimistic_write')
    .where('n.id = :id', { id })
    .getOneOrFail();
}

export async function insertNeed(
  manager: EntityManager,
  need: QueryDeepPartialEntity<SkillNeedEntity>,
): Promise<void> {
  await manager.insert(SkillNeedEntity, need);
}

export async function updateNeed(
  manager: EntityManager,
  id: string,
  changes: QueryDeepPartialEntity<SkillNeedEntity>,
): Promise<void> {
  await manager.update(SkillNeedEntity, { id }, changes);
}

/** Closes the need if it is open; false when it was not. */
export async function closeOpenNeed(manager: EntityManager, id: string, at: Date): Promise<boolean> {
  const result = await manager.update(
    SkillNeedEntity,
    { id, status: 'OPEN' },
    { status: 'CLOSED', closedAt: at, updatedAt: at, version: () => '"version" + 1' },
  );
  return Boolean(result.affected);
}

export async function insertNeedSkills(
  manager: EntityManager,
  needId: string,
  skills: readonly SkillAtLevel[],
): Promise<void> {
  await manager.insert(
    NeedSkillEntity,
    skills.map(({ skillId, level }) => ({ needId, skillId, level })),
  );
}

export async function deleteNeedSkills(manager: EntityManager, needId: string): Promise<void> {
  await manager.delete(NeedSkillEntity, { needId });
}

export interface ExpiringNeedRow {
  id: string;
  organization_id: string;
  title: string;
  needed_by: string;
}

/**
 * Marks up to `limit` open needs whose needed-by date falls within `noticeDays` of `today` and
 * that were not announced for that date, and returns them (rows other replicas hold are skipped).
 */
export async function markExpiringNeeds(
  manager: EntityManager,
  today: string,
  noticeDays: number,
  limit: number,
): Promise<ExpiringNeedRow[]> {
  const [rows] = (await manager.query(
    `UPDATE ${S}."skill_needs" n SET "expiry_notified_for" = n."needed_by"
      WHERE n."id" IN (
        SELECT "id" FROM ${S}."skill_needs"
         WHERE "status" = 'OPEN' AND "needed_by" IS NOT NULL AND "needed_by" BETWEEN $1::date AND $1::date + $2::int
           AND "expiry_notified_for" IS DISTINCT FROM "needed_by"
         ORDER BY "needed_by" LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING n."id", n."organization_id", n."title", to_char(n."needed_by", 'YYYY-MM-DD') AS "needed_by"`,
    [today, noticeDays, limit],
  )) as [ExpiringNeedRow[], number];
  return rows;
}

// ── Capability profiles ─────────────────────────────────────────────────────

export function capabilityProfileOf(
  manager: EntityManager,
  organizationId: string,
): Promise<CapabilityProfileEntity | null> {
  return manager.findOneBy(CapabilityProfileEntity, { organizationId });
}

export function capabilityProfileOfOrFail(
  manager: EntityManager,
  organizationId: string,
): Promise<CapabilityProfileEntity> {
  return manager.findOneByOrFail(CapabilityProfileEntity, { organizationId });
}

export interface CapabilityProfileFields {
  readonly organizationId: string;
  readonly regions: readonly string[];
  /** The regions and every region within them. */
  readonly regionCover: readonly string[];
  readonly deliveryModes: readonly string[];
  readonly annualCapacity: number;
  readonly updatedBy: string;
}

/** Writes the profile, a new version of it when it exists. */
export async function upsertCapabilityProfile(
  manager: EntityManager,
  profile: CapabilityProfileFields,
): Promise<void> {
  await manager.query(
    `INSERT INTO ${S}."capability_profiles" ("organization_id", "regions", "region_cover", "delivery_modes", "annual_capacity", "updated_by")
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ("organization_id") DO UPDATE SET "regions" = EXCLUDED."regions", "region_cover" = EXCLUDED."region_cover",
       "delivery_modes" = EXCLUDED."delivery_modes", "annual_capacity" = EXCLUDED."annual_capacity",
       "updated_by" = EXCLUDED."updated_by", "updated_at" = now(), "version" = "capability_profiles"."version" + 1`,
    [
      profile.organizationId,
      [...profile.regions],
      [...profile.regionCover],
      [...profile.deliveryModes],
      profile.annualCapacity,
      profile.updatedBy,
    ],
  );
}

export async function deleteProfileSkills(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.delete(ProfileSkillEntity, { organizationId });
}

export async function insertProfileSkills(
  manager: EntityManager,
  organizationId: string,
  skills: readonly SkillAtLevel[],
): Promise<void> {
  await manager.insert(
    ProfileSkillEntity,
    skills.map(({ skillId, level }) => ({ organizationId, skillId, level })),
  );
}

export async function deleteProfileGroups(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query(`DELETE FROM ${S}."profile_groups" WHERE "organization_id" = $1`, [organizationId]);
}

/** The groups the profile's skills reach into at `minLevel` or above, for related-skill candidates. */
export async function insertProfileGroups(
  manager: EntityManager,
  organizationId: string,
  skillIds: readonly string[],
  minLevel: number,
): Promise<void> {
  await manager.query(
    `INSERT INTO ${S}."profile_groups" ("organization_id", "group_id")
     SELECT DISTINCT $1::uuid, sg."group_id" FROM ${S}."skill_groups" sg
      WHERE sg."skill_id" = ANY($2::uuid[]) AND sg."level" >= $3`,
    [organizationId, [...skillIds], minLevel],
  );
}

// ── Partnerships ────────────────────────────────────────────────────────────

export function partnershipById(manager: EntityManager, id: string): Promise<PartnershipEntity | null> {
  return manager.findOneBy(PartnershipEntity, { id });
}

export function partnershipByIdOrFail(manager: EntityManager, id: string): Promise<PartnershipEntity> {
  return manager.findOneByOrFail(PartnershipEntity, { id });
}

export async function insertPartnership(
  manager: EntityManager,
  partnership: PartnershipEntity,
): Promise<void> {
  await manager.insert(PartnershipEntity, partnership);
}

/** Moves a partnership still PROPOSED to its answer; false when it was answered already. */
export async function answerProposal(
  manager: EntityManager,
  id: string,
  answer: {
    state: PartnershipState;
    respondedBy: string;
    respondedAt: Date;
    responseMessage?: string | null;
  },
): Promise<boolean> {
  const result = await manager.update(
    PartnershipEntity,
    { id, state: 'PROPOSED' },
    { ...answer, version: () => '"version" + 1' },
  );
  return Boolean(result.affected);
}

export interface PartnershipListFilter {
  readonly organizationId: string;
  readonly state?: PartnershipState | null;
  readonly direction?: 'PROPOSED_BY_US' | 'PROPOSED_TO_US' | null;
}

/**
 * An organization's partnerships (either side), newest first: the total (one statement) and the
 * `limit` rows after the cursor `after` ([createdAt ISO, id]) (another).
 */
export async function pageOfPartnerships(
  manager: EntityManager,
  filter: PartnershipListFilter,
  after: readonly [string, string] | null,
  limit: number,
): Promise<{ rows: PartnershipEntity[]; total: number }> {
  const list = manager
    .createQueryBuilder(PartnershipEntity, 'p')
    .where('(p.employer_id = :org OR p.institution_id = :org)', { org: filter.organizationId });
  if (filter.state) list.andWhere('p.state = :state', { state: filter.state });
  if (filter.direction === 'PROPOSED_BY_US') list.andWhere('p.proposed_by_organization_id = :org');
  if (filter.direction === 'PROPOSED_TO_US') list.andWhere('p.proposed_by_organization_id <> :org');
  const total = await list.clone().getCount();
  // Cursors carry milliseconds (JavaScript dates); Postgres keeps microseconds, so order by the
  // same truncation the cursor sees or rows within one millisecond would be skipped.
  const at = `date_trunc('milliseconds', p.created_at)`;
  if (after)
    list.andWhere(`(${at}, p.id) < (:afterAt::timestamptz, :afterId::uuid)`, {
      afterAt: after[0],
      afterId: after[1],
    });
  const rows = await list.orderBy(at, 'DESC').addOrderBy('p.id', 'DESC').limit(limit).getMany();
  return { rows, total };
}
