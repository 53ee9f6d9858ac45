import { isRegionCode } from '@lattice/shared-util-regions';
import { MarketplaceErrors } from './marketplace.errors';

export function requireRegion(code: string, field: string): string {
  if (!isRegionCode(code))
    throw MarketplaceErrors.of(
      'INVALID_REGION',
      `"${code.slice(0, 60)}" is not a Canadian region code Lattice knows (e.g. ON, ON-Toronto, ON-Northeast).`,
      { field },
    );
  return code;
}
