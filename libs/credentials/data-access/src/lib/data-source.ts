import type { ServiceDataSourceOptions } from '@lattice/shared-data-access';
import { CREDENTIALS_ENTITIES, CREDENTIALS_SCHEMA } from './credentials.entities';
import { CREDENTIALS_MIGRATIONS } from './migrations';

export const credentialsDataSource = (url: string, poolSize = 10): ServiceDataSourceOptions => ({
  url,
  schema: CREDENTIALS_SCHEMA,
  entities: CREDENTIALS_ENTITIES,
  migrations: CREDENTIALS_MIGRATIONS,
  poolSize,
});
