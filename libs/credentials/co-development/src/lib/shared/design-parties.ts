// Who may do what on a design. The parties are the issuer and the partner organizations; their
// members see the design and comment; ADMINs of a party sign off for it; the issuer's members edit
// and its ADMINs submit, publish and retire.
import { Injectable } from '@nestjs/common';
import { MembershipSource, type Principal, type PrincipalMembership, ROLE_RANK } from '@lattice/shared-auth';
import type { Role } from '@lattice/shared-contracts';
import type { DesignEntity } from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';

type Parties = Pick<DesignEntity, 'issuerId' | 'partnerIds'>;

export function partiesOf(design: Parties): string[] {
  return [design.issuerId, ...design.partnerIds.filter((id) => id !== design.issuerId)];
}

@Injectable()
export class DesignParties {
  constructor(private readonly memberships: MembershipSource) {}

  /** The parties the caller belongs to with at least `minimum`, issuer first; FORBIDDEN when none. */
  async requireParty(principal: Principal, design: Parties, minimum: Role = 'MEMBER'): Promise<string[]> {
    const mine = await this.partiesOfCaller(principal, design, minimum);
    if (mine.length === 0) {
      throw CredentialsErrors.of(
        'NOT_A_PARTY',
        'Only the issuer and the partner organizations of this design can do this.',
      );
    }
    return mine;
  }

  async isParty(principal: Principal, design: Parties): Promise<boolean> {
    return (await this.partiesOfCaller(principal, design, 'MEMBER')).length > 0;
  }

  /** The token's memberships answer first; identity is asked (once) only when they do not. */
  private async partiesOfCaller(principal: Principal, design: Parties, minimum: Role): Promise<string[]> {
    const parties = partiesOf(design);
    const match = (list: readonly PrincipalMembership[]) =>
      parties.filter((party) =>
        list.some((m) => m.organizationId === party && ROLE_RANK[m.role] >= ROLE_RANK[minimum]),
      );
    const fromToken = match(principal.memberships);
    if (fromToken.length > 0) return fromToken;
    return match(await this.memberships.membershipsOf(principal));
  }
}
