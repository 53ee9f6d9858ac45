// `npm run bench -- matching`: partnerMatches under load (16 clients, autocannon) through the
// gateway and straight to the marketplace subgraph, a trivial primary-key lookup through the
// gateway (the stack's own cost), and the ranking SQL through pg alone; SQL statements per
// request at page sizes 10/50/200; EXPLAIN ANALYZE of the ranking; the small-institution
// exposure term's effect; demandMap at one client. Run `npm run bench:seed` first.
import { cpus, totalmem, type as osType, release } from 'node:os';
import { createServer, connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchDatabaseUrl, build, lib, options, require, ROOT } from './_common.mjs';

const opts = options({ duration: 10, connections: 16, portBase: 4400, needsSampled: 100 });
const url = benchDatabaseUrl();
build();
const { startStack } = require(join(ROOT, 'tools/stack.cjs'));
const { devKeys } = await import(join(ROOT, 'tools/dev-keys.mjs'));
const { graphqlClient } = await import(join(ROOT, 'tools/graphql-client.mjs'));
const { openDataSource } = lib('libs/shared/data-access/src/index.js');
const { marketplaceDataSource, MarketplaceRepository } = lib('libs/marketplace/data-access/src/index.js');
const { DEFAULT_MATCH_WEIGHTS, skillCoverage } = lib('libs/marketplace/domain/src/index.js');
const { regionAndDescendants } = lib('libs/shared/util-regions/src/index.js');

// A proxy in front of Postgres for the marketplace service that counts the statements it sends
// (simple-protocol Query and extended-protocol Parse messages).
let statements = 0;
const target = new URL(url);
const proxy = createServer((client) => {
  const server = connect(Number(target.port || 5432), target.hostname);
  let buffer = Buffer.alloc(0);
  let started = false;
  client.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 4) break;
        const length = buffer.readUInt32BE(0);
        if (buffer.length < length) break;
        buffer = buffer.subarray(length);
        started = true;
        continue;
      }
      if (buffer.length < 5) break;
      const length = buffer.readUInt32BE(1);
      if (buffer.length < length + 1) break;
      const type = String.fromCharCode(buffer[0]);
      if (type === 'Q' || type === 'P') statements++;
      buffer = buffer.subarray(length + 1);
    }
    server.write(chunk);
  });
  server.pipe(client);
  client.on('error', () => server.destroy());
  server.on('error', () => client.destroy());
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const proxied = new URL(url);
proxied.host = `127.0.0.1:${proxy.address().port}`;

