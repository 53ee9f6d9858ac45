// The hottest reads as named prepared statements: Postgres parses and plans such a statement once
// per connection instead of on every call. On the served match pages that halves the database's
// CPU per request (docs/matching.md). Use it for short statements run very often with the same
// text; everything else goes through TypeORM as usual. Behind PgBouncer in transaction mode this
// needs PgBouncer 1.21+ with `max_prepared_statements` set (docs/kubernetes.md).
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Statement names by text: each distinct text gets its own name, so a name never changes meaning.
 * The texts are the code's own constants (values go in `values`), so the map stays small.
 */
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `lattice_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` with `values` on the data source's pool as a named prepared statement and returns
 * its rows. Same connection pool as `dataSource.query`; Postgres' errors come as pg raises them
 * (not wrapped in TypeORM's QueryFailedError, which nothing in Lattice inspects). Not for use
 * inside a transaction: it takes its own connection.
 */
export async function preparedQuery<T>(
  dataSource: DataSource,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  // TypeORM's Postgres driver keeps its pg pool as `master` (no read-replication config is used).
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) return dataSource.query(text, [...values]);
  const result = await pool.query({ name: statementName(text), text, values: [...values] });
  return result.rows as T[];
}
