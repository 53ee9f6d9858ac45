// `npm run bench -- matching`: the exchange at market scale, in one run. Seeds (or reuses, when
// its fingerprint is current) 1,000,000 needs × 20,000 institutions, then measures, with `uptime`
// load beside each figure:
// - partnerMatches and needMatches for the most popular, a median and a rare need, through the
//   gateway and straight to the marketplace subgraph, next to a primary-key lookup through the same
//   gateway (autocannon, 16 clients, 0 errors), and each ranking's cold (exact recompute) time;
// - the served ranking SQL and the exact ranking SQL (EXPLAIN ANALYZE, sequential scans listed);
// - SQL statements per request; demandMap p95 (one client); skill search recall@5 and latency on
//   the committed evaluation set; the exposure (fairness) figures.
// Options: --needs --institutions --duration --connections --port-base; BENCH_DATABASE_URL (its
// name must contain "bench" or "test"; created when missing, never dropped).
import { cpus, totalmem, type as osType, release, loadavg } from 'node:os';
import { createServer, connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchDatabaseUrl, build, lib, options, require, ROOT } from './_common.mjs';
import { seedMarket, SEED_DEFAULTS } from './seed.mjs';

const opts = options({
  ...SEED_DEFAULTS,
  duration: 10,
  connections: 16,
  portBase: Number(process.env.E2E_PORT_BASE ?? 4400) + 50,
  needsSampled: 100,
});
const url = benchDatabaseUrl();
build();
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const seed = await seedMarket(opts, url);

const { startStack } = require(join(ROOT, 'tools/stack.cjs'));
const { devKeys } = await import(join(ROOT, 'tools/dev-keys.mjs'));
const { graphqlClient } = await import(join(ROOT, 'tools/graphql-client.mjs'));
const { openDataSource } = lib('libs/shared/data-access/src/index.js');
const { marketplaceDataSource, MarketplaceRepository } = lib('libs/marketplace/data-access/src/index.js');
const { DEFAULT_MATCH_WEIGHTS } = lib('libs/marketplace/domain/src/index.js');
const { regionAndDescendants } = lib('libs/shared/util-regions/src/index.js');
const { weightsKey } = lib('libs/marketplace/feature/src/lib/shared/cached-ranking.js');
const sections = await import('./_matching-sections.mjs');

