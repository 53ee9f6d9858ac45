// Every service's migrations go up on an empty schema, down to nothing, and up again.
import { DataSource } from 'typeorm';
import {
  migrateSchema,
  revertAll,
  serviceDataSourceOptions,
  type ServiceDataSourceOptions,
} from '@lattice/shared-data-access';

export function describeMigrations(
  name: string,
  options: (url: string) => ServiceDataSourceOptions,
  url: string,
): void {
  describe(`${name} migrations`, () => {
    it('apply, revert completely, and apply again', async () => {
      const base = options(url);
      const schema = `${base.schema}_mig_${Math.random().toString(36).slice(2, 8)}`;
      // Run the real migrations against a scratch copy of the schema name, so suites never collide.
      const dataSource = new DataSource(serviceDataSourceOptions({ ...base, schema }));
      await dataSource.initialize();
      try {
        const rename = (sql: string) =>
          sql.split(`"${base.schema}".`).join(`"${schema}".`).split(` ${base.schema}.`).join(` ${schema}.`);
        const originalQuery = dataSource.driver.createQueryRunner.bind(dataSource.driver);
        dataSource.driver.createQueryRunner = (mode) => {
          const runner = originalQuery(mode);
          const query = runner.query.bind(runner);
          runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
            query(rename(sql), parameters, structured as never)) as typeof runner.query;
          return runner;
        };
        const applied = await migrateSchema(dataSource, schema);
        expect(applied.length).toBeGreaterThan(0);
        const tables = (await dataSource.query(
          `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
          [schema],
        )) as Array<{ n: number }>;
        expect(tables[0]!.n).toBeGreaterThan(0);
        expect(await revertAll(dataSource)).toBe(applied.length);
        const left = (await dataSource.query(
          `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
          [schema],
        )) as Array<{ n: number }>;
        expect(left[0]!.n).toBe(0);
        expect(await migrateSchema(dataSource, schema)).toEqual(applied);
        expect(await migrateSchema(dataSource, schema)).toEqual([]);
      } finally {
        await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await dataSource.destroy();
      }
    });
  });
}
