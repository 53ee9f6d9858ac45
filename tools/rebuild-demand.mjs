// `npm run demand:rebuild`: recomputes the marketplace's demand rollup from the open needs, in one
// transaction (readers see the old rows until it commits). The triggers keep the rollup current;
// this is for repair and for data written with triggers off (the bench seed). DATABASE_URL names
// the database (default: the embedded one `npm start` runs).
import pg from 'pg';

const url =
  process.env.DATABASE_URL ??
  `postgres://lattice:lattice@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/lattice`;
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const started = Date.now();
  await client.query('BEGIN');
  const { rows } = await client.query(`SELECT marketplace.rebuild_demand_rollup()::int AS rows`);
  await client.query('COMMIT');
  console.log(`demand rollup rebuilt: ${rows[0].rows} cells in ${Date.now() - started} ms`);
} catch (error) {
  await client.query('ROLLBACK').catch(() => undefined);
  console.error(`demand rollup not rebuilt: ${error.message}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
