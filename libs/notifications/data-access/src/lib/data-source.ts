import type { ServiceDataSourceOptions } from '@lattice/shared-data-access';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_SCHEMA } from './notifications.entities';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';

export const notificationsDataSource = (url: string, poolSize = 10): ServiceDataSourceOptions => ({
  url,
  schema: NOTIFICATIONS_SCHEMA,
  entities: NOTIFICATIONS_ENTITIES,
  migrations: NOTIFICATIONS_MIGRATIONS,
  poolSize,
});
