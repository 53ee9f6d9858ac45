// `npm run bench -- notifications`: the notifications pipeline (outbox → relay → BullMQ → router
// → deliveries → in-app / e-mail / webhook) next to BullMQ's raw add and process rate on the same
// Redis, measured in the same run:
//   1. baseline: addBulk N no-op jobs, then drain them with a no-op worker at the worker's concurrency;
//   2. sustained outbox → inbox rate: N synthetic `identity.umbrella.joined` events committed to
//      identity.outbox at once, in-app only (the admin's e-mail preference off, no webhook
//      subscription), then the same with all three channels on (in-process SMTP and webhook receiver);
//   3. commit → delivered latency at a steady rate (100 events/s for 20 s, all channels on): from the
//      outbox insert's commit (acknowledged to the client) to the inbox row's created_at.
// Own ports (portBase 4700), own database on the local Postgres, the local Redis with its own prefix.
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { build, options, require, ROOT, runDatabase } from './_common.mjs';

const opts = options({
  events: 5000,
  concurrency: 8, // the worker's default WORKER_CONCURRENCY
  poolSize: 10, // the worker's default DATABASE_POOL_SIZE
  rate: 100,
  seconds: 20,
  portBase: 4700,
  redisUrl: 'redis://127.0.0.1:6379',
  adminUrl: process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
});
const PREFIX = `lattice-bench-notifications-${process.pid}`;
const TYPE = 'identity.umbrella.joined';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => console.log(`[bench] ${line}`);

// Fail at once, naming the port, when another run holds one of the bench's ports.
const { createServer: createNetServer } = await import('node:net');
for (let port = opts.portBase; port <= opts.portBase + 5; port++) {
  await new Promise((resolve, reject) => {
    const probe = createNetServer().once('error', () =>
      reject(new Error(`port ${port} is in use: pass --port-base N (uses N…N+5)`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(resolve));
  });
}

const loadAtStart = loadavg()[0];
build();
const { startStack } = require(join(ROOT, 'tools/stack.cjs'));
const { devKeys } = await import(join(ROOT, 'tools/dev-keys.mjs'));
const { graphqlClient } = await import(join(ROOT, 'tools/graphql-client.mjs'));
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');
// The event queues the relay fans each event out to: every one is a job the worker runs.
const { queuesFor } = require(join(ROOT, 'dist/libs/shared/contracts/src/index.js'));
const EVENT_QUEUES = queuesFor(TYPE);
const { SMTPServer } = require('smtp-server');

// ---------- 1. BullMQ alone on the same Redis ----------
async function rawBullmq(n, concurrency) {
  const connection = { url: opts.redisUrl };
  const queue = new Queue('bench-raw', {
    connection: new IORedis(opts.redisUrl, { maxRetriesPerRequest: null }),
    prefix: PREFIX,
  });
  const jobOptions = {
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 14 * 24 * 3600, count: 100_000 },
    attempts: 5,
  };
  let started = performance.now();
  for (let offset = 0; offset < n; offset += 500) {
    await queue.addBulk(
      Array.from({ length: Math.min(500, n - offset) }, (_x, i) => ({
        name: 'noop',
        data: { deliveryId: randomUUID() },
        opts: { ...jobOptions, jobId: `raw-${offset + i}` },
      })),
    );
  }
  const addSeconds = (performance.now() - started) / 1000;
  let done = 0;
  let finished;
  const allDone = new Promise((resolve) => (finished = resolve));
  started = performance.now();
  const worker = new Worker('bench-raw', async () => undefined, {
    connection: new IORedis(connection.url, { maxRetriesPerRequest: null }),
    prefix: PREFIX,
    concurrency,
  });
  worker.on('completed', () => {
    if (++done === n) finished();
  });
  await allDone;
  const processSeconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { added: n / addSeconds, processed: n / processSeconds, addSeconds, processSeconds };
}

// ---------- the stack, on its own database, ports and queue prefix ----------
// A database of the run's own, dropped at the end (a bench never drops one it did not create).
const database = await runDatabase('lattice_bench_notifications_test', opts.adminUrl);
opts.database = database.name;
const databaseUrl = new URL(database.url);

const mails = new Set();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    let raw = '';
    stream.on('data', (chunk) => (raw += chunk));
    stream.on('end', () => {
      mails.add(/^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? randomUUID());
      callback();
    });
  },
});
smtp.on('error', () => undefined);
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const hooks = new Set();
const hookServer = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    hooks.add(String(request.headers['lattice-delivery']));
    response.statusCode = 204;
    response.end();
  });
});
await new Promise((resolve) => hookServer.listen(0, '127.0.0.1', resolve));

