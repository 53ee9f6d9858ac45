import type { ServiceDataSourceOptions } from '@lattice/shared-data-access';
import { IDENTITY_ENTITIES, IDENTITY_SCHEMA } from './entities/identity.entities';
import { IDENTITY_MIGRATIONS } from './migrations';

export const identityDataSource = (url: string, poolSize = 10): ServiceDataSourceOptions => ({
  url,
  schema: IDENTITY_SCHEMA,
  entities: IDENTITY_ENTITIES,
  migrations: IDENTITY_MIGRATIONS,
  poolSize,
});
