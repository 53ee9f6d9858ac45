// Integrators send an organization's API key as `Authorization: Bearer lat_…`. The gateway
// exchanges it with identity for a short-lived access token (cached here for at most a minute,
// by the key's SHA-256, never the key) and forwards that token to the subgraphs in its place, so
// every subgraph accepts a key wherever it accepts a person's token, and sees the key's id as the
// caller (`akid`). The per-credential request budget runs before, on the key itself. A revoked
// key's cached token is refused by the subgraphs at once (identity shares the revocation moment).
import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { currentRequestId, logger } from '@lattice/shared-util-observability';

const PREFIX = /^Bearer\s+(lat_\S+)$/i;
const CACHE_MS = 60_000;
const CACHE_MAX = 10_000;

export interface ApiKeyExchangeOptions {
  /** identity's POST /internal/api-keys/exchange. */
  readonly exchangeUrl: string;
}

export function apiKeyExchange(options: ApiKeyExchangeOptions): RequestHandler {
  const cache = new Map<string, { token: string; apiKeyId: string; until: number }>();
  const log = logger('gateway');
  return (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? PREFIX.exec(header.trim()) : null;
    if (!match) return next();
    const key = match[1]!;
    const digest = createHash('sha256').update(key).digest('hex');
    const cached = cache.get(digest);
    if (cached && cached.until > Date.now()) {
      request.headers['authorization'] = `Bearer ${cached.token}`;
      return next();
    }
    void (async () => {
      let answer: globalThis.Response | null = null;
      try {
        answer = await fetch(options.exchangeUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(currentRequestId() ? { 'x-request-id': currentRequestId()! } : {}),
          },
          body: JSON.stringify({ key }),
          signal: AbortSignal.timeout(3_000),
        });
      } catch (error) {
        log.error(`api key exchange: identity did not answer (${(error as Error).message})`);
      }
      if (!answer) {
        response.status(503).json({
          errors: [
            {
              message: 'Sign-in is unavailable right now; try again.',
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            },
          ],
        });
        return;
      }
      if (!answer.ok) {
        cache.delete(digest);
        response.status(401).json({
          errors: [
            {
              message: 'This API key is not valid, expired or revoked.',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        });
        return;
      }
      const body = (await answer.json()) as { token: string; expiresIn: number; apiKeyId: string };
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(digest, {
        token: body.token,
        apiKeyId: body.apiKeyId,
        until: Date.now() + Math.min(CACHE_MS, (body.expiresIn - 30) * 1000),
      });
      // Attributable: which key, for which request (never the key itself).
      log.info(`api key ${body.apiKeyId} authenticated request ${currentRequestId() ?? '-'}`);
      request.headers['authorization'] = `Bearer ${body.token}`;
      next();
    })().catch(next);
  };
}
