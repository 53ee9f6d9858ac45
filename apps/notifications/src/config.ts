import { env, loadEnv, subgraphEnv } from '@lattice/shared-util-config';

export const notificationsEnvSchema = {
  ...subgraphEnv(4004),
  PUBLIC_BASE_URL: env.url(['http', 'https'], { default: 'http://localhost:4000' }),
  /** AES-256-GCM key (64 hex digits or base64 of 32 bytes) for webhook secrets; required in production. */
  WEBHOOK_SECRET_KEY: env.string({ optional: true, sensitive: true }),
};
export const loadNotificationsEnv = () => loadEnv(notificationsEnvSchema);
export type NotificationsEnv = ReturnType<typeof loadNotificationsEnv>;
