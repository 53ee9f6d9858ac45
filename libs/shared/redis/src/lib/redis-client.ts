// The one way Lattice opens Redis: a single Redis (`REDIS_URL`) or a Redis Cluster
// (`REDIS_CLUSTER_NODES`, host:port seeds, with `REDIS_PASSWORD`). Every Redis use — BullMQ's
// producers and blocking workers, rate limits, shared sign-out moments — gets its client here, so
// each works on both. On a cluster, keys that one operation touches together must share a hash
// slot: BullMQ's queue keys do when the prefix is a hash tag (`{lattice}`), which
// clusterSafePrefix makes sure of; rate limits and sign-outs touch one key per command.
import IORedis, { Cluster, type Redis, type RedisOptions } from 'ioredis';

export interface RedisTarget {
  /** One Redis; ignored when clusterNodes is given. */
  readonly url?: string;
  /** Seed nodes of a Redis Cluster, `host:port` each. */
  readonly clusterNodes?: readonly string[];
  /** For the cluster's nodes (a URL carries its own). */
  readonly password?: string;
}

export type RedisClient = Redis | Cluster;

/** `REDIS_CLUSTER_NODES`: "host:port,host:port" → ["host:port", …] (blank → none). */
export function parseClusterNodes(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((node) => node.trim())
    .filter(Boolean);
}

/** The target a service's configuration names: REDIS_CLUSTER_NODES when set, else REDIS_URL. */
export function redisTargetFrom(config: {
  readonly REDIS_URL?: string;
  readonly REDIS_CLUSTER_NODES?: string;
  readonly REDIS_PASSWORD?: string;
}): RedisTarget {
  return {
    url: config.REDIS_URL,
    clusterNodes: parseClusterNodes(config.REDIS_CLUSTER_NODES),
    ...(config.REDIS_PASSWORD ? { password: config.REDIS_PASSWORD } : {}),
  };
}

export function isClustered(target: RedisTarget): boolean {
  return (target.clusterNodes?.length ?? 0) > 0;
}

/** Where the target is, for log lines (never a password). */
export function describeTarget(target: RedisTarget): string {
  if (isClustered(target)) return `the Redis Cluster at ${target.clusterNodes!.join(',')}`;
  return `Redis at ${new URL(target.url ?? 'redis://127.0.0.1:6379').host}`;
}

/**
 * A key prefix every key of one queue shares a hash slot under: on a cluster, a prefix without a
 * hash tag is wrapped in one (`lattice` → `{lattice}`); on one Redis it is left as it is.
 */
export function clusterSafePrefix(prefix: string, target: RedisTarget): string {
  if (!isClustered(target) || /\{[^}]+\}/.test(prefix)) return prefix;
  return `{${prefix}}`;
}

export interface RedisClientOptions {
  /** Shown in CLIENT LIST and in the outage log lines. */
  readonly name?: string;
  /**
   * - `blocking` (BullMQ workers): a command never gives up.
   * - `queue` (the default: producers, the outbox relay): one retry, commands wait in the offline
   *   queue while reconnecting, so callers leave work for their next pass.
   * - `fail-fast` (rate limits, sign-out moments): a command fails at once while disconnected, so
   *   the caller uses its in-process fallback; an outage is logged once, and its end.
   */
  readonly mode?: 'blocking' | 'queue' | 'fail-fast';
  /** Where outage lines go (fail-fast); console.warn when absent. */
  readonly log?: (line: string) => void;
}

/** Opens a client for the target (one Redis or a Cluster) with the behaviour its use needs. */
export function createRedisClient(target: RedisTarget, options: RedisClientOptions = {}): RedisClient {
  const mode = options.mode ?? 'queue';
  const failFast = mode === 'fail-fast';
  const redisOptions: RedisOptions = {
    ...(options.name ? { connectionName: options.name } : {}),
    maxRetriesPerRequest: mode === 'blocking' ? null : 1,
    enableOfflineQueue: !failFast,
    ...(failFast ? { connectTimeout: 2_000 } : {}),
    retryStrategy: (times: number) => Math.min(times * 200, failFast ? 5_000 : 2_000),
    ...(target.password ? { password: target.password } : {}),
  };
  const client: RedisClient = isClustered(target)
    ? new Cluster(
        target.clusterNodes!.map((node) => {
          const [host, port] = node.split(':');
          return { host: host!, port: Number(port ?? 6379) };
        }),
        {
          redisOptions,
          enableOfflineQueue: !failFast,
          // A failover takes the cluster a few seconds: keep retrying, and follow MOVED/ASK.
          clusterRetryStrategy: (times: number) => Math.min(times * 200, 2_000),
          retryDelayOnFailover: 200,
          retryDelayOnClusterDown: 300,
          retryDelayOnTryAgain: 200,
          maxRedirections: 32,
          slotsRefreshTimeout: 2_000,
        },
      )
    : new IORedis(target.url ?? 'redis://127.0.0.1:6379', { ...redisOptions, lazyConnect: false });
  if (!failFast) {
    client.on('error', () => undefined); // surfaced through health checks; ioredis reconnects itself
    return client;
  }
  const log = options.log ?? ((line: string) => console.warn(line));
  const name = options.name ?? 'redis';
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log(
      `${name}: ${describeTarget(target)} is not answering (${error.message}); using the in-process fallback until it is back`,
    );
  });
  client.on('ready', () => {
    if (down) log(`${name}: Redis is back`);
    down = false;
  });
  return client;
}
