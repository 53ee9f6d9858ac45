// `npm run bench -- gateway`: what the front door costs. A primary-key `skill(id)` query under
// load (autocannon, 16 clients) straight to the marketplace subgraph, through a stock Apollo
// Gateway (no hardening, same supergraph) and through Lattice's gateway (limits, CSRF, no
// batching, masking, body limit, introspection switch, logs, metrics), side by side in one run,
// then each gateway's CPU profile (top entries by self time) under the same load.
// `--before-dist <dir>` adds a gateway built from an older checkout (the "before" column).
// Ports: --port-base (default E2E_PORT_BASE + 60); database: BENCH_DATABASE_URL or
// lattice_bench_gateway_test on the TEST_DATABASE_URL server (created when missing, never dropped).
import { fork, execSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { build, DIST, options, require, ROOT } from './_common.mjs';

const opts = options({
  rounds: 3,
  duration: 5,
  connections: 16,
  portBase: Number(process.env.E2E_PORT_BASE ?? 4100) + 60,
  beforeDist: '',
  profileSeconds: 5,
  write: 'true',
});
const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lattice_test');
const databaseUrl =
  process.env.BENCH_DATABASE_URL ??
  Object.assign(new URL(server), { pathname: '/lattice_bench_gateway_test' }).toString();
build();
{
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  const name = new URL(databaseUrl).pathname.slice(1);
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}
const { startStack } = require(join(ROOT, 'tools/stack.cjs'));
const { devKeys } = await import(join(ROOT, 'tools/dev-keys.mjs'));
const { graphqlClient } = await import(join(ROOT, 'tools/graphql-client.mjs'));
const load = () =>
  execSync('uptime')
    .toString()
    .trim()
    .replace(/.*load average: /, '');

const stack = await startStack({
  portBase: opts.portBase,
  databaseUrl,
  keys: devKeys(ROOT),
  services: ['identity', 'marketplace', 'credentials', 'notifications'],
  logDir: join(ROOT, 'tmp/bench-logs'),
  timeoutMs: 240_000, // a shared 2-core machine under load starts slowly
});
const subgraphUrls = Object.fromEntries(
  ['identity', 'marketplace', 'credentials', 'notifications'].map((name) => [
    name,
    `http://127.0.0.1:${stack.ports[name]}/graphql`,
  ]),
);
const supergraphPath = join(ROOT, 'apps/gateway/supergraph.graphql');
const gateways = [];
function startGatewayProcess(kind, label, port, dist) {
  const child = fork(
    join(ROOT, 'bench/_gateway-process.mjs'),
    [kind, String(port), dist, supergraphPath, JSON.stringify(subgraphUrls)],
    {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    },
  );
  const ready = new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code}`)));
  });
  const gateway = { label, child, url: `http://127.0.0.1:${port}/graphql`, ready };
  gateways.push(gateway);
  return gateway;
}
const ask = (child, message, answer) =>
  new Promise((resolve) => {
    const on = (reply) => {
      if (answer(reply)) {
        child.off('message', on);
        resolve(reply);
      }
    };
    child.on('message', on);
    child.send(message);
  });

