// The gateway's abuse limits: an overall budget per bearer credential and per client address on
// the API paths, and a per-address limit on POST /verify. A refused request is answered 429 with
// a Retry-After header and a GraphQL-shaped typed error; a subgraph's own RATE_LIMITED answer
// (log-in, sign-up, resets…) gets the same header through `retryAfterPlugin`.
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { clientAddressOf, type RateLimiter, type RateLimitRuleName } from '@lattice/shared-rate-limit';
import { isAppError } from '@lattice/shared-util-errors';

async function refuseIfSpent(
  limiter: RateLimiter,
  checks: ReadonlyArray<readonly [RateLimitRuleName, string]>,
  response: Response,
  next: NextFunction,
): Promise<void> {
  try {
    await limiter.consumeAll(checks);
  } catch (error) {
    if (!isAppError(error) || error.category !== 'RATE_LIMITED') return next(error);
    const retryAfter = Number(error.details?.['retryAfterSeconds'] ?? 1);
    response
      .status(429)
      .setHeader('retry-after', String(retryAfter))
      .json({
        errors: [
          {
            message: error.message,
            extensions: { code: 'RATE_LIMITED', reason: error.code, retryAfter, details: error.details },
          },
        ],
      });
    return;
  }
  next();
}

/** Every API request spends from its client address's budget, and from its credential's when it carries one. */
export function requestBudget(limiter: RateLimiter): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const checks: Array<readonly [RateLimitRuleName, string]> = [
      ['GATEWAY_ADDRESS', clientAddressOf(request)],
    ];
    const credential = bearerOf(request);
    if (credential) checks.push(['GATEWAY_TOKEN', createHash('sha256').update(credential).digest('hex')]);
    void refuseIfSpent(limiter, checks, response, next);
  };
}

/** A per-address limit on one route (POST /verify). */
export function addressLimit(limiter: RateLimiter, rule: RateLimitRuleName): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) =>
    void refuseIfSpent(limiter, [[rule, clientAddressOf(request)]], response, next);
}

function bearerOf(request: Request): string | null {
  const header = request.headers['authorization'];
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match ? match[1]! : null;
}

/** A response carrying a RATE_LIMITED error tells the client when to come back, in the HTTP header too. */
export const retryAfterPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const waits = (response.body.singleResult.errors ?? [])
          .filter((error) => error.extensions?.['code'] === 'RATE_LIMITED')
          .map((error) => Number(error.extensions?.['retryAfter'] ?? 1));
        if (waits.length > 0) response.http.headers.set('retry-after', String(Math.max(...waits)));
      },
    };
  },
};
