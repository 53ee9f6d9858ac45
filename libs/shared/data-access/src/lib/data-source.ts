// One way to open a service's database: its own schema, its own migrations table, no
// synchronize, and migrations run at start under an advisory lock so replicas starting
// together never race.
import { Client, type ClientConfig } from 'pg';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';

/**
 * A pg client that always has an 'error' listener. When Postgres restarts, a client that is
 * checked out reports the dropped connection as an 'error' event after TypeORM has removed its
 * own listener; unheard, that event crashes the process. Queries still reject as they should.
 */
export class ResilientPgClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

export interface ServiceDataSourceOptions {
  readonly url: string;
  readonly schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
    applicationName: options.applicationName ?? `lattice-${options.schema}`,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000, Client: ResilientPgClient },
  };
}

/**
 * Creates the schema and applies pending migrations while holding an advisory lock. The lock is
 * database-wide, not per schema: migrations also create database-wide objects (extensions such
 * as pg_trgm), and two services doing that at once collide.
 */
export async function migrateSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('lattice.migrate'))`);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('lattice.migrate'))`);
    }
  } finally {
    await runner.release();
  }
}

/** Reverts every migration of the schema, newest first (used by the down-migration tests). */
export async function revertAll(dataSource: DataSource): Promise<number> {
  let reverted = 0;
  while (true) {
    const executed = (await dataSource.query(
      `SELECT count(*)::int AS n FROM "${(dataSource.options as { schema: string }).schema}"."migrations"`,
    )) as Array<{ n: number }>;
    if ((executed[0]?.n ?? 0) === 0) return reverted;
    await dataSource.undoLastMigration({ transaction: 'each' });
    reverted++;
  }
}

export async function openDataSource(options: ServiceDataSourceOptions, migrate = true): Promise<DataSource> {
  const dataSource = new DataSource(serviceDataSourceOptions(options));
  await dataSource.initialize();
  if (migrate) await migrateSchema(dataSource, options.schema);
  return dataSource;
}

/** Opens a short-lived connection, migrates the schema under the advisory lock, closes. */
export async function migrateService(options: ServiceDataSourceOptions): Promise<string[]> {
  const dataSource = new DataSource(serviceDataSourceOptions({ ...options, poolSize: 2 }));
  await dataSource.initialize();
  try {
    return await migrateSchema(dataSource, options.schema);
  } finally {
    await dataSource.destroy();
  }
}
