// Test databases: real Postgres, real migrations, and a refusal to touch any database whose
// name lacks "test" — a mistyped DATABASE_URL must never wipe real data.
import { Client } from 'pg';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function testDatabaseUrl(suffix = ''): string {
  const base = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/lattice_test';
  const url = new URL(base);
  if (suffix) url.pathname = `${url.pathname}_${suffix}`;
  assertTestDatabase(url.toString());
  return url.toString();
}

export function assertTestDatabase(databaseUrl: string): void {
  const name = new URL(databaseUrl).pathname.replace(/^\//, '');
  if (!name.includes('test')) {
    throw new Error(`Refusing to use database "${name}" for tests: its name must contain "test".`);
  }
}

/**
 * Drops and creates the database, so every run starts from the real migrations. Refuses while
 * anything is connected to it: that is another run (another checkout with the same
 * TEST_DATABASE_URL, or a stack left running), and dropping its database under it would make its
 * tests fail with rows that vanished between two requests.
 */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  assertTestDatabase(databaseUrl);
  const url = new URL(databaseUrl);
  const name = url.pathname.replace(/^\//, '');
  const admin = new URL(process.env['TEST_ADMIN_DATABASE_URL'] ?? DEFAULT_ADMIN_URL);
  admin.username = url.username || admin.username;
  admin.password = url.password || admin.password;
  admin.host = url.host;
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`,
      [name],
    );
    if (rows[0]!.n > 0) {
      throw new Error(
        `Refusing to recreate database "${name}": ${rows[0]!.n} connection(s) use it — another test run or a stack left running. ` +
          'Give this checkout its own TEST_DATABASE_URL (and port bases), or stop the other run.',
      );
    }
    await client.query(`DROP DATABASE IF EXISTS "${name}"`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
