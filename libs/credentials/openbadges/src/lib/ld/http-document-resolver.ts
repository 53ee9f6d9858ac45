// Other issuers' key and controller documents (and status lists) over HTTP, for verifying their
// credentials. Off unless the service passes it to `createDocumentLoader` (never used for
// contexts). Every request goes through the shared SSRF guard (in production: https only, public
// addresses only, checked again at connect time), with a deadline and a size cap; documents are
// cached for a while (failures briefly), so a burst of verifications asks each issuer once.
import { fetchPublicJson } from '@lattice/shared-util-network';
import { OpenBadgesErrors } from '../openbadges.errors';
import { DocumentResolver } from './document-loader';

export interface HttpDocumentResolverOptions {
  readonly production: boolean;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly cacheTtlMs?: number;
  /** How long a failure is remembered (so a dead issuer is not asked on every verification). */
  readonly failureTtlMs?: number;
  readonly maxCacheEntries?: number;
  readonly now?: () => number;
}

export interface HttpDocumentResolver extends DocumentResolver {
  readonly stats: { fetches: number; cacheHits: number };
}

export function createHttpDocumentResolver(options: HttpDocumentResolverOptions): HttpDocumentResolver {
  const ttl = options.cacheTtlMs ?? 5 * 60_000;
  const failureTtl = options.failureTtlMs ?? 30_000;
  const maxEntries = options.maxCacheEntries ?? 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { until: number; value: Promise<object> }>();
  const stats = { fetches: 0, cacheHits: 0 };

  const resolver = (url: string): Promise<object> => {
    const hit = cache.get(url);
    if (hit && hit.until > now()) {
      stats.cacheHits++;
      return hit.value;
    }
    cache.delete(url);
    stats.fetches++;
    const value = fetchPublicJson(url, {
      production: options.production,
      protocols: options.production ? ['https:'] : ['https:', 'http:'],
      timeoutMs: options.timeoutMs ?? 5_000,
      maxBytes: options.maxBytes ?? 256 * 1024,
    })
      .then((document) => {
        if (!document || typeof document !== 'object' || Array.isArray(document))
          throw new Error(`${url.slice(0, 200)} is not a JSON object`);
        return document;
      })
      .catch((error: unknown) => {
        const entry = cache.get(url);
        if (entry) entry.until = Math.min(entry.until, now() + failureTtl);
        throw OpenBadgesErrors.of(
          'REMOTE_DOCUMENT_FAILED',
          `Fetching ${url.slice(0, 200)} failed: ${(error as Error).message}`,
          { url: url.slice(0, 200) },
        );
      });
    // Oldest first out: a Map keeps insertion order.
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(url, { until: now() + ttl, value });
    return value;
  };
  return Object.assign(resolver, { stats });
}
