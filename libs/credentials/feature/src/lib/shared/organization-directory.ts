// Facts credentials needs about organizations it does not own — does it exist, what kind is it —
// asked of identity (GET /internal/organizations/:id, authenticated by the caller's own token).
// For the caller's own organizations the token's memberships already carry the kind.
import type { Principal } from '@lattice/shared-auth';
import type { OrgKind } from '@lattice/shared-contracts';
import { CommonErrors } from '@lattice/shared-util-errors';

export interface DirectoryOrganization {
  readonly id: string;
  readonly kind: OrgKind;
  readonly name: string;
  /** NAICS code (employers state one; others may not); absent when unknown. */
  readonly sector?: string | null;
  /** A region code such as ON-Toronto; absent when unknown. */
  readonly region?: string | null;
  /** SMALL, MEDIUM or LARGE; absent when unknown. */
  readonly size?: string | null;
}

export abstract class OrganizationDirectory {
  /** The organization, or null when identity has none with that id. */
  abstract find(principal: Principal, id: string): Promise<DirectoryOrganization | null>;
  /** The umbrella organizations it is a member of (identity's umbrella membership). */
  abstract umbrellasOf(principal: Principal, id: string): Promise<string[]>;
}

export class IdentityOrganizationDirectory extends OrganizationDirectory {
  constructor(private readonly identityUrl: string) {
    super();
  }

  async find(principal: Principal, id: string): Promise<DirectoryOrganization | null> {
    const own = principal.memberships.find((m) => m.organizationId === id);
    const response = await fetch(new URL(`/internal/organizations/${encodeURIComponent(id)}`, this.identityUrl), {
      headers: { authorization: `Bearer ${principal.token}` },
      signal: AbortSignal.timeout(3_000),
    }).catch(() => null);
    if (response?.status === 404) return null;
    if (!response?.ok) {
      // Identity unreachable: the caller's own organizations are still known from the token.
      if (own) return { id, kind: own.kind, name: '' };
      throw CommonErrors.of('FORBIDDEN', 'That organization could not be confirmed right now; try again.');
    }
    const body = (await response.json()) as {
      id: string;
      kind: OrgKind;
      name: string;
      sector?: string | null;
      region?: string | null;
      size?: string | null;
    };
    return {
      id: body.id,
      kind: body.kind,
      name: body.name,
      sector: body.sector ?? null,
      region: body.region ?? null,
      size: body.size ?? null,
    };
  }

  async umbrellasOf(principal: Principal, id: string): Promise<string[]> {
    const response = await fetch(new URL(`/internal/organizations/${encodeURIComponent(id)}/umbrellas`, this.identityUrl), {
      headers: { authorization: `Bearer ${principal.token}` },
      signal: AbortSignal.timeout(3_000),
    }).catch(() => null);
    if (response?.status === 404) return [];
    // Membership decides what the caller may do: never assume it when identity cannot say.
    if (!response?.ok) throw CommonErrors.of('FORBIDDEN', 'Umbrella membership could not be confirmed right now; try again.');
    return ((await response.json()) as { umbrellaIds: string[] }).umbrellaIds;
  }
}
