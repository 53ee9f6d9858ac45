// The one way Lattice's services (other than the queue) open Redis: fail fast when it is down
// (callers have an in-process fallback), reconnect in the background, log an outage once.
import IORedis, { type Redis } from 'ioredis';

export interface RedisClientOptions {
  /** Shown in CLIENT LIST and in the outage log line. */
  readonly name: string;
  readonly log?: (line: string) => void;
}

export function createRedisClient(url: string, options: RedisClientOptions): Redis {
  const log = options.log ?? ((line: string) => console.warn(line));
  const client = new IORedis(url, {
    connectionName: options.name,
    // Commands fail at once while disconnected, so a limiter falls back instead of waiting.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  });
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log(
      `${options.name}: Redis at ${new URL(url).host} is not answering (${error.message}); using the in-process fallback until it is back`,
    );
  });
  client.on('ready', () => {
    if (down) log(`${options.name}: Redis is back`);
    down = false;
  });
  return client;
}
