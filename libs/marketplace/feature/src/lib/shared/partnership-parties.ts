import type { Authorizer, Principal } from '@lattice/shared-auth';
import type { PartnershipEntity } from '@lattice/marketplace-data-access';
import type { MarketplacePartnershipPayload } from '@lattice/shared-contracts';

export type Side = 'PROPOSER' | 'RECIPIENT' | 'NONE';

/** Which side of a partnership the caller speaks for (the proposing organization first). */
export async function sideOf(
  authorizer: Authorizer,
  principal: Principal,
  partnership: PartnershipEntity,
): Promise<Side> {
  const recipient =
    partnership.proposedByOrganizationId === partnership.employerId
      ? partnership.institutionId
      : partnership.employerId;
  if (await authorizer.isMember(principal, partnership.proposedByOrganizationId)) return 'PROPOSER';
  if (await authorizer.isMember(principal, recipient)) return 'RECIPIENT';
  return 'NONE';
}

export function partnershipPayload(
  partnership: PartnershipEntity,
  needTitle: string,
  actingOrganizationId: string,
  message: string | null,
): MarketplacePartnershipPayload {
  return {
    partnershipId: partnership.id,
    needId: partnership.needId,
    needTitle,
    employerId: partnership.employerId,
    institutionId: partnership.institutionId,
    proposedByOrganizationId: partnership.proposedByOrganizationId,
    actingOrganizationId,
    message,
  };
}
