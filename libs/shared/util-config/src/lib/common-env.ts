// Variables several services read, declared once so their names and rules never drift.
import { env } from './env';

export const databaseEnv = {
  DATABASE_URL: env.url(['postgres', 'postgresql'], { sensitive: false }),
  DATABASE_POOL_SIZE: env.int({ default: 10, min: 1, max: 100 }),
  /** Streaming replicas for read-heavy queries, "postgres://…,postgres://…" (docs/scaling.md); none: the primary serves every read. */
  DATABASE_REPLICA_URLS: env.string({ optional: true, sensitive: true }),
  /** A replica further behind the primary than this serves no reads until it catches up. */
  DATABASE_REPLICA_MAX_LAG_MS: env.int({ default: 10_000, min: 100, max: 300_000 }),
};

export const tokenEnv = {
  JWT_PUBLIC_KEY: env.pem({ sensitive: false }),
  JWT_ISSUER: env.string({ default: 'lattice-identity' }),
  JWT_AUDIENCE: env.string({ default: 'lattice-api' }),
};

export const serviceEnv = (defaultPort: number) => ({
  PORT: env.port({ default: defaultPort }),
  HOST: env.string({ default: '127.0.0.1' }),
  NODE_ENV: env.oneOf(['development', 'production', 'test'] as const, { default: 'development' }),
  /** Apply this service's migrations and exit (the Kubernetes migration Job runs each subgraph so). */
  MIGRATE_ONLY: env.bool({ default: false }),
});

/** Where Redis is, for every use of it (queue, rate limits, sign-outs): @lattice/shared-redis reads these. */
export const redisEnv = {
  REDIS_URL: env.url(['redis', 'rediss'], { default: 'redis://127.0.0.1:6379' }),
  /** A Redis Cluster instead: its seed nodes, "host:port,host:port" (then REDIS_URL is not used). */
  REDIS_CLUSTER_NODES: env.string({ optional: true }),
  /** The Redis Cluster's password (a REDIS_URL carries its own). */
  REDIS_PASSWORD: env.string({ optional: true, sensitive: true }),
};

export const queueEnv = {
  ...redisEnv,
  /** auto: BullMQ when Redis answers, else in-process with a warning. Production: bullmq. */
  QUEUE_DRIVER: env.oneOf(['auto', 'bullmq', 'in-process'] as const, { default: 'auto' }),
  QUEUE_PREFIX: env.string({ default: 'lattice' }),
};

/** What every subgraph other than identity reads. */
export const subgraphEnv = (defaultPort: number) => ({
  ...serviceEnv(defaultPort),
  ...databaseEnv,
  ...tokenEnv,
  /** Identity's base URL, for live membership checks. */
  IDENTITY_INTERNAL_URL: env.url(['http', 'https'], { default: 'http://127.0.0.1:4001' }),
  /** Where "signed out everywhere" moments are shared (keys `<REDIS_PREFIX>:session:…`). */
  ...redisEnv,
  REDIS_PREFIX: env.string({ default: 'lattice' }),
});
