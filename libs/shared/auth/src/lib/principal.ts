// Who is calling: the user from a verified token, and their organization memberships.
import type { OrgKind, Role } from '@lattice/shared-contracts';

export interface PrincipalMembership {
  readonly organizationId: string;
  readonly role: Role;
  readonly kind: OrgKind;
}

export interface Principal {
  readonly userId: string;
  readonly email: string;
  /** True once the user proved they read mail at `email` (token claim `email_verified`); absent means no. */
  readonly emailVerified?: boolean;
  readonly memberships: readonly PrincipalMembership[];
  /** Set when the caller is an organization's API key (then `userId` is the key's id, not a person's). */
  readonly apiKeyId?: string;
  /** The bearer token itself, forwarded when a service asks identity for fresh memberships. */
  readonly token: string;
}

export const ROLE_RANK: Record<Role, number> = { MEMBER: 1, ADMIN: 2, OWNER: 3 };

/** Roles that may do what `minimum` may do. */
export function rolesAtLeast(minimum: Role): Role[] {
  return (Object.keys(ROLE_RANK) as Role[]).filter((role) => ROLE_RANK[role] >= ROLE_RANK[minimum]);
}
