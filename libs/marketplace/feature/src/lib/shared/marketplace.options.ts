import type { MatchWeights } from '@lattice/marketplace-domain';

export const MARKETPLACE_OPTIONS = Symbol('MARKETPLACE_OPTIONS');

export interface MarketplaceOptions {
  /** Identity's base URL, for organizations the directory has not heard of yet. */
  readonly identityUrl: string;
  readonly weights: MatchWeights;
}
