// "Sign out everywhere": a person's access tokens issued before a moment are refused by every
// service. Tokens are verified locally (no call to identity), so the moment is shared through
// Redis — one key per person who ever signed out everywhere, `<prefix>:session:valid-after:{userId}`,
// kept as long as an access token can live — and each process caches what it read for
// `cacheMs` (2 s): at most one Redis GET per person per process every 2 s, none for people who
// never signed out beyond that GET. Identity writes the key (and its own table) when a person
// signs out everywhere, changes or resets their password, and publishes the moment on
// `<prefix>:session:revoked`: every process subscribed there (sessionRevocationsFrom) updates its
// cache at once, so with several replicas of a service an ended token is refused by all of them
// on the next request, not after their caches age (a process that missed a message while its
// subscription was down drops its whole cache when it is back).
import { createRedisClient, redisTargetFrom, type RedisClient } from '@lattice/shared-redis';

export abstract class SessionRevocations {
  /** Milliseconds since the epoch before which the user's access tokens are refused; 0 when none. */
  abstract validAfter(userId: string): Promise<number>;
}

export const sessionRevocationKey = (prefix: string, userId: string) =>
  `${prefix}:session:valid-after:{${userId}}`;

/** The channel new sign-out moments are published on: messages are "<userId> <atMs>". */
export const sessionRevocationChannel = (prefix: string) => `${prefix}:session:revoked`;

export interface RedisSessionRevocationsOptions {
  readonly cacheMs?: number;
  /** How long the key is kept: the longest an access token lives (JWT_TTL_SECONDS ≤ 1 day). */
  readonly keepSeconds?: number;
  /** Asked when Redis does not answer (identity reads its own table); without it, the last value read is used. */
  readonly fallback?: (userId: string) => Promise<number>;
  readonly log?: (line: string) => void;
}

export class RedisSessionRevocations extends SessionRevocations {
  private readonly cache = new Map<string, { value: number; readAt: number }>();
  private warned = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly options: RedisSessionRevocationsOptions = {},
  ) {
    super();
  }

  async validAfter(userId: string): Promise<number> {
    const cached = this.cache.get(userId);
    if (cached && Date.now() - cached.readAt < (this.options.cacheMs ?? 2_000)) return cached.value;
    let value: number;
    try {
      value = Number((await this.redis.get(sessionRevocationKey(this.prefix, userId))) ?? 0);
      this.warned = false;
    } catch (error) {
      if (!this.warned)
        (this.options.log ?? console.warn)(
          `session revocations: Redis did not answer (${(error as Error).message}); ${this.options.fallback ? 'reading the database' : 'using the last values read'}`,
        );
      this.warned = true;
      value = this.options.fallback ? await this.options.fallback(userId) : (cached?.value ?? 0);
    }
    if (this.cache.size > 50_000) this.cache.clear();
    // A moment published while the GET was out may be newer than what it read; moments only move forward.
    value = Math.max(value, this.cache.get(userId)?.value ?? 0);
    this.cache.set(userId, { value, readAt: Date.now() });
    return value;
  }

  /** Listens for moments other processes publish (a client of its own, in subscriber mode). */
  listen(subscriber: Pick<RedisClient, 'on' | 'subscribe'>): this {
    const channel = sessionRevocationChannel(this.prefix);
    subscriber.on('message', (from: string, message: string) => {
      if (from !== channel) return;
      const [userId, atMs] = message.split(' ');
      if (userId && Number(atMs) > 0) this.remember(userId, Number(atMs));
    });
    // (Re)subscribed: moments published while it was not listening are unknown, so read afresh.
    subscriber.on('ready', () => {
      this.cache.clear();
      subscriber.subscribe(channel).catch(() => undefined);
    });
    return this;
  }

  private remember(userId: string, atMs: number): void {
    this.cache.set(userId, { value: Math.max(atMs, this.cache.get(userId)?.value ?? 0), readAt: Date.now() });
  }

  /** Refuses the user's tokens issued before `atMs`, everywhere; never moves the moment back. */
  async revoke(userId: string, atMs: number): Promise<void> {
    const key = sessionRevocationKey(this.prefix, userId);
    const keep = this.options.keepSeconds ?? 2 * 86_400;
    // Atomic max: a late, older sign-out never reopens sessions a newer one closed.
    await this.redis.eval(
      "local v = tonumber(redis.call('GET', KEYS[1]) or '0') if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) else redis.call('EXPIRE', KEYS[1], ARGV[2]) end return 1",
      1,
      key,
      String(atMs),
      String(keep),
    );
    this.remember(userId, atMs);
    await this.redis.publish(sessionRevocationChannel(this.prefix), `${userId} ${atMs}`);
  }
}

/** A subgraph's revocations from its REDIS_URL (or REDIS_CLUSTER_NODES) and REDIS_PREFIX. */
export function sessionRevocationsFrom(
  config: {
    readonly REDIS_URL: string;
    readonly REDIS_CLUSTER_NODES?: string;
    readonly REDIS_PASSWORD?: string;
    readonly REDIS_PREFIX: string;
  },
  service: string,
  options: RedisSessionRevocationsOptions = {},
): RedisSessionRevocations {
  return new RedisSessionRevocations(
    createRedisClient(redisTargetFrom(config), { name: `${service}-sessions`, mode: 'fail-fast' }),
    config.REDIS_PREFIX,
    options,
  ).listen(createRedisClient(redisTargetFrom(config), { name: `${service}-sessions-events` }));
}
