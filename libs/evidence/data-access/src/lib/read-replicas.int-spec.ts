// Read replicas against a real streaming replica: a local primary and replica from Debian's
// Postgres (postgres-replica.ts in libs/shared/testing), evidence's real migrations on the primary
// (streamed to the replica; insights is one of the reads that opt in), and the router of
// libs/shared/data-access (read-replicas.ts). Shows that reads in a request's read scope go to the
// replica (inet_server_port(), pg_is_in_recovery()), that a caller's read right after their write
// sees it while the replica's replay is paused, that a lagging replica is left alone, and that the
// primary alone serves every read, without an error, while the replica is down — and that reads
// go back to the replica once it is up.
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  InProcessWriteFences,
  ReadReplicas,
  RedisWriteFences,
  openDataSource,
  readFromReplica,
  readScope,
  requireReplayed,
  lsnToBigInt,
} from '@lattice/shared-data-access';
import IORedis from 'ioredis';
import {
  postgresBinaries,
  redisAnswers,
  startReplicatedPostgres,
  testRedisUrl,
  type LocalReplicatedPostgres,
} from '@lattice/shared-testing';
import { evidenceDataSource } from './data-source';
import { InsightsQueries } from './insights.queries';

const suite = postgresBinaries() ? describe : describe.skip;

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const WHERE = `SELECT inet_server_port() AS "port", pg_is_in_recovery() AS "standby"`;

