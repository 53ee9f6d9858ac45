// The one way Lattice opens Redis: a single Redis (`REDIS_URL`) or a Redis Cluster
// (`REDIS_CLUSTER_NODES`, host:port seeds, with `REDIS_PASSWORD`). Every Redis use — BullMQ's
// producers and blocking workers, rate limits, caches — gets its client here, so each works on
// both. On a cluster, keys that one operation touches together must share a hash slot: BullMQ's
// queue keys do when the prefix is a hash tag (`{lattice}`), which clusterSafePrefix makes sure of.
import IORedis, { Cluster, type Redis } from 'ioredis';

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

export function isClustered(target: RedisTarget): boolean {
  return (target.clusterNodes?.length ?? 0) > 0;
}

/**
 * A key prefix every key of one queue shares a hash slot under: on a cluster, a prefix without a
 * hash tag is wrapped in one (`lattice` → `{lattice}`); on one Redis it is left as it is.
 */
export function clusterSafePrefix(prefix: string, target: RedisTarget): string {
  if (!isClustered(target) || /\{[^}]+\}/.test(prefix)) return prefix;
  return `{${prefix}}`;
}

/**
 * Opens a client. `blocking` clients (BullMQ workers) never give up a command; others fail fast
 * (one retry) so callers such as the outbox relay can leave work for their next pass.
 */
export function createRedisClient(target: RedisTarget, options: { blocking?: boolean } = {}): RedisClient {
  const redisOptions = {
    maxRetriesPerRequest: options.blocking ? null : 1,
    enableOfflineQueue: true,
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
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
          enableOfflineQueue: true,
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
  client.on('error', () => undefined); // surfaced through health checks; ioredis reconnects itself
  return client;
}
