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
import {
  approvalsPerOrganization,
  awardsPerIssuer,
  type CredentialParties,
  endorsementHistory,
  partiesOfCredential,
  versionsAuthoredPerOrganization,
} from '@lattice/credentials-data-access';

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

type Head = CredentialParties;

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
    if (!head)
      throw CredentialsErrors.of('CREDENTIAL_NOT_FOUND', 'No such published credential.', { credentialId });
    const designers = partiesOf({ issuerId: head.issuer_id, partnerIds: head.partner_ids });
    const sponsors = head.sponsors.map((s) => ({
      organizationId: s.organizationId,
      since: new Date(s.since),
    }));
    const adopters = head.adopters.map((a) => ({
      organizationId: a.organizationId,
      umbrellaId: a.umbrellaId,
      since: new Date(a.since),
    }));
    await this.authorizer.requireRoleInAny(principal, viewersOf(head));

    const manager = this.dataSource.manager;
    const [authored, approvals, endorsements, awards] = await Promise.all([
      versionsAuthoredPerOrganization(manager, head),
      approvalsPerOrganization(manager, head.design_id),
      endorsementHistory(manager, credentialId),
      awardsPerIssuer(manager, credentialId),
    ]);

    const issuerIds = unique([
      head.issuer_id,
      ...adopters.map((a) => a.organizationId),
      ...awards.map((a) => a.issuer_id),
    ]);
    return {
      credentialId,
      designers: designers.map((id) => ({
        organizationId: id,
        isIssuer: id === head.issuer_id,
        versionsAuthored: authored.find((a) => a.organization_id === id)?.n ?? 0,
      })),
      reviewers: approvals.map((a) => ({
        organizationId: a.organization_id,
        approvals: a.n,
        lastApprovedAt: new Date(a.last),
      })),
      endorsers: endorsements.map((e) => ({
        organizationId: e.organization_id,
        endorsedAt: e.created_at,
        withdrawnAt: e.withdrawn_at,
      })),
      sponsors,
      adopters,
      issuers: issuerIds.map((id) => {
        const row = awards.find((a) => a.issuer_id === id);
        return { organizationId: id, active: row?.active ?? 0, revoked: row?.revoked ?? 0 };
      }),
    };
  }

  /** The credential's issuer, design partners, sponsors and adopters; undefined when it does not exist. */
  private head(credentialId: string): Promise<Head | undefined> {
    return partiesOfCredential(this.dataSource.manager, credentialId);
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