const results = {};
results.raw = await rawBullmq(opts.events, opts.concurrency);
log(
  `BullMQ alone: add ${results.raw.added.toFixed(0)} jobs/s, process ${results.raw.processed.toFixed(0)} jobs/s`,
);

const stack = await startStack({
  portBase: opts.portBase,
  databaseUrl: databaseUrl.toString(),
  keys: devKeys(ROOT),
  redisUrl: opts.redisUrl,
  queueDriver: 'bullmq',
  queuePrefix: PREFIX,
  logDir: join(ROOT, 'tmp/bench-notifications-logs'),
  extraEnv: {
    worker: {
      SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
      WORKER_CONCURRENCY: String(opts.concurrency),
      DATABASE_POOL_SIZE: String(opts.poolSize),
    },
  },
});
const db = new pg.Pool({ connectionString: databaseUrl.toString(), max: 4 });
try {
  const request = graphqlClient(stack.gatewayUrl);
  const signUp = async (label) =>
    (
      await request('mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }', {
        i: {
          email: `${label}-${randomUUID().slice(0, 6)}@bench.lattice.test`,
          password: 'bench password 123',
          name: label,
        },
      })
    ).signUp;
  const umbrellaAdmin = await signUp('council-admin');
  const umbrellaId = (
    await request(
      'mutation { createOrganization(input: { name: "Bench Council", kind: UMBRELLA, size: MEDIUM }) { id } }',
      {},
      umbrellaAdmin.token,
    )
  ).createOrganization.id;
  const owner = await signUp('college-owner');
  const collegeId = (
    await request(
      'mutation { createOrganization(input: { name: "Bench College", kind: INSTITUTION, size: SMALL }) { id } }',
      {},
      owner.token,
    )
  ).createOrganization.id;
  const setEmail = (enabled) =>
    request(
      'mutation($i: [NotificationPreferenceInput!]!) { updateNotificationPreferences(input: $i) { eventType } }',
      { i: [{ eventType: '*', channel: 'EMAIL', enabled }] },
      umbrellaAdmin.token,
    );
  await setEmail(false);
  // The directory learns of the people and organizations from identity's events.
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

  const payload = JSON.stringify({ umbrellaId, organizationId: collegeId, by: owner.user.id });
  /** Commits `count` events in one transaction (with the NOTIFY the services send); returns their ids and the commit time. */
  const commitEvents = async (count) => {
    const ids = Array.from({ length: count }, () => randomUUID());
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      for (let offset = 0; offset < count; offset += 1000) {
        const chunk = ids.slice(offset, offset + 1000);
        await client.query(
          `INSERT INTO identity.outbox (id, type, actor_id, payload) SELECT id, $2, $3, $4::jsonb FROM unnest($1::uuid[]) AS id`,
          [chunk, TYPE, owner.user.id, payload],
        );
      }
      await client.query(`SELECT pg_notify('lattice_outbox', 'identity')`);
      await client.query('COMMIT');
      return { ids, committedAt: Date.now() };
    } finally {
      client.release();
    }
  };
  const inboxOf = async (ids) =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM notifications.notifications WHERE event_id = ANY($1::uuid[])`,
        [ids],
      )
    ).rows[0].n;
  const sentOf = async (ids) =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM notifications.deliveries WHERE event_id = ANY($1::uuid[]) AND status = 'SENT'`,
        [ids],
      )
    ).rows[0].n;
  const waitUntil = async (test, timeoutMs) => {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (await test()) return true;
      await sleep(100);
    }
    return false;
  };

  // Warm-up: a few events through the whole path (JIT, pools, prepared plans).
  const warm = await commitEvents(200);
  await waitUntil(async () => (await inboxOf(warm.ids)) >= 200, 60_000);

  // Postgres transactions committed in the bench database (every process's), per event: the profile
  // of the pipeline's cost (statistics reach pg_stat_database within a second of each commit).
  const commits = async () => {
    await sleep(1500);
    return Number(
      (await db.query(`SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`)).rows[0]
        .xact_commit,
    );
  };

  // ---------- 2a. outbox → inbox, in-app only ----------
  const commitsBefore = await commits();
  const inApp = await commitEvents(opts.events);
  const inAppComplete = await waitUntil(async () => (await inboxOf(inApp.ids)) >= opts.events, 300_000);
  const lastInbox = Number(
    (
      await db.query(
        `SELECT extract(epoch FROM max(created_at)) * 1000 AS t FROM notifications.notifications WHERE event_id = ANY($1::uuid[])`,
        [inApp.ids],
      )
    ).rows[0].t,
  );
  results.inApp = {
    complete: inAppComplete,
    arrived: await inboxOf(inApp.ids),
    seconds: (lastInbox - inApp.committedAt) / 1000,
  };
  results.inApp.rate = results.inApp.arrived / results.inApp.seconds;
  // identity.umbrella.joined also reaches marketplace's directory (its own queue): count its commits too.
  await waitUntil(
    async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM marketplace.processed_events WHERE event_id = ANY($1::uuid[])`,
          [inApp.ids],
        )
      ).rows[0].n >= opts.events,
    120_000,
  );
  results.inApp.commitsPerEvent = ((await commits()) - commitsBefore) / opts.events;
  log(
    `in-app only: ${results.inApp.arrived}/${opts.events} in ${results.inApp.seconds.toFixed(2)} s → ${results.inApp.rate.toFixed(0)} notifications/s`,
  );

  // ---------- 2b. all three channels ----------
  await setEmail(true);
  await request(
    'mutation($o: ID!, $u: String!) { createWebhookSubscription(organizationId: $o, url: $u, events: ["identity.umbrella.joined"]) { id } }',
    { o: umbrellaId, u: `http://127.0.0.1:${hookServer.address().port}/hook` },
    umbrellaAdmin.token,
  );
  const all = await commitEvents(opts.events);
  const allComplete = await waitUntil(async () => (await sentOf(all.ids)) >= opts.events * 3, 600_000);
  const times = (
    await db.query(
      `SELECT extract(epoch FROM max(sent_at)) * 1000 AS sent, (SELECT extract(epoch FROM max(created_at)) * 1000 FROM notifications.notifications WHERE event_id = ANY($1::uuid[])) AS inbox
       FROM notifications.deliveries WHERE event_id = ANY($1::uuid[]) AND status = 'SENT'`,
      [all.ids],
    )
  ).rows[0];
  results.all = {
    complete: allComplete,
    sent: await sentOf(all.ids),
    inbox: await inboxOf(all.ids),
    seconds: (Number(times.sent) - all.committedAt) / 1000,
    inboxSeconds: (Number(times.inbox) - all.committedAt) / 1000,
  };
  results.all.rate = results.all.sent / results.all.seconds;
  results.all.inboxRate = results.all.inbox / results.all.inboxSeconds;
  log(
    `all channels: ${results.all.sent}/${opts.events * 3} deliveries in ${results.all.seconds.toFixed(2)} s → ${results.all.rate.toFixed(0)} deliveries/s (inbox ${results.all.inboxRate.toFixed(0)}/s)`,
  );

  // ---------- 3. commit → delivered latency at a steady rate, all channels on ----------
  const committed = new Map();
  const interval = 1000 / opts.rate;
  const total = opts.rate * opts.seconds;
  const begun = performance.now();
  const inserts = [];
  for (let i = 0; i < total; i++) {
    const due = begun + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const id = randomUUID();
    inserts.push(
      db
        .query(
          `WITH e AS (INSERT INTO identity.outbox (id, type, actor_id, payload) VALUES ($1, $2, $3, $4::jsonb) RETURNING 1) SELECT pg_notify('lattice_outbox', 'identity') FROM e`,
          [id, TYPE, owner.user.id, payload],
        )
        .then(() => committed.set(id, Date.now())),
    );
  }
  await Promise.all(inserts);
  const offered = total / ((performance.now() - begun) / 1000);
  const ids = [...committed.keys()];
  await waitUntil(async () => (await inboxOf(ids)) >= total, 120_000);
  const { rows: created } = await db.query(
    `SELECT event_id, extract(epoch FROM created_at) * 1000 AS t FROM notifications.notifications WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  const latencies = created.map((row) => Number(row.t) - committed.get(row.event_id)).sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  results.latency = {
    offered,
    count: latencies.length,
    total,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: latencies.at(-1),
  };
  log(
    `latency at ${offered.toFixed(0)}/s: p50 ${results.latency.p50.toFixed(0)} ms, p95 ${results.latency.p95.toFixed(0)} ms, p99 ${results.latency.p99.toFixed(0)} ms`,
  );
  results.mailsReceived = mails.size;
  results.hooksReceived = hooks.size;
} finally {
  await stack.stop();
  await db.end();
  await database.drop();
  smtp.close();
  hookServer.close();
  const cleanup = new IORedis(opts.redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await cleanup.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    if (keys.length) await cleanup.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await cleanup.quit();
}

const r = results;
const n = (x) => Math.round(x).toLocaleString('en-US');
const verdict = (ok, by) => (ok ? 'met' : `missed by ${by}`);
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} (nproc), ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.version}`;
const report = `# Notifications bench — ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC

Machine: ${machine}. Load average (1 min) at the start / end of the run: ${loadAtStart.toFixed(2)} / ${loadavg()[0].toFixed(2)} on ${cpus().length} cores${loadAtStart > cpus().length * 0.5 ? ' — other work was sharing the machine' : ''}. Local Postgres (database \`${opts.database}\`), local Redis (prefix \`${PREFIX.replace(/-\d+$/, '-<pid>')}\`).
Worker concurrency ${opts.concurrency} per queue, worker Postgres pool ${opts.poolSize}; ${n(opts.events)} events per throughput run, each an
\`${TYPE}\` heard by one umbrella admin (1 in-app + 1 e-mail + 1 webhook delivery when all channels are on).

| what | figure |
|---|---|
| BullMQ alone: addBulk (baseline) | ${n(r.raw.added)} jobs/s |
| BullMQ alone: no-op worker, concurrency ${opts.concurrency} (baseline) | ${n(r.raw.processed)} jobs/s |
| outbox → inbox, in-app only (e-mail off by preference, no webhook) | ${n(r.inApp.rate)} notifications/s (${r.inApp.arrived}/${opts.events} in ${r.inApp.seconds.toFixed(2)} s) |
| event jobs per event (queues that hear \`${TYPE}\`: ${EVENT_QUEUES.join(', ')}) | ${EVENT_QUEUES.length} |
| event jobs the worker ran, in-app only (notifications/s × jobs per event) | ${n(r.inApp.rate * EVENT_QUEUES.length)} jobs/s |
| Postgres transactions per event, in-app only (every process: relay, router, the services' directories, the bench's polling) | ${r.inApp.commitsPerEvent.toFixed(2)} |
| outbox → delivered, in-app + e-mail + webhook | ${n(r.all.rate)} deliveries/s (${r.all.sent}/${opts.events * 3} in ${r.all.seconds.toFixed(2)} s; inbox ${n(r.all.inboxRate)}/s) |
| commit → inbox latency at ${n(r.latency.offered)} events/s for ${opts.seconds} s, all channels (p50 / p95 / p99 / max) | ${n(r.latency.p50)} / ${n(r.latency.p95)} / ${n(r.latency.p99)} / ${n(r.latency.max)} ms (${r.latency.count}/${r.latency.total} arrived) |

| target | measured | verdict |
|---|---|---|
| outbox → inbox ≥ 1,000/s | ${n(r.inApp.rate)}/s | ${verdict(r.inApp.rate >= 1000, `${n(1000 - r.inApp.rate)}/s (${Math.round((r.inApp.rate / 1000) * 100)}% of target)`)} |
| commit → delivered p99 ≤ 1 s at 100/s | ${n(r.latency.p99)} ms | ${verdict(r.latency.p99 <= 1000 && r.latency.count === r.latency.total, `${n(r.latency.p99 - 1000)} ms`)} |
| pipeline vs. BullMQ's own processing rate | ${Math.round((r.inApp.rate / r.raw.processed) * 100)}% of events, ${Math.round(((r.inApp.rate * EVENT_QUEUES.length) / r.raw.processed) * 100)}% of jobs | (each event: a relay pass, then one job on every queue that hears it — notifications' routing and each service's directory of organizations; the router writes the jobs that arrive together in one transaction, up to 200; e-mail and webhook one job each) |

Rates are events (or deliveries) divided by the time from the outbox commit to the last inbox row's
\`created_at\` (or delivery's \`sent_at\`); latency is \`created_at\` (the start of the transaction that writes it)
minus the moment the outbox insert's commit was acknowledged. E-mails received by the in-process SMTP
server: ${r.mailsReceived}; webhook POSTs received: ${r.hooksReceived} (the latency run waits for the inbox only, so its
e-mails may still be on their way when the bench ends).
`;
// Notes written by hand below the marker (history, before/after) survive a re-run.
const resultsFile = join(ROOT, 'bench/results/notifications.md');
const MARKER = '<!-- notes below are kept when the bench rewrites this file -->';
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const notes = previous.includes(MARKER) ? previous.slice(previous.indexOf(MARKER)) : MARKER + '\n';
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(resultsFile, `${report}\n${notes}`);
console.log(report);
console.log('wrote bench/results/notifications.md');
process.exit(0);
