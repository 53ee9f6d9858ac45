// Authorization by organization membership and role. The token's memberships answer most
// checks at no cost; when they do not (a membership gained since the token was issued), the
// service asks the membership source for the caller's live memberships before refusing.
import { Injectable } from '@nestjs/common';
import type { Role } from '@lattice/shared-contracts';
import { CommonErrors } from '@lattice/shared-util-errors';
import { ROLE_RANK, type Principal, type PrincipalMembership } from './principal';

export abstract class MembershipSource {
  abstract membershipsOf(principal: Principal): Promise<readonly PrincipalMembership[]>;
}

@Injectable()
export class Authorizer {
  constructor(private readonly source: MembershipSource) {}

  /** The caller's membership in the organization with at least `minimum` role, or FORBIDDEN. */
  async requireRole(
    principal: Principal,
    organizationId: string,
    minimum: Role = 'MEMBER',
  ): Promise<PrincipalMembership> {
    const fromToken = find(principal.memberships, organizationId, minimum);
    if (fromToken) return fromToken;
    const live = find(await this.source.membershipsOf(principal), organizationId, minimum);
    if (live) return live;
    throw CommonErrors.of(
      'FORBIDDEN',
      `You need the ${minimum} role or higher in that organization to do this.`,
      { organizationId },
    );
  }

  /** The caller's first membership among the organizations with at least `minimum` role, or FORBIDDEN; identity is asked at most once. */
  async requireRoleInAny(
    principal: Principal,
    organizationIds: readonly string[],
    minimum: Role = 'MEMBER',
  ): Promise<PrincipalMembership> {
    const first = (list: readonly PrincipalMembership[]) =>
      organizationIds.map((id) => find(list, id, minimum)).find((m) => m !== undefined);
    const fromToken = first(principal.memberships);
    if (fromToken) return fromToken;
    const live = organizationIds.length > 0 ? first(await this.source.membershipsOf(principal)) : undefined;
    if (live) return live;
    throw CommonErrors.of(
      'FORBIDDEN',
      `You need the ${minimum} role or higher in one of the organizations involved to do this.`,
      { organizationIds: [...organizationIds] },
    );
  }

  async isMember(principal: Principal, organizationId: string): Promise<boolean> {
    try {
      await this.requireRole(principal, organizationId, 'MEMBER');
      return true;
    } catch {
      return false;
    }
  }

  /** Operators are owners or admins of an OPERATOR organization. */
  async requireOperator(principal: Principal): Promise<void> {
    // An API key is never an operator, whatever organization it belongs to.
    if (principal.apiKeyId) throw CommonErrors.of('FORBIDDEN', 'Only Lattice operators can do this.');
    const isOperator = (list: readonly PrincipalMembership[]) =>
      list.some((m) => m.kind === 'OPERATOR' && ROLE_RANK[m.role] >= ROLE_RANK.ADMIN);
    if (isOperator(principal.memberships) || isOperator(await this.source.membershipsOf(principal))) return;
    throw CommonErrors.of('FORBIDDEN', 'Only Lattice operators can do this.');
  }
}

function find(
  list: readonly PrincipalMembership[],
  organizationId: string,
  minimum: Role,
): PrincipalMembership | undefined {
  return list.find((m) => m.organizationId === organizationId && ROLE_RANK[m.role] >= ROLE_RANK[minimum]);
}

/** Asks identity for the caller's live memberships, authenticated by the caller's own token. */
export class IdentityMembershipSource extends MembershipSource {
  constructor(private readonly identityUrl: string) {
    super();
  }

  async membershipsOf(principal: Principal): Promise<readonly PrincipalMembership[]> {
    const response = await fetch(new URL('/internal/memberships', this.identityUrl), {
      headers: { authorization: `Bearer ${principal.token}` },
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) throw CommonErrors.of('FORBIDDEN', 'Your memberships could not be confirmed.');
    const body = (await response.json()) as { memberships: PrincipalMembership[] };
    return body.memberships;
  }
}
