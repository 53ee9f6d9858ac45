import { databaseEnv, env, loadEnv, queueEnv, serviceEnv, tokenEnv } from '@lattice/shared-util-config';

export const workerEnvSchema = {
  ...serviceEnv(4005),
  ...databaseEnv,
  ...queueEnv,
  OUTBOX_SCHEMAS: env.string({ default: 'identity,marketplace,credentials,notifications,evidence' }),
  WORKER_CONCURRENCY: env.int({ default: 8, min: 1, max: 256 }),
  OUTBOX_POLL_MS: env.int({ default: 1000, min: 10, max: 60_000 }),
  /** Each sent event is published once more after this delay, in case Redis lost it. */
  OUTBOX_REPUBLISH_MS: env.int({ default: 120_000, min: 1_000, max: 86_400_000 }),
  /** Where e-mail goes (Mailpit under docker compose). */
  SMTP_URL: env.url(['smtp', 'smtps'], { default: 'smtp://127.0.0.1:1025', sensitive: true }),
  MAIL_FROM: env.string({ default: 'Lattice <notifications@lattice.local>' }),
  PUBLIC_BASE_URL: env.url(['http', 'https'], { default: 'http://localhost:4000' }),
  /** AES-256-GCM key (64 hex digits or base64 of 32 bytes) for webhook secrets; required in production. */
  WEBHOOK_SECRET_KEY: env.string({ optional: true, sensitive: true }),
  /** Opens the invitation links identity seals into its events (same key as identity's); required in production. */
  INVITATION_LINK_KEY: env.string({ optional: true, sensitive: true }),
  /** Evidence's key (same as the evidence service's): learner lookups and sealed addresses of feedback requests; required in production. */
  EVIDENCE_KEY: env.string({ optional: true, sensitive: true }),
  WEBHOOK_TIMEOUT_MS: env.int({ default: 10_000, min: 100, max: 60_000 }),
  /** Overrides of the webhook retry policy (default 20 attempts from 30 s, about a day); tests shorten it. */
  WEBHOOK_MAX_ATTEMPTS: env.int({ optional: true, min: 1, max: 100 }),
  WEBHOOK_BACKOFF_BASE_MS: env.int({ optional: true, min: 1, max: 3_600_000 }),
  /** Daily digest time, cron in UTC. */
  DIGEST_CRON: env.string({ default: '0 7 * * *' }),
  /** How long a sender holds a delivery before it is presumed dead and the delivery is sent again; must outlast the slowest send. */
  DELIVERY_LEASE_SECONDS: env.int({ default: 120, min: 25, max: 3600 }),
  /** How often stranded deliveries are re-queued. */
  DELIVERY_SWEEP_MS: env.int({ default: 60_000, min: 1_000, max: 3_600_000 }),
  /** The queue dashboard verifies operators' tokens; without the key it is not mounted. */
  JWT_PUBLIC_KEY: env.pem({ optional: true, sensitive: false }),
  JWT_ISSUER: tokenEnv.JWT_ISSUER,
  JWT_AUDIENCE: tokenEnv.JWT_AUDIENCE,
  IDENTITY_INTERNAL_URL: env.url(['http', 'https'], { default: 'http://127.0.0.1:4001' }),
};

export const loadWorkerEnv = () => loadEnv(workerEnvSchema);
export type WorkerEnv = ReturnType<typeof loadWorkerEnv>;