const results = [];
const profiles = {};
const packages = {};
try {
  const stock = startGatewayProcess('stock', 'stock Apollo Gateway (no hardening)', opts.portBase + 20, DIST);
  const lattice = startGatewayProcess('lattice', 'Lattice gateway', opts.portBase + 21, DIST);
  // The same gateway with the single-subgraph fast path off: what the full Apollo path costs.
  startGatewayProcess('lattice-full', 'Lattice gateway, direct fetch off', opts.portBase + 23, DIST);
  const before = opts.beforeDist
    ? startGatewayProcess('lattice', 'Lattice gateway before (main)', opts.portBase + 22, opts.beforeDist)
    : null;
  await Promise.all(gateways.map((g) => g.ready));

  const request = graphqlClient(lattice.url);
  const email = `bench-gateway-${Date.now()}@bench.lattice.test`;
  const token = (
    await request('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
      i: { email, password: 'bench password 123', name: 'Bench' },
    })
  ).signUp.token;
  const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const {
    rows: [skill],
  } = await db.query('SELECT id FROM marketplace.skills ORDER BY uri LIMIT 1');
  await db.end();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const body = JSON.stringify({
    query: 'query Skill($id: ID!) { skill(id: $id) { id label } }',
    variables: { id: skill.id },
  });
  const check = await (await fetch(lattice.url, { method: 'POST', headers, body })).json();
  if (!check.data?.skill?.id) throw new Error(`the query fails: ${JSON.stringify(check)}`);

  const cannon = (title, url, duration = opts.duration) =>
    new Promise((resolve, reject) =>
      autocannon(
        { url, method: 'POST', headers, body, connections: opts.connections, duration, title },
        (error, result) => {
          if (error) return reject(error);
          resolve({
            title,
            rps: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            errors: result.errors + result.non2xx + result.timeouts,
          });
        },
      ),
    );
  const targets = [
    { label: 'marketplace subgraph, direct', url: subgraphUrls.marketplace },
    ...gateways.map((g) => ({ label: g.label, url: g.url, child: g.child })),
  ];
  const cpuOf = async (child) =>
    child ? (await ask(child, 'cpu', (reply) => typeof reply?.cpuMicros === 'number')).cpuMicros : 0;
  for (const target of targets) await cannon(`warm-up ${target.label}`, target.url, 3);
  // Rounds interleave the targets, so a burst of load from elsewhere on the machine hits all of them.
  const rounds = targets.map(() => []);
  const loads = targets.map(() => []);
  for (let round = 0; round < opts.rounds; round++) {
    for (const [index, target] of targets.entries()) {
      loads[index].push(load().split(',')[0]);
      const cpuBefore = await cpuOf(target.child);
      const result = await cannon(target.label, target.url);
      const cpuMicros = (await cpuOf(target.child)) - cpuBefore;
      rounds[index].push({ ...result, cpuMicros, requests: result.rps * opts.duration });
      console.log(
        `round ${round + 1} ${target.label.padEnd(36)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}  (load ${loads[index].at(-1)})`,
      );
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  for (const [index, target] of targets.entries()) {
    const runs = rounds[index];
    results.push({
      title: target.label,
      rps: runs.reduce((sum, r) => sum + r.rps, 0) / runs.length,
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      load: loads[index].join(' / '),
      cpuPerRequest: target.child
        ? runs.reduce((sum, r) => sum + r.cpuMicros, 0) / 1000 / runs.reduce((sum, r) => sum + r.requests, 0)
        : null,
    });
  }
  for (const gateway of gateways) {
    await ask(gateway.child, 'profile:start', (reply) => reply === 'profile:started');
    await cannon(`profile ${gateway.label}`, gateway.url, opts.profileSeconds);
    const answer = await ask(gateway.child, 'profile:stop', (reply) => Boolean(reply?.top));
    profiles[gateway.label] = answer.top;
    packages[gateway.label] = answer.packages;
  }
} finally {
  for (const gateway of gateways) gateway.child.kill();
  await stack.stop();
}

const subgraph = results[0];
const row = (r) =>
  `| ${r.title} | ${r.rps.toFixed(0)} | ${Math.round((r.rps / subgraph.rps) * 100)}% | ${r.p50} | ${r.p99} | ${(r.p99 / subgraph.p99).toFixed(2)}× | ${r.cpuPerRequest === null ? '–' : r.cpuPerRequest.toFixed(2)} | ${r.errors} | ${r.load} |`;
const profileTable = (label) =>
  `**${label}** (top self time, ${opts.profileSeconds} s under the same load)\n\n| % self | function |\n|---:|---|\n${profiles[label].map((e) => `| ${e.percent} | \`${e.name}\` |`).join('\n')}`;
const packageTable = () => {
  const labels = Object.keys(packages);
  const names = [...new Set(labels.flatMap((label) => packages[label].map((e) => e.name)))];
  const share = (label, name) => packages[label].find((e) => e.name === name)?.percent ?? '–';
  return `Self time by package (same profiles; the full profiles are in tmp/bench-profiles/)\n\n| package | ${labels.join(' | ')} |\n|---|${labels.map(() => '---:').join('|')}|\n${names.map((name) => `| \`${name}\` | ${labels.map((label) => share(label, name)).join(' | ')} |`).join('\n')}`;
};
const report = `# Gateway bench

\`npm run bench -- gateway${opts.beforeDist ? ' --before-dist <main build>' : ''}\` — ${new Date().toISOString().slice(0, 10)}, ${osType()} ${release()}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB.
A primary-key \`skill(id) { id label }\` query, ${opts.connections} concurrent clients (autocannon), after a 3 s warm-up each; ${opts.rounds} rounds of ${opts.duration} s
per path, the paths interleaved; req/s is the mean of the rounds, p50/p99 their median. Every server and the load generator share the machine.
Load is the 1-minute load average before each round: the machine is shared by other engineers' builds and tests, so figures are noisy.
Target: the Lattice gateway ≥ 70% of the subgraph's throughput, p99 ≤ 1.5× the subgraph's.

| path | req/s | of subgraph | p50 ms | p99 ms | p99 vs subgraph | gateway CPU ms/request | errors | load (per round) |
|---|---:|---:|---:|---:|---:|---:|---:|---|
${results.map(row).join('\n')}

## CPU profiles

${Object.keys(profiles).map(profileTable).join('\n\n')}

${packageTable()}
`;
console.log('\n' + report);
if (opts.write === 'true') {
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/gateway.md'), report);
}