// A proxy in front of Postgres that counts the statements a marketplace service sends
// (simple-protocol Query and extended-protocol Bind messages). Only a second marketplace process,
// started for the statement count, goes through it: the proxy runs in this process beside the load
// generator, so the measured stack talks to Postgres directly.
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
      // A simple-protocol Query, or an extended-protocol Bind: one per execution (a prepared
      // statement is parsed once per connection, then only bound and executed).
      if (type === 'Q' || type === 'B') statements++;
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
  services: ['identity', 'marketplace', 'credentials', 'notifications', 'evidence', 'gateway'],
  logDir: join(ROOT, 'tmp/bench-logs'),
  timeoutMs: 240_000, // a shared, loaded machine starts services slowly
  extraEnv: {
    // The measured processes run as deployed (docker-compose.yml and the Kubernetes manifests set
    // NODE_ENV=production; graphql-js, for one, skips its development-only checks then).
    marketplace: { NODE_ENV: 'production', DATABASE_POOL_SIZE: '20' },
    // The benchmark is one client firing as fast as it can: lift the gateway's abuse budget (it still counts every request in Redis).
    gateway: {
      NODE_ENV: 'production',
      RATE_LIMIT_GATEWAY_TOKEN: '999999999/60',
      RATE_LIMIT_GATEWAY_ADDRESS: '999999999/60',
    },
  },
});
const results = { seed, runs: [] };
try {
  const request = graphqlClient(stack.gatewayUrl);
  const email = `bench-${Date.now()}@bench.lattice.test`;
  const token = (
    await request('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
      i: { email, password: 'bench password 123', name: 'Bench' },
    })
  ).signUp.token;
  const db = new pg.Pool({ connectionString: url, max: 4 });

  // Ids the API accepts (RFC 4122 version and variant); the seed's md5-derived ids are not all of that form.
  const API_ID = '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
  // The needs: three skills each; the heaviest (most popular skills), the median and the rarest of a sample.
  const { rows: ranked } =
    await db.query(`WITH popularity AS (SELECT skill_id, count(*) AS n FROM marketplace.need_skills GROUP BY skill_id),
      three AS (SELECT n.id, n.region, sum(p.n)::bigint AS weight FROM marketplace.skill_needs n JOIN marketplace.need_skills k ON k.need_id = n.id
                  JOIN popularity p ON p.skill_id = k.skill_id WHERE n.status = 'OPEN' AND n.seq % 50 = 0 AND n.id::text ~ '${API_ID}' GROUP BY n.id HAVING count(*) = 3)
    SELECT * FROM three ORDER BY weight DESC, id`);
  const needs = {
    popular: ranked[0],
    median: ranked[Math.floor(ranked.length / 2)],
    rare: ranked[ranked.length - 1],
  };
  const {
    rows: [skill],
  } = await db.query(`SELECT id FROM marketplace.skills ORDER BY uri LIMIT 1`);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const subgraphUrl = `http://127.0.0.1:${stack.ports.marketplace}/graphql`;
  const PARTNERS =
    'query($n: ID!) { partnerMatches(needId: $n, first: 10) { score institution { id } reasons { kind weight detail } } }';
  const LOOKUP = 'query($id: ID!) { skill(id: $id) { id label } }';
  const NEEDS =
    'query($i: ID!) { needMatches(institutionId: $i, first: 10) { score needId: need { id } reasons { kind weight detail } } }';

  const cannon = (title, targetUrl, query, variables) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      autocannon(
        {
          url: targetUrl,
          method: 'POST',
          headers,
          body,
          connections: opts.connections,
          duration: opts.duration,
          title,
        },
        (error, result) => {
          if (error) return reject(error);
          resolve({
            title,
            rps: result.requests.average,
            p50: result.latency.p50,
            p95: result.latency.p97_5 ?? result.latency.p95,
            p99: result.latency.p99,
            errors: result.non2xx + result.errors + result.timeouts,
            load: load(),
          });
        },
      );
    });
  const once = async (targetUrl, query, variables) => {
    const t = process.hrtime.bigint();
    const response = await fetch(targetUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const json = await response.json();
    if (json.errors) throw new Error(`${query}: ${JSON.stringify(json.errors)}`);
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, data: json.data };
  };

  results.lookup = await cannon(
    'skill(id) primary-key lookup, gateway',
    stack.gatewayUrl,
    'query($id: ID!) { skill(id: $id) { id label } }',
    { id: skill.id },
  );
  for (const [which, need] of Object.entries(needs)) {
    // Cold: the exact ranking computed afresh (its cache row removed first), then kept.
    await db.query(`DELETE FROM marketplace.match_cache WHERE owner_id = $1`, [need.id]);
    const cold = await once(stack.gatewayUrl, PARTNERS, { n: need.id });
    const institution = cold.data.partnerMatches
      .map((m) => m.institution.id)
      .find((id) => new RegExp(API_ID).test(id));
    await db.query(`DELETE FROM marketplace.match_cache WHERE owner_id = $1`, [institution]);
    // needMatches computed afresh for a popular institution reads every open need sharing its skills: it may fail (gateway timeout).
    const coldNeeds = await once(stack.gatewayUrl, NEEDS, { i: institution }).catch((error) => ({
      ms: NaN,
      error: String(error.message).slice(-200),
    }));
    await once(subgraphUrl, PARTNERS, { n: need.id });
    const run = {
      which,
      need,
      institution,
      coldPartners: cold.ms,
      coldNeeds: coldNeeds.ms,
      coldNeedsError: coldNeeds.error,
    };
    // The primary-key lookup is measured right before each ranking through the gateway (same load,
    // interleaved), and each ratio is taken against the lookup measured next to it.
    run.lookupBeforePartners = await cannon(
      `skill(id) primary-key lookup, gateway (before partnerMatches ${which})`,
      stack.gatewayUrl,
      LOOKUP,
      { id: skill.id },
    );
    run.partnersGateway = await cannon(`partnerMatches ${which}, gateway`, stack.gatewayUrl, PARTNERS, {
      n: need.id,
    });
    run.partnersSubgraph = await cannon(`partnerMatches ${which}, subgraph`, subgraphUrl, PARTNERS, {
      n: need.id,
    });
    run.lookupBeforeNeeds = await cannon(
      `skill(id) primary-key lookup, gateway (before needMatches ${which})`,
      stack.gatewayUrl,
      LOOKUP,
      { id: skill.id },
    );
    run.needsGateway = await cannon(`needMatches ${which}, gateway`, stack.gatewayUrl, NEEDS, {
      i: institution,
    });
    run.needsSubgraph = await cannon(`needMatches ${which}, subgraph`, subgraphUrl, NEEDS, {
      i: institution,
    });
    results.runs.push(run);
    console.log(which, JSON.stringify(run));
  }
  results.lookupAfter = await cannon(
    'skill(id) primary-key lookup, gateway (again)',
    stack.gatewayUrl,
    'query($id: ID!) { skill(id: $id) { id label } }',
    { id: skill.id },
  );

  // The SQL: the served path (the cache read) and the exact ranking, for the most popular need.
  const dataSource = await openDataSource(marketplaceDataSource(url, 2), false);
  const repository = new MarketplaceRepository(dataSource);
  // The first statement `fn` sends, through TypeORM or as a prepared statement on its pool.
  const capture = async (fn) => {
    const captured = [];
    const query = dataSource.query.bind(dataSource);
    const pool = dataSource.driver.master;
    const poolQuery = pool.query.bind(pool);
    dataSource.query = (sql, params) => (captured.push({ sql, params }), query(sql, params));
    pool.query = (config, values) => (
      captured.push(
        typeof config === 'string'
          ? { sql: config, params: values }
          : { sql: config.text, params: config.values },
      ),
      poolQuery(config, values)
    );
    try {
      await fn();
    } finally {
      dataSource.query = query;
      pool.query = poolQuery;
    }
    return captured[0];
  };
  const explain = async (statement) => {
    const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params)).rows
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    return {
      plan,
      ms: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]),
      seqScans: [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]))],
    };
  };
  const popular = needs.popular;
  // The statements partnerMatches and needMatches serve a cached page with (first = 10).
  const served = await capture(() =>
    repository.cachedPartnerMatches(popular.id, weightsKey(DEFAULT_MATCH_WEIGHTS), 10),
  );
  const servedNeeds = await capture(() =>
    repository.cachedNeedMatches(results.runs[0].institution, weightsKey(DEFAULT_MATCH_WEIGHTS), 10),
  );
  const exact = await capture(() =>
    repository.rankInstitutions(popular.id, regionAndDescendants(popular.region), DEFAULT_MATCH_WEIGHTS, 200),
  );
  await explain(served); // warm
  results.sql = {
    served: await explain(served),
    servedNeeds: await explain(servedNeeds),
    exact: await explain(exact),
    load: load(),
  };

  // Statements per request: a marketplace process of its own, on the counting proxy, asked directly.
  results.statements = {};
  const counted = await startStack({
    portBase: opts.portBase + 150,
    databaseUrl: proxied.toString(),
    keys: devKeys(ROOT),
    services: ['marketplace'],
    logDir: join(ROOT, 'tmp/bench-logs/counted'),
    timeoutMs: 240_000,
    extraEnv: { marketplace: { NODE_ENV: 'production' } },
  });
  try {
    const countedUrl = `http://127.0.0.1:${counted.ports.marketplace}/graphql`;
    for (const first of [10, 50, 200]) {
      await once(countedUrl, 'query($n: ID!, $f: Int) { partnerMatches(needId: $n, first: $f) { score } }', {
        n: popular.id,
        f: first,
      }); // warm
      statements = 0;
      await once(
        countedUrl,
        'query($n: ID!, $f: Int) { partnerMatches(needId: $n, first: $f) { score institution { id } reasons { kind weight detail } } }',
        { n: popular.id, f: first },
      );
      results.statements[first] = statements;
    }
  } finally {
    await counted.stop();
  }
  results.counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM marketplace.skill_needs)::int AS needs, (SELECT count(*) FROM marketplace.capability_profiles)::int AS institutions`,
    )
  ).rows[0];

  for (const section of sections.all)
    Object.assign(results, await section({ opts, db, dataSource, repository, request, token, stack, load }));
  await dataSource.destroy();
  await db.end();
} finally {
  await stack.stop();
  proxy.close();
}

const r = results;
const pct = (x) => `${Math.round(x * 1000) / 10}%`;
const fmt = (m) =>
  `| ${m.title} | ${Math.round(m.rps)} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.errors} | ${m.load} |`;
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.version}`;
const lookupRps = Math.min(r.lookup.rps, r.lookupAfter.rps);
const targets = [];
for (const run of r.runs) {
  // Against the lookup measured just before it (interleaved, same load).
  const before = (m) => (m ? m.rps : lookupRps);
  targets.push([
    `partnerMatches (${run.which} need) through the gateway ≥ 50% of the PK lookup measured just before it`,
    `${pct(run.partnersGateway.rps / before(run.lookupBeforePartners))} (${Math.round(run.partnersGateway.rps)} / ${Math.round(before(run.lookupBeforePartners))} req/s)`,
    run.partnersGateway.rps / before(run.lookupBeforePartners) >= 0.5,
  ]);
  targets.push([
    `needMatches (its top institution) through the gateway ≥ 50% of the PK lookup measured just before it`,
    `${pct(run.needsGateway.rps / before(run.lookupBeforeNeeds))} (${Math.round(run.needsGateway.rps)} / ${Math.round(before(run.lookupBeforeNeeds))} req/s)`,
    run.needsGateway.rps / before(run.lookupBeforeNeeds) >= 0.5,
  ]);
}
const errors = [
  r.lookup,
  r.lookupAfter,
  ...r.runs.flatMap((x) => [
    x.lookupBeforePartners,
    x.partnersGateway,
    x.partnersSubgraph,
    x.lookupBeforeNeeds,
    x.needsGateway,
    x.needsSubgraph,
  ]),
].reduce((n, m) => n + m.errors, 0);
targets.push(['0 errors under load', String(errors), errors === 0]);
const forbidden = [
  'skill_needs',
  'need_skills',
  'capability_profiles',
  'organizations',
  'skills',
  'profile_skills',
];
targets.push([
  'served ranking SQL ≤ 10 ms (EXPLAIN ANALYZE, partnerMatches / needMatches)',
  `${r.sql.served.ms} / ${r.sql.servedNeeds.ms} ms`,
  Math.max(r.sql.served.ms, r.sql.servedNeeds.ms) <= 10,
]);
targets.push([
  'no seq scan on needs, profiles, organizations, skills (served SQL)',
  `seq scans: ${[...r.sql.served.seqScans, ...r.sql.servedNeeds.seqScans].join(', ') || 'none'}`,
  ![...r.sql.served.seqScans, ...r.sql.servedNeeds.seqScans].some((t) => forbidden.includes(t)),
]);
targets.push([
  'marketplace SQL statements per served partnerMatches request (one), first = 10 / 50 / 200',
  `${r.statements[10]} / ${r.statements[50]} / ${r.statements[200]}`,
  [10, 50, 200].every((first) => r.statements[first] === 1),
]);
targets.push([
  'seeding 1M needs under 10 minutes',
  r.seed.reused ? `reused (seeded in ${r.seed.seconds} s)` : `${r.seed.seconds} s`,
  r.seed.seconds < 600,
]);
for (const t of sections.targets(r)) targets.push(t);

