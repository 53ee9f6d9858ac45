// Counts attempts in Redis with rate-limiter-flexible (atomic, one key per counter, so it works
// on a Redis Cluster too). Each rule has an in-process insurance limiter with the same limits:
// when Redis is down or absent, each process still limits on its own.
import { createHash } from 'node:crypto';
import type { RedisClient } from '@lattice/shared-redis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { CommonErrors } from '@lattice/shared-util-errors';
import type { RateLimitRuleName, RateLimitRules } from './rate-limit.rules';

export interface RateLimiterOptions {
  /** Null: in-process counters only (tests, or a deployment without Redis). */
  readonly redis: RedisClient | null;
  /** Keys are `<prefix>:rl:<rule>:<sha-256 of the subject>`: no e-mail or address is stored in clear. */
  readonly prefix: string;
  readonly rules: RateLimitRules;
}

export class RateLimiter {
  private readonly limiters = new Map<RateLimitRuleName, RateLimiterAbstract>();

  constructor(private readonly options: RateLimiterOptions) {}

  /** Counts one attempt by `subject`; RATE_LIMITED (with the seconds to wait) once the rule's budget is spent. */
  async consume(rule: RateLimitRuleName, subject: string, points = 1): Promise<void> {
    try {
      await this.limiter(rule).consume(keyOf(subject), points);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(rule, rejection.msBeforeNext);
      throw rejection;
    }
  }

  /** Like consume, for several rules at once (e.g. per account and per address); every one counts. */
  async consumeAll(checks: ReadonlyArray<readonly [RateLimitRuleName, string]>): Promise<void> {
    const results = await Promise.allSettled(checks.map(([rule, subject]) => this.consume(rule, subject)));
    const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (refused) throw refused.reason;
  }

  /** Forgets `subject`'s attempts (a successful log-in clears the failures before it). */
  async reset(rule: RateLimitRuleName, subject: string): Promise<void> {
    await this.limiter(rule).delete(keyOf(subject));
  }

  private limiter(rule: RateLimitRuleName): RateLimiterAbstract {
    let limiter = this.limiters.get(rule);
    if (!limiter) {
      const { points, seconds } = this.options.rules[rule];
      const keyPrefix = `${this.options.prefix}:rl:${rule}`;
      const memory = new RateLimiterMemory({ keyPrefix, points, duration: seconds });
      limiter = this.options.redis
        ? new RateLimiterRedis({
            storeClient: this.options.redis,
            keyPrefix,
            points,
            duration: seconds,
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          })
        : memory;
      this.limiters.set(rule, limiter);
    }
    return limiter;
  }
}

function keyOf(subject: string): string {
  return createHash('sha256').update(subject.toLowerCase()).digest('base64url').slice(0, 32);
}

export function rateLimited(rule: string, msBeforeNext: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return CommonErrors.of(
    'RATE_LIMITED',
    `Too many attempts. Try again in ${describeWait(retryAfterSeconds)}.`,
    { retryAfterSeconds, limit: rule },
  );
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
