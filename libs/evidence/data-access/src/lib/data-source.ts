import type { ServiceDataSourceOptions } from '@lattice/shared-data-access';
import { EVIDENCE_MIGRATIONS } from './migrations';

export const EVIDENCE_SCHEMA = 'evidence';

export const evidenceDataSource = (url: string, poolSize = 10): ServiceDataSourceOptions => ({
  url,
  schema: EVIDENCE_SCHEMA,
  entities: [],
  migrations: EVIDENCE_MIGRATIONS,
  poolSize,
});
