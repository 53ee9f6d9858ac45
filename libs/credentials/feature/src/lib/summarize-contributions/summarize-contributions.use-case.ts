// Who contributes to a published credential and who benefits from it: the organizations that
// designed it (with the versions their known members authored), reviewed it (approvals), endorsed,
// sponsored and adopted it, and every issuer's ACTIVE and REVOKED award counts. A read model over
// the credentials tables, in a constant number of statements; visible to the members of the
// issuer, the partners, the sponsoring umbrellas and the adopters.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { partiesOf } from '../shared/design-parties';

export interface DesignerContribution {
  readonly organizationId: string;
  readonly isIssuer: boolean;
  /** Design versions authored by users this design's record ties to the organization (its creator, its approvers). */
  readonly versionsAuthored: number;
}
export interface ReviewerContribution {
  readonly organizationId: string;
  /** Sign-offs on record, including those a later edit withdrew. */
  readonly approvals: number;
  readonly lastApprovedAt: Date;
}
export interface EndorserContribution {
  readonly organizationId: string;
  readonly endorsedAt: Date;
  readonly withdrawnAt: Date | null;
}
export interface SponsorContribution {
  readonly organizationId: string;
  readonly since: Date;
}
export interface AdopterContribution {
  readonly organizationId: string;
  readonly umbrellaId: string;
  readonly since: Date;
}
export interface IssuerContribution {
  readonly organizationId: string;
  readonly active: number;
  readonly revoked: number;
}
export interface CredentialContributions {
  readonly credentialId: string;
  readonly designers: readonly DesignerContribution[];
  readonly reviewers: readonly ReviewerContribution[];
  readonly endorsers: readonly EndorserContribution[];
  readonly sponsors: readonly SponsorContribution[];
  readonly adopters: readonly AdopterContribution[];
  /** The issuing institution first, then the adopters in adoption order, then any other issuer. */
  readonly issuers: readonly IssuerContribution[];
}

interface Head {
  issuer_id: string;
  design_id: string;
  created_by: string;
  partner_ids: string[];
  sponsors: Array<{ organizationId: string; since: string }>;
  adopters: Array<{ organizationId: string; umbrellaId: string; since: string }>;
}

