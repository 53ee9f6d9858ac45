import type { ServiceDataSourceOptions } from '@lattice/shared-data-access';
import { MARKETPLACE_ENTITIES, MARKETPLACE_SCHEMA } from './marketplace.entities';
import { MARKETPLACE_MIGRATIONS } from './migrations';

export const marketplaceDataSource = (url: string, poolSize = 10): ServiceDataSourceOptions => ({
  url,
  schema: MARKETPLACE_SCHEMA,
  entities: MARKETPLACE_ENTITIES,
  migrations: MARKETPLACE_MIGRATIONS,
  poolSize,
});
