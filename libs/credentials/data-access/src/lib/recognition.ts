// Endorsements, sponsorships and the contributions summary of a published credential: who
// designed, reviewed, endorsed, sponsored, adopted and issued it. Writes run in the caller's
// transaction (its EntityManager); the summary's reads are independent and may run at once.
import { type EntityManager, In, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EndorsementEntity, SponsorshipEntity } from './credentials.entities';

/** The organization's endorsement of the credential that still stands, if any. */
export function standingEndorsement(
  manager: EntityManager,
  credentialId: string,
  organizationId: string,
): Promise<EndorsementEntity | null> {
  return manager.findOneBy(EndorsementEntity, { credentialId, organizationId, withdrawnAt: IsNull() });
}

export async function insertEndorsement(
  manager: EntityManager,
  endorsement: EndorsementEntity,
): Promise<void> {
  // jsonb columns hold free-form objects, which TypeORM's deep-partial type cannot follow.
  await manager.insert(EndorsementEntity, endorsement as QueryDeepPartialEntity<EndorsementEntity>);
}

/** Withdraws a standing endorsement; false when it was already withdrawn. */
export async function withdrawEndorsement(
  manager: EntityManager,
  id: string,
  withdrawnAt: Date,
  withdrawnBy: string,
): Promise<boolean> {
  const rows = (await manager.query(
    `UPDATE "credentials"."endorsements" SET "withdrawn_at" = $2, "withdrawn_by" = $3 WHERE "id" = $1 AND "withdrawn_at" IS NULL RETURNING "id"`,
    [id, withdrawnAt, withdrawnBy],
  )) as [unknown[], number];
  return rows[1] !== 0;
}

/** The endorser's NAICS code of each of these endorsements, by id. */
export async function endorserSectorsOf(
  manager: EntityManager,
  endorsementIds: readonly string[],
): Promise<Array<{ id: string; endorserSector: string | null }>> {
  if (endorsementIds.length === 0) return [];
  return manager.find(EndorsementEntity, {
    where: { id: In([...endorsementIds]) },
    select: { id: true, endorserSector: true },
  });
}

/** A sponsorship; a second one by the same umbrella is a unique violation (sponsorships_credential_umbrella_key). */
export async function insertSponsorship(
  manager: EntityManager,
  sponsorship: SponsorshipEntity,
): Promise<void> {
  await manager.insert(SponsorshipEntity, sponsorship);
}

/** The parties of a published credential: its issuer, its design's creator and partners, sponsors and adopters. */
export interface CredentialParties {
  issuer_id: string;
  design_id: string;
  created_by: string;
  partner_ids: string[];
  sponsors: Array<{ organizationId: string; since: string }>;
  adopters: Array<{ organizationId: string; umbrellaId: string; since: string }>;
}

/** The credential's parties in one statement; undefined when it does not exist. */
export async function partiesOfCredential(
  manager: EntityManager,
  credentialId: string,
): Promise<CredentialParties | undefined> {
  const [head] = (await manager.query(
    `SELECT c."issuer_id", d."id" AS "design_id", d."created_by", d."partner_ids",
            coalesce((SELECT json_agg(json_build_object('organizationId', s."umbrella_id", 'since', s."created_at") ORDER BY s."created_at", s."id")
                        FROM "credentials"."sponsorships" s WHERE s."credential_id" = c."id"), '[]') AS "sponsors",
            coalesce((SELECT json_agg(json_build_object('organizationId', a."institution_id", 'umbrellaId', a."umbrella_id", 'since', a."created_at") ORDER BY a."created_at", a."id")
                        FROM "credentials"."adoptions" a WHERE a."credential_id" = c."id"), '[]') AS "adopters"
       FROM "credentials"."credentials" c JOIN "credentials"."designs" d ON d."id" = c."design_id"
      WHERE c."id" = $1`,
    [credentialId],
  )) as CredentialParties[];
  return head;
}

/**
 * Versions of the design authored, per organization. Users are identity's: a version's author
 * counts for the organizations this design's record ties them to (its creator for the issuer,
 * approvers for theirs).
 */
export async function versionsAuthoredPerOrganization(
  manager: EntityManager,
  parties: Pick<CredentialParties, 'design_id' | 'created_by' | 'issuer_id'>,
): Promise<Array<{ organization_id: string; n: number }>> {
  return (await manager.query(
    `WITH "known" AS (
       SELECT $2::uuid AS "user_id", $3::uuid AS "organization_id"
       UNION SELECT a."approved_by", a."organization_id" FROM "credentials"."design_approvals" a WHERE a."design_id" = $1)
     SELECT k."organization_id", count(DISTINCT v."version")::int AS "n"
       FROM "credentials"."design_versions" v JOIN "known" k ON k."user_id" = v."author_id"
      WHERE v."design_id" = $1 GROUP BY k."organization_id"`,
    [parties.design_id, parties.created_by, parties.issuer_id],
  )) as Array<{ organization_id: string; n: number }>;
}

/** Approvals of the design per organization, in order of each one's first approval. */
export async function approvalsPerOrganization(
  manager: EntityManager,
  designId: string,
): Promise<Array<{ organization_id: string; n: number; last: Date }>> {
  return (await manager.query(
    `SELECT a."organization_id", count(*)::int AS "n", max(a."approved_at") AS "last"
       FROM "credentials"."design_approvals" a WHERE a."design_id" = $1
      GROUP BY a."organization_id" ORDER BY min(a."approved_at"), a."organization_id"`,
    [designId],
  )) as Array<{ organization_id: string; n: number; last: Date }>;
}

/** Every endorsement of the credential, withdrawn ones included, oldest first. */
export async function endorsementHistory(
  manager: EntityManager,
  credentialId: string,
): Promise<Array<{ organization_id: string; created_at: Date; withdrawn_at: Date | null }>> {
  return (await manager.query(
    `SELECT e."organization_id", e."created_at", e."withdrawn_at" FROM "credentials"."endorsements" e
      WHERE e."credential_id" = $1 ORDER BY e."created_at", e."id"`,
    [credentialId],
  )) as Array<{ organization_id: string; created_at: Date; withdrawn_at: Date | null }>;
}

/** Active and revoked awards of the credential per issuer. */
export async function awardsPerIssuer(
  manager: EntityManager,
  credentialId: string,
): Promise<Array<{ issuer_id: string; active: number; revoked: number }>> {
  return (await manager.query(
    `SELECT w."issuer_id", (count(*) FILTER (WHERE w."status" = 'ACTIVE'))::int AS "active", (count(*) FILTER (WHERE w."status" = 'REVOKED'))::int AS "revoked"
       FROM "credentials"."awards" w WHERE w."credential_id" = $1 GROUP BY w."issuer_id" ORDER BY w."issuer_id"`,
    [credentialId],
  )) as Array<{ issuer_id: string; active: number; revoked: number }>;
}

/** The credential's endorsements that still stand, oldest first (embedded in every award). */
export function standingEndorsementsOf(
  manager: EntityManager,
  credentialId: string,
): Promise<EndorsementEntity[]> {
  return manager.find(EndorsementEntity, {
    where: { credentialId, withdrawnAt: IsNull() },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}
