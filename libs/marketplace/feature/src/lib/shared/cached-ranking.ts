// Rankings served from the match cache while nothing they depend on changed, computed exactly
// (the ranking SQL, then the reasons) otherwise. A ranking is computed and kept at the maximum
// page size, so every `first` is a prefix of the same exact order. See docs/matching.md.
import type { MarketplaceRepository, MatchCacheKind } from '@lattice/marketplace-data-access';
import type { MatchWeights } from '@lattice/marketplace-domain';
import type { ExplainedMatch } from './explain-matches';

export const MAX_MATCHES = 200;

/**
 * Cold computations in flight in this process, by kind, owner and weights: concurrent requests for
 * a ranking that is not cached wait for the one computation instead of each running the ranking
 * SQL (at market size a popular need's takes seconds; sixteen at once exhausted the pool).
 */
const inFlight = new Map<string, Promise<ExplainedMatch[]>>();

export async function cachedRanking(
  repository: MarketplaceRepository,
  kind: MatchCacheKind,
  ownerId: string,
  weights: MatchWeights,
  first: number,
  compute: (limit: number) => Promise<ExplainedMatch[]>,
): Promise<ExplainedMatch[]> {
  const key = weightsKey(weights);
  // Only the page asked for leaves the database.
  const cached = (await repository.cachedMatches(kind, ownerId, key, first)) as ExplainedMatch[] | null;
  if (cached) return cached;
  const flight = `${kind}:${ownerId}:${key}`;
  let computing = inFlight.get(flight);
  if (!computing) {
    computing = (async () => {
      const dependencies = await repository.matchDependencies(kind, ownerId);
      const matches = await compute(MAX_MATCHES);
      await repository.storeMatches(kind, ownerId, key, dependencies, matches);
      return matches;
    })().finally(() => inFlight.delete(flight));
    inFlight.set(flight, computing);
  }
  return (await computing).slice(0, first);
}

/** Rankings under other weights (another configuration) are kept apart. */
export function weightsKey(weights: MatchWeights): string {
  return Object.entries(weights)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`)
    .join(';');
}