const report = `# Matching bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${machine}; shared with other engineers' jobs, so the load average (1, 5, 15 min) is printed beside each figure.
Data: ${r.counts.needs} needs × ${r.counts.institutions} institutions (\`bench/seed.mjs\`, Zipf skills, every region; fingerprint ${r.seed.fingerprint.slice(0, 12)}, ${r.seed.reused ? 'reused' : 'seeded in this run'}: ${r.seed.seconds} s).
${opts.connections} concurrent clients, ${opts.duration} s each (autocannon). Needs have three skills: the most popular, the median and the rarest
of a sample by summed skill popularity; needMatches is asked for the need's best-ranked institution.
The gateway and marketplace run with NODE_ENV=production (as deployed) and talk to Postgres directly; statements are
counted on a second marketplace process behind a counting proxy (before 2026-12-06 the measured one went through it).

| what | req/s | p50 ms | p97.5 ms | p99 ms | errors | load |
|---|---|---|---|---|---|---|
${fmt(r.lookup)}
${r.runs.map((run) => [run.lookupBeforePartners, run.partnersGateway, run.partnersSubgraph, run.lookupBeforeNeeds, run.needsGateway, run.needsSubgraph].map(fmt).join('\n')).join('\n')}
${fmt(r.lookupAfter)}

Cold (the exact ranking computed afresh, one request through the gateway, then kept):

| need | partnerMatches ms | needMatches ms |
|---|---|---|
${r.runs.map((run) => `| ${run.which} (${run.need.weight} skill-need pairs on its skills) | ${run.coldPartners.toFixed(0)} | ${run.coldNeedsError ? `failed: ${run.coldNeedsError.replace(/\|/g, '/')}` : run.coldNeeds.toFixed(0)} |`).join('\n')}

| target | measured | met |
|---|---|---|
${targets.map(([what, measured, met]) => `| ${what} | ${measured} | ${met ? 'yes' : 'no'} |`).join('\n')}

Exact ranking SQL (cold path, most popular need): ${r.sql.exact.ms} ms, seq scans: ${r.sql.exact.seqScans.join(', ') || 'none'} (load ${r.sql.load}).

${sections.report(r)}

<details><summary>EXPLAIN ANALYZE: served partnerMatches (cache read)</summary>

\`\`\`
${r.sql.served.plan}
\`\`\`
</details>

<details><summary>EXPLAIN ANALYZE: served needMatches (cache read)</summary>

\`\`\`
${r.sql.servedNeeds.plan}
\`\`\`
</details>

<details><summary>EXPLAIN ANALYZE: exact ranking (cold path)</summary>

\`\`\`
${r.sql.exact.plan}
\`\`\`
</details>
`;
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/matching.md'), report);
console.log(report.split('<details>')[0]);
console.log('wrote bench/results/matching.md');