@Injectable()
export class SummarizeContributionsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  /**
   * Whether the principal may read the credential's contributions (a member of the issuer, a design
   * partner, a sponsoring umbrella or an adopter), so a screen asks only for what its viewer may see.
   */
  async mayView(principal: Principal, credentialId: string): Promise<boolean> {
    const head = await this.head(credentialId);
    if (!head) return false;
    try {
      await this.authorizer.requireRoleInAny(principal, viewersOf(head));
      return true;
    } catch (error) {
      if ((error as { category?: string }).category === 'FORBIDDEN') return false;
      throw error;
    }
  }

  async execute(principal: Principal, credentialId: string): Promise<CredentialContributions> {
    const head = await this.head(credentialId);
    if (!head) throw CredentialsErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', { credentialId });
    const designers = partiesOf({ issuerId: head.issuer_id, partnerIds: head.partner_ids });
    const sponsors = head.sponsors.map((s) => ({ organizationId: s.organizationId, since: new Date(s.since) }));
    const adopters = head.adopters.map((a) => ({ organizationId: a.organizationId, umbrellaId: a.umbrellaId, since: new Date(a.since) }));
    await this.authorizer.requireRoleInAny(principal, viewersOf(head));

    const [authored, approvals, endorsements, awards] = await Promise.all([
      // Users are identity's: a version's author counts for the organizations this design's record ties them to.
      this.dataSource.query(
        `WITH "known" AS (
           SELECT $2::uuid AS "user_id", $3::uuid AS "organization_id"
           UNION SELECT a."approved_by", a."organization_id" FROM "credentials"."design_approvals" a WHERE a."design_id" = $1)
         SELECT k."organization_id", count(DISTINCT v."version")::int AS "n"
           FROM "credentials"."design_versions" v JOIN "known" k ON k."user_id" = v."author_id"
          WHERE v."design_id" = $1 GROUP BY k."organization_id"`,
        [head.design_id, head.created_by, head.issuer_id],
      ) as Promise<Array<{ organization_id: string; n: number }>>,
      this.dataSource.query(
        `SELECT a."organization_id", count(*)::int AS "n", max(a."approved_at") AS "last"
           FROM "credentials"."design_approvals" a WHERE a."design_id" = $1
          GROUP BY a."organization_id" ORDER BY min(a."approved_at"), a."organization_id"`,
        [head.design_id],
      ) as Promise<Array<{ organization_id: string; n: number; last: Date }>>,
      this.dataSource.query(
        `SELECT e."organization_id", e."created_at", e."withdrawn_at" FROM "credentials"."endorsements" e
          WHERE e."credential_id" = $1 ORDER BY e."created_at", e."id"`,
        [credentialId],
      ) as Promise<Array<{ organization_id: string; created_at: Date; withdrawn_at: Date | null }>>,
      this.dataSource.query(
        `SELECT w."issuer_id", (count(*) FILTER (WHERE w."status" = 'ACTIVE'))::int AS "active", (count(*) FILTER (WHERE w."status" = 'REVOKED'))::int AS "revoked"
           FROM "credentials"."awards" w WHERE w."credential_id" = $1 GROUP BY w."issuer_id" ORDER BY w."issuer_id"`,
        [credentialId],
      ) as Promise<Array<{ issuer_id: string; active: number; revoked: number }>>,
    ]);

    const issuerIds = unique([head.issuer_id, ...adopters.map((a) => a.organizationId), ...awards.map((a) => a.issuer_id)]);
    return {
      credentialId,
      designers: designers.map((id) => ({ organizationId: id, isIssuer: id === head.issuer_id, versionsAuthored: authored.find((a) => a.organization_id === id)?.n ?? 0 })),
      reviewers: approvals.map((a) => ({ organizationId: a.organization_id, approvals: a.n, lastApprovedAt: new Date(a.last) })),
      endorsers: endorsements.map((e) => ({ organizationId: e.organization_id, endorsedAt: e.created_at, withdrawnAt: e.withdrawn_at })),
      sponsors,
      adopters,
      issuers: issuerIds.map((id) => {
        const row = awards.find((a) => a.issuer_id === id);
        return { organizationId: id, active: row?.active ?? 0, revoked: row?.revoked ?? 0 };
      }),
    };
  }

  /** The credential's issuer, design partners, sponsors and adopters; undefined when it does not exist. */
  private async head(credentialId: string): Promise<Head | undefined> {
    const [head] = (await this.dataSource.query(
      `SELECT c."issuer_id", d."id" AS "design_id", d."created_by", d."partner_ids",
              coalesce((SELECT json_agg(json_build_object('organizationId', s."umbrella_id", 'since', s."created_at") ORDER BY s."created_at", s."id")
                          FROM "credentials"."sponsorships" s WHERE s."credential_id" = c."id"), '[]') AS "sponsors",
              coalesce((SELECT json_agg(json_build_object('organizationId', a."institution_id", 'umbrellaId', a."umbrella_id", 'since', a."created_at") ORDER BY a."created_at", a."id")
                          FROM "credentials"."adoptions" a WHERE a."credential_id" = c."id"), '[]') AS "adopters"
         FROM "credentials"."credentials" c JOIN "credentials"."designs" d ON d."id" = c."design_id"
        WHERE c."id" = $1`,
      [credentialId],
    )) as Head[];
    return head;
  }
}

/** The organizations whose members may read a credential's contributions. */
function viewersOf(head: Head): string[] {
  return unique([
    ...partiesOf({ issuerId: head.issuer_id, partnerIds: head.partner_ids }),
    ...head.sponsors.map((s) => s.organizationId),
    ...head.adopters.map((a) => a.organizationId),
  ]);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
