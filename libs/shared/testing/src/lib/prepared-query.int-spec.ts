// preparedQuery against a real Postgres: the same rows as an ordinary query, one prepared
// statement per text on a connection (reused, never confused with another text's), and Postgres'
// errors passed through unchanged.
import { DataSource } from 'typeorm';
import { preparedQuery } from '@lattice/shared-data-access';
import { testDatabaseUrl } from './test-database';

const url = testDatabaseUrl('int');

describe('preparedQuery', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    // One connection, so every call below meets the statements prepared by the calls before it.
    dataSource = await new DataSource({ type: 'postgres', url, extra: { max: 1 } }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  const prepared = async () =>
    (
      await dataSource.query<Array<{ name: string; statement: string }>>(
        `SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'lattice\\_%' ORDER BY statement`,
      )
    ).map((row) => row.statement);

  it('answers as dataSource.query does, preparing each text once per connection', async () => {
    const double = 'SELECT $1::int * 2 AS "value", $2::text AS "label"';
    const triple = 'SELECT $1::int * 3 AS "value", $2::text AS "label"';
    for (const n of [1, 2, 3]) {
      expect(await preparedQuery(dataSource, double, [n, `x${n}`])).toEqual(
        await dataSource.query(double, [n, `x${n}`]),
      );
      expect(await preparedQuery(dataSource, triple, [n, 'é\u{1F600}'])).toEqual([
        { value: 3 * n, label: 'é\u{1F600}' },
      ]);
    }
    // pg_prepared_statements is per connection: the pool's only one holds both, once each.
    expect(await prepared()).toEqual([double, triple]);
  });

  it("passes Postgres' errors through and leaves the connection usable", async () => {
    const text = 'SELECT 1 / $1::int AS "value"';
    await expect(preparedQuery(dataSource, text, [0])).rejects.toMatchObject({ code: '22012' });
    await expect(preparedQuery(dataSource, text, ['not a number'])).rejects.toMatchObject({ code: '22P02' });
    expect(await preparedQuery(dataSource, text, [1])).toEqual([{ value: 1 }]);
  });
});
