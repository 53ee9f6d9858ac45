// A run never drops a database another run is using: two checkouts with the same
// TEST_DATABASE_URL once dropped each other's e2e database mid-suite, and a verification link
// signed up in one moment was "not found" the next.
import { Client } from 'pg';
import { recreateDatabase, testDatabaseUrl } from './test-database';

describe('recreateDatabase', () => {
  const url = testDatabaseUrl(`inuse_${process.pid}`);
  const admin = (): Client => {
    const adminUrl = new URL(url);
    adminUrl.pathname = '/postgres';
    return new Client({ connectionString: adminUrl.toString() });
  };

  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}"`);
    await client.end();
  });

  it('refuses while another client is connected, and recreates once it has gone', async () => {
    await recreateDatabase(url);
    const other = new Client({ connectionString: url });
    await other.connect();
    await other.query('CREATE TABLE kept (id int)');
    try {
      await expect(recreateDatabase(url)).rejects.toThrow(/connection\(s\) use it/);
      // Nothing was dropped under the other client.
      expect((await other.query('SELECT count(*)::int AS n FROM kept')).rows[0].n).toBe(0);
    } finally {
      await other.end();
    }
    await recreateDatabase(url);
    const fresh = new Client({ connectionString: url });
    await fresh.connect();
    const { rows } = await fresh.query(`SELECT to_regclass('public.kept') AS kept`);
    await fresh.end();
    expect(rows[0].kept).toBeNull();
  });
});