const stack = await startStack({
  portBase: opts.portBase,
  databaseUrl: url,
  keys: devKeys(ROOT),
  services: ['identity', 'marketplace', 'credentials', 'notifications', 'gateway'],
  logDir: join(ROOT, 'tmp/bench-logs'),
  extraEnv: {
    marketplace: { DATABASE_URL: proxied.toString(), DATABASE_POOL_SIZE: '20' },
    // The benchmark is one client firing as fast as it can: lift the gateway's abuse budget (it still counts every request in Redis).
    gateway: { RATE_LIMIT_GATEWAY_TOKEN: '1000000000/60', RATE_LIMIT_GATEWAY_ADDRESS: '1000000000/60' },
  },
});
const results = {};
try {
  const request = graphqlClient(stack.gatewayUrl);
  const email = `bench-${Date.now()}@bench.lattice.test`;
  const token = (await request('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: { email, password: 'bench password 123', name: 'Bench' } })).signUp.token;
  const db = new pg.Pool({ connectionString: url, max: opts.connections });
  // A need with three of the most popular skills: the heaviest realistic ranking.
  const { rows: [need] } = await db.query(`WITH popularity AS (SELECT skill_id, count(*) AS n FROM marketplace.need_skills GROUP BY skill_id)
    SELECT n.id, n.region FROM marketplace.skill_needs n JOIN marketplace.need_skills k ON k.need_id = n.id JOIN popularity p ON p.skill_id = k.skill_id
     WHERE n.status = 'OPEN' GROUP BY n.id HAVING count(*) = 3 ORDER BY sum(p.n) DESC, n.id LIMIT 1`);
  const { rows: [skill] } = await db.query(`SELECT id FROM marketplace.skills ORDER BY uri LIMIT 1`);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const matchBody = JSON.stringify({ query: 'query($n: ID!) { partnerMatches(needId: $n, first: 10) { score institution { id name } reasons { kind weight detail } } }', variables: { n: need.id } });
  const subgraphBody = JSON.stringify({ query: 'query($n: ID!) { partnerMatches(needId: $n, first: 10) { score institution { id } reasons { kind weight detail } } }', variables: { n: need.id } });
  const lookupBody = JSON.stringify({ query: 'query($id: ID!) { skill(id: $id) { id label } }', variables: { id: skill.id } });

  const cannon = (title, target, body) =>
    new Promise((resolve, reject) =>
      autocannon({ url: target, method: 'POST', headers, body, connections: opts.connections, duration: opts.duration, title }, (error, result) => {
        if (error) return reject(error);
        if (result.non2xx > 0 || result.errors > 0) console.warn(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        resolve({ rps: result.requests.average, p50: result.latency.p50, p95: result.latency.p97_5 ?? result.latency.p95, p99: result.latency.p99 });
      }),
    );
  const subgraphUrl = `http://127.0.0.1:${stack.ports.marketplace}/graphql`;
  await cannon('warm-up', stack.gatewayUrl, matchBody);
  results.gatewayMatches = await cannon('partnerMatches via gateway', stack.gatewayUrl, matchBody);
  results.subgraphMatches = await cannon('partnerMatches via subgraph', subgraphUrl, subgraphBody);
  results.gatewayLookup = await cannon('skill(id) via gateway', stack.gatewayUrl, lookupBody);

  // The ranking SQL through pg alone: the exact statement the service sends.
  const dataSource = await openDataSource(marketplaceDataSource(url, 2), false);
  const repository = new MarketplaceRepository(dataSource);
  let captured;
  const query = dataSource.query.bind(dataSource);
  dataSource.query = (sql, params) => ((captured = { sql, params }), query(sql, params));
  await repository.rankInstitutions(need.id, regionAndDescendants(need.region), DEFAULT_MATCH_WEIGHTS, 10);
  dataSource.query = query;
  const latencies = [];
  const until = Date.now() + opts.duration * 1000;
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (Date.now() < until) {
        const t = process.hrtime.bigint();
        await db.query(captured.sql, captured.params);
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  results.sql = { rps: latencies.length / opts.duration, p50: at(50), p95: at(95), p99: at(99) };

  results.statements = {};
  for (const first of [10, 50, 200]) {
    await request('query($n: ID!, $f: Int) { partnerMatches(needId: $n, first: $f) { score } }', { n: need.id, f: first }, token); // warm
    statements = 0;
    await request('query($n: ID!, $f: Int) { partnerMatches(needId: $n, first: $f) { score institution { id name } reasons { kind weight detail } } }', { n: need.id, f: first }, token);
    results.statements[first] = statements;
  }
  const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${captured.sql}`, captured.params);
  results.explain = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  results.explainMs = Number(/Execution Time: ([\d.]+)/.exec(results.explain)?.[1]);
  results.seqScans = [...results.explain.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]);

  // Exposure: over sampled needs, top-10 share of small institutions vs. their share among capable candidates.
  const { rows: sample } = await db.query(`SELECT id, region FROM marketplace.skill_needs WHERE status = 'OPEN' ORDER BY md5(id::text) LIMIT $1`, [opts.needsSampled]);
  const exposure = {};
  for (const [label, weights] of [['without', { ...DEFAULT_MATCH_WEIGHTS, smallInstitution: 0 }], ['with', DEFAULT_MATCH_WEIGHTS]]) {
    let smallTop = 0;
    let top = 0;
    let coverage = 0;
    let smallCapable = 0;
    let capable = 0;
    for (const n of sample) {
      const rows = await repository.rankInstitutions(n.id, regionAndDescendants(n.region), weights, 10_000);
      const facts = rows.map((r) => ({ small: r.small, coverage: skillCoverage({ neededSkills: Number(r.neededSkills), exactCredit: Number(r.exactCredit), relatedSkills: Number(r.relatedSkills) }) }));
      const able = facts.filter((f) => f.coverage >= DEFAULT_MATCH_WEIGHTS.capableCoverage);
      capable += able.length;
      smallCapable += able.filter((f) => f.small).length;
      for (const f of facts.slice(0, 10)) {
        top++;
        if (f.small) smallTop++;
        coverage += f.coverage;
      }
    }
    exposure[label] = { smallTopShare: smallTop / Math.max(1, top), smallCapableShare: smallCapable / Math.max(1, capable), meanTopCoverage: coverage / Math.max(1, top) };
  }
  results.exposure = exposure;
  await dataSource.destroy();

  // demandMap, one client.
  const demand = [];
  for (let i = 0; i < 40; i++) {
    const t = Date.now();
    await request('{ demandMap(groupBy: REGION) { key needs learners supply gap } }', {}, token);
    demand.push(Date.now() - t);
  }
  demand.sort((a, b) => a - b);
  results.demandP95 = demand[Math.floor(demand.length * 0.95)];
  results.counts = (await db.query(`SELECT (SELECT count(*) FROM marketplace.skill_needs)::int AS needs, (SELECT count(*) FROM marketplace.capability_profiles)::int AS institutions`)).rows[0];
  await db.end();
} finally {
  await stack.stop();
  proxy.close();
}

const r = results;
const pct = (x) => `${Math.round(x * 1000) / 10}%`;
const row = (name, m) => `| ${name} | ${Math.round(m.rps)} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.p99.toFixed(1)} |`;
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.version}`;
const report = `# Matching bench — ${new Date().toISOString().slice(0, 10)}

Machine: ${machine}. Data: ${r.counts.needs} needs × ${r.counts.institutions} institutions (\`npm run bench:seed\`).
${opts.connections} concurrent clients, ${opts.duration} s each (autocannon); the need has three of the most popular skills.

| what | req/s | p50 ms | p95 ms | p99 ms |
|---|---|---|---|---|
${row('partnerMatches through the gateway', r.gatewayMatches)}
${row('partnerMatches straight to the marketplace subgraph', r.subgraphMatches)}
${row('skill(id) primary-key lookup through the gateway', r.gatewayLookup)}
${row('ranking SQL through pg alone', r.sql)}

| target | measured | met |
|---|---|---|
| gateway partnerMatches ≥ 50% of gateway PK lookup | ${pct(r.gatewayMatches.rps / r.gatewayLookup.rps)} | ${r.gatewayMatches.rps / r.gatewayLookup.rps >= 0.5 ? 'yes' : 'no'} |
| gateway ≥ 70% of subgraph for partnerMatches | ${pct(r.gatewayMatches.rps / r.subgraphMatches.rps)} | ${r.gatewayMatches.rps / r.subgraphMatches.rps >= 0.7 ? 'yes' : 'no'} |
| ranking SQL ≤ 10 ms (EXPLAIN ANALYZE) | ${r.explainMs} ms | ${r.explainMs <= 10 ? 'yes' : 'no'} |
| no seq scan on needs, profiles, skills | seq scans: ${r.seqScans.join(', ') || 'none'} | ${r.seqScans.some((t) => ['skill_needs', 'capability_profiles', 'skills', 'need_skills', 'profile_skills'].includes(t)) ? 'no' : 'yes'} |
| marketplace SQL statements per request, first = 10 / 50 / 200 | ${r.statements[10]} / ${r.statements[50]} / ${r.statements[200]} | ${r.statements[10] === r.statements[200] ? 'yes (constant)' : 'no'} |
| demandMap p95, one client (${r.counts.needs} needs; target is at 1M) | ${r.demandP95} ms | ${r.demandP95 <= 200 ? 'yes' : 'no'} |

Small-institution exposure term (${opts.needsSampled} sampled open needs; "capable" = skill coverage ≥ ${DEFAULT_MATCH_WEIGHTS.capableCoverage}):

| | small share of top-10 slots | small share of capable institutions | mean skill coverage of the top-10 |
|---|---|---|---|
| without the term | ${pct(r.exposure.without.smallTopShare)} | ${pct(r.exposure.without.smallCapableShare)} | ${r.exposure.without.meanTopCoverage.toFixed(3)} |
| with the term (+${DEFAULT_MATCH_WEIGHTS.smallInstitution}) | ${pct(r.exposure.with.smallTopShare)} | ${pct(r.exposure.with.smallCapableShare)} | ${r.exposure.with.meanTopCoverage.toFixed(3)} |

<details><summary>EXPLAIN ANALYZE of the ranking</summary>

\`\`\`
${r.explain}
\`\`\`
</details>
`;
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/matching.md'), report);
console.log(report.split('<details>')[0]);
console.log('wrote bench/results/matching.md');
