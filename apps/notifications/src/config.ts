import { loadEnv, subgraphEnv } from '@lattice/shared-util-config';

export const notificationsEnvSchema = subgraphEnv(4004);
export const loadNotificationsEnv = () => loadEnv(notificationsEnvSchema);
export type NotificationsEnv = ReturnType<typeof loadNotificationsEnv>;
