import { databaseEnv, env, loadEnv, serviceEnv, tokenEnv } from '@lattice/shared-util-config';
import { rateLimitEnv, trustProxyEnv } from '@lattice/shared-rate-limit';

export const identityEnvSchema = {
  ...serviceEnv(4001),
  ...databaseEnv,
  ...tokenEnv,
  JWT_PRIVATE_KEY: env.pem(),
  JWT_TTL_SECONDS: env.int({ default: 3600, min: 60, max: 86_400 }),
  INVITATION_TTL_HOURS: env.int({ default: 168, min: 1, max: 720 }),
  REFRESH_TOKEN_TTL_DAYS: env.int({ default: 30, min: 1, max: 365 }),
  /** Audit entries older than this are deleted by an hourly sweep on one replica. */
  AUDIT_RETENTION_DAYS: env.int({ default: 400, min: 30, max: 3650 }),
  OPERATOR_EMAIL: env.string({ optional: true }),
  OPERATOR_PASSWORD: env.string({ optional: true, sensitive: true }),
  OPERATOR_NAME: env.string({ default: 'Lattice Operator' }),
  OPERATOR_ORGANIZATION: env.string({ default: 'Lattice Operations' }),
  PUBLIC_BASE_URL: env.url(['http', 'https'], { default: 'http://localhost:4000' }),
  /** Seals invitation links in events (the worker opens them to e-mail the invitee); required in production. */
  INVITATION_LINK_KEY: env.string({ optional: true, sensitive: true }),
  ...rateLimitEnv,
  /** Only the gateway calls identity; it sends the client's address in X-Forwarded-For. */
  TRUST_PROXY: trustProxyEnv('loopback, uniquelocal'),
};

export const loadIdentityEnv = () => loadEnv(identityEnvSchema);
export type IdentityEnv = ReturnType<typeof loadIdentityEnv>;