suite('read replicas on a streaming replica (Debian Postgres, pg_basebackup)', () => {
  let pg: LocalReplicatedPostgres;
  let primary: DataSource;
  let replicas: ReadReplicas;
  let replicaAdmin: Client;

  /** Where one read in a request by `caller` (anonymous when undefined) runs, and what it sees. */
  const readAs = (caller: string | undefined, note = 'none') =>
    readScope.run({ caller }, () =>
      readFromReplica(primary, async (db) => {
        const [row] = await db.query(
          `SELECT inet_server_port() AS "port", pg_is_in_recovery() AS "standby", (SELECT count(*)::int FROM public.ryw_probe WHERE note = $1) AS "seen"`,
          [note],
        );
        return row as { port: number; standby: boolean; seen: number };
      }),
    );

  /** A caller's mutation: a write, committed, then its fence recorded (what the subgraphs do). */
  const writeAs = async (caller: string, note: string) => {
    await primary.query(`INSERT INTO public.ryw_probe (note) VALUES ($1)`, [note]);
    await replicas.recordWrite(caller);
  };

  beforeAll(async () => {
    pg = startReplicatedPostgres();
    const admin = new Client({ connectionString: pg.primaryUrl() });
    await admin.connect();
    await admin.query('CREATE DATABASE lattice_replica_test');
    await admin.end();
    primary = await openDataSource(evidenceDataSource(pg.primaryUrl('lattice_replica_test'), 4));
    await primary.query(`CREATE TABLE public.ryw_probe (id serial PRIMARY KEY, note text NOT NULL)`);
    replicas = await new ReadReplicas(primary, {
      urls: [pg.replicaUrl('lattice_replica_test')],
      fences: new InProcessWriteFences(),
      checkMs: 100,
      maxLagMs: 3_000,
      log: () => undefined,
    }).start();
    replicaAdmin = new Client({ connectionString: pg.replicaUrl('lattice_replica_test') });
    await until('the replica has the migrations and serves reads', async () => {
      await replicas.check();
      return replicas.status()[0]!.healthy && replicas.status()[0]!.recent;
    });
    await replicaAdmin.connect();
  });

  afterAll(async () => {
    await replicaAdmin?.end().catch(() => undefined);
    await replicas?.close();
    await primary?.destroy();
    pg?.stop();
  });

  it('sends reads in a read scope to the replica, and every other read to the primary', async () => {
    expect(await readAs(undefined)).toMatchObject({ port: pg.replicaPort, standby: true });
    expect(await readAs('someone')).toMatchObject({ port: pg.replicaPort, standby: true });
    // Outside a read scope (mutations, the worker, scripts): the primary.
    const [outside] = await readFromReplica(primary, (db) => db.query(WHERE));
    expect(outside).toMatchObject({ port: pg.primaryPort, standby: false });
    // A real repository read that opts in (insights), with the real migrations replicated.
    const before = replicas.counts.replica;
    const rows = await readScope.run({}, () =>
      new InsightsQueries(primary).credentials({ kind: 'ALL' }, {}, 'NONE'),
    );
    expect(Array.isArray(rows)).toBe(true);
    expect(replicas.counts.replica).toBe(before + 1);
  });

  it('reads a caller’s own write at once while the replica has not replayed it; others read the replica', async () => {
    await replicaAdmin.query('SELECT pg_wal_replay_pause()');
    try {
      await writeAs('alice', 'written-while-paused');
      // Alice, right after her write: the replica has not replayed it, so the primary, which has it.
      expect(await readAs('alice', 'written-while-paused')).toEqual({
        port: pg.primaryPort,
        standby: false,
        seen: 1,
      });
      expect(await readAs('alice', 'written-while-paused')).toEqual({
        port: pg.primaryPort,
        standby: false,
        seen: 1,
      });
      // Bob wrote nothing: the (recent enough) replica, which does not show Alice's row yet.
      expect(await readAs('bob', 'written-while-paused')).toEqual({
        port: pg.replicaPort,
        standby: true,
        seen: 0,
      });
      // A read that must agree with a primary snapshot (a cached ranking) waits for it the same way.
      const [{ lsn }] = await primary.query(`SELECT pg_current_wal_insert_lsn()::text AS "lsn"`);
      const pinned = await readScope.run({}, async () => {
        requireReplayed(lsnToBigInt(lsn));
        return readFromReplica(primary, (db) => db.query(WHERE));
      });
      expect(pinned[0]).toMatchObject({ port: pg.primaryPort });
      // Paused longer than maxLagMs while the primary moves on: nobody reads the stale replica.
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      await writeAs('carol', 'moving-on');
      await replicas.check();
      expect(replicas.status()[0]).toMatchObject({ healthy: true, recent: false });
      expect(await readAs('bob', 'written-while-paused')).toEqual({
        port: pg.primaryPort,
        standby: false,
        seen: 1,
      });
    } finally {
      await replicaAdmin.query('SELECT pg_wal_replay_resume()');
    }
    // Replay resumed: Alice's reads go back to the replica, which now has her row.
    await until(
      'the replica caught up',
      async () => (await readAs('alice', 'written-while-paused')).port === pg.replicaPort,
    );
    expect(await readAs('alice', 'written-while-paused')).toEqual({
      port: pg.replicaPort,
      standby: true,
      seen: 1,
    });
    expect(replicas.counts.primaryFenced).toBeGreaterThanOrEqual(3);
  });

  it('serves every read from the primary, without an error, while the replica is down, and uses it again once it is back', async () => {
    await replicaAdmin.end();
    pg.stopReplica();
    // At once (the health check may not have noticed yet): the read fails over to the primary.
    for (let i = 0; i < 5; i++)
      expect(await readAs(undefined)).toMatchObject({ port: pg.primaryPort, standby: false });
    await writeAs('dave', 'primary-alone');
    expect(await readAs('dave', 'primary-alone')).toEqual({ port: pg.primaryPort, standby: false, seen: 1 });
    await replicas.check();
    expect(replicas.status()[0]!.healthy).toBe(false);
    // Primary alone, for as long as it takes.
    const many = await Promise.all(Array.from({ length: 20 }, () => readAs('erin')));
    expect(many.every((row) => row.port === pg.primaryPort)).toBe(true);

    pg.startReplica();
    await until(
      'the restarted replica serves reads again',
      async () => (await readAs(undefined)).port === pg.replicaPort,
      30_000,
    );
    // Dave's reads follow once the restarted replica has replayed his write (until then: the primary).
    await until(
      'the replica has replayed dave’s write',
      async () => (await readAs('dave', 'primary-alone')).port === pg.replicaPort,
    );
    expect(await readAs('dave', 'primary-alone')).toEqual({ port: pg.replicaPort, standby: true, seen: 1 });
  });
});

const redisSuite = describe;
redisSuite('write fences in Redis (shared by every process)', () => {
  let redis: IORedis;
  beforeAll(async () => {
    if (!(await redisAnswers())) return;
    redis = new IORedis(testRedisUrl());
  });
  afterAll(async () => {
    await redis?.quit();
  });

  it('keeps the highest fence per caller, for as long as asked', async () => {
    if (!redis) return;
    const prefix = `lattice-int-fences-${process.pid}`;
    const a = new RedisWriteFences(redis, prefix);
    const b = new RedisWriteFences(redis, prefix); // another process
    expect(await b.get('alice')).toBe(0n);
    await a.raise('alice', lsnToBigInt('1/20'), 60_000);
    await b.raise('alice', lsnToBigInt('0/FFFF'), 60_000); // an older write finishing later never lowers it
    expect(await a.get('alice')).toBe(lsnToBigInt('1/20'));
    expect(await b.get('alice')).toBe((1n << 32n) | 0x20n);
    await a.raise('bob', 5n, 50);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await b.get('bob')).toBe(0n);
  });
});
