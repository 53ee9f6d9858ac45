// `npm run bench -- catalogue`: the public catalogue at scale, in one run. Seeds (or reuses, when
// its fingerprint is current) 100,000 published credentials from 2,000 issuers (English and French
// titles, every hours band, delivery mode and region), with pathways and background awards, in
// bulk inside Postgres; then measures, with `uptime` load beside each figure:
// - searchCredentials with words + two facets (region, hours band), first 20 with counts and
//   facets, through the gateway, one client, interleaved with a primary-key lookup
//   (catalogueEntry) through the same gateway in the same run;
// - a learner's pathway progress with 50 standing awards (the one statement + the rules), in process;
// - EXPLAIN ANALYZE of the search, facet and progress statements.
// Options: --credentials --issuers --awards --pathways --requests --port-base --force true.
// BENCH_DATABASE_URL: its database name must contain "test" (default lattice_bench_catalogue_test);
// created when missing, never dropped; the bench's own tables in it are replaced when the
// fingerprint changes.
import { createHash } from 'node:crypto';
import { cpus, totalmem, type as osType, release, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { build, lib, options, require, ROOT } from './_common.mjs';

/** Bumped when the generator below changes what it makes. */
const GENERATOR_VERSION = 1;
const opts = options({
  credentials: 100_000,
  issuers: 2_000,
  awards: 200_000,
  pathways: 5_000,
  requests: 400,
  seed: 0.42,
  portBase: Number(process.env.E2E_PORT_BASE ?? 4400) + 70,
  force: 'false',
});
const url =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lattice_bench_catalogue_test';
const name = decodeURIComponent(new URL(url).pathname.slice(1));
if (!/test/.test(name))
  throw new Error(`refusing to use ${name}: the catalogue bench's database name contains "test"`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

build();
const { migrateService } = lib('libs/shared/data-access/src/index.js');
const { credentialsDataSource, CREDENTIALS_MIGRATIONS } = lib('libs/credentials/data-access/src/index.js');
const { REFRESH_CATALOGUE_SQL } = lib('libs/credentials/data-access/src/lib/catalogue.sql.js');
const { allRegions, regionAndAncestors } = lib('libs/shared/util-regions/src/index.js');
const { pathwayProgress } = lib('libs/credentials/domain/src/index.js');

// ---------- the database: created when missing (never dropped), migrated ----------
{
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  if ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0) {
    await client.query(`CREATE DATABASE "${name}"`);
    console.log(`created ${name}`);
  }
  await client.end();
}
await migrateService(credentialsDataSource(url));
const db = new pg.Client({ connectionString: url });
await db.connect();
const q = (sql, values) => db.query(sql, values);

/** A v4-shaped uuid from a text key (the API refuses ids without the RFC 4122 version and variant). */
const UUID = (key) =>
  `(substr(md5(${key}), 1, 12) || '4' || substr(md5(${key}), 14, 3) || '8' || substr(md5(${key}), 18, 15))::uuid`;
const LEARNER = 'bench-catalogue-learner';
const EN = [
  'welding',
  'data',
  'safety',
  'leadership',
  'carpentry',
  'nursing',
  'accounting',
  'robotics',
  'logistics',
  'cybersecurity',
  'plumbing',
  'marketing',
  'electrical',
  'machining',
  'hospitality',
  'analytics',
  'design',
  'forestry',
  'mining',
  'agriculture',
];
const FR = [
  'soudage',
  'données',
  'sécurité',
  'leadership',
  'menuiserie',
  'soins infirmiers',
  'comptabilité',
  'robotique',
  'logistique',
  'cybersécurité',
  'plomberie',
  'marketing',
  'électricité',
  'usinage',
  'hôtellerie',
  'analyse',
  'conception',
  'foresterie',
  'exploitation minière',
  'agriculture',
];
const LEVEL_EN = [
  'fundamentals',
  'for supervisors',
  'advanced practice',
  'on the shop floor',
  'in small business',
  'essentials',
];
const LEVEL_FR = [
  'fondements',
  'pour superviseurs',
  'pratique avancée',
  'en atelier',
  'en petite entreprise',
  'essentiels',
];
const sqlArray = (words) => `ARRAY[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]`;

async function seed() {
  const params = { ...opts, requests: undefined, portBase: undefined, force: undefined, GENERATOR_VERSION };
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ params, migrations: CREDENTIALS_MIGRATIONS.map((m) => m.name) }))
    .digest('hex');
  await q(`CREATE SCHEMA IF NOT EXISTS bench_catalogue`);
  await q(
    `CREATE TABLE IF NOT EXISTS bench_catalogue.fingerprint (id int PRIMARY KEY DEFAULT 1, value text NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now(), seconds int NOT NULL)`,
  );
  const current = (await q(`SELECT value, seconds FROM bench_catalogue.fingerprint`)).rows[0];
  if (current?.value === fingerprint && opts.force !== 'true') {
    console.log(`${name} is current (fingerprint ${fingerprint.slice(0, 12)}): reused`);
    return { reused: true, seconds: current.seconds, fingerprint };
  }
  const started = Date.now();
  console.log(`seeding ${opts.credentials} credentials from ${opts.issuers} issuers into ${name}…`);
  const step = async (label, sql, values) => {
    const t = Date.now();
    await q(sql, values);
    console.log(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await q(`DELETE FROM bench_catalogue.fingerprint`);
  await step(
    'cleared',
    `TRUNCATE credentials.recognitions, credentials.pathway_members, credentials.pathways, credentials.awards, credentials.status_lists,
              credentials.catalogue_entries, credentials.credentials, credentials.design_versions, credentials.designs,
              credentials.organization_profiles CASCADE`,
  );
  const framework = (await q(`SELECT id FROM credentials.frameworks ORDER BY key LIMIT 1`)).rows[0].id;
  // Issuers: two in three in Ontario, every region present; 40 % small.
  const regions = allRegions().map((r) => r.code);
  const ontario = regions.filter((r) => r === 'ON' || r.startsWith('ON-'));
  const issuers = Array.from({ length: opts.issuers }, (_, i) => {
    const region = i % 3 === 0 ? regions[i % regions.length] : ontario[i % ontario.length];
    return {
      i,
      region,
      regions: regionAndAncestors(region),
      size: i % 5 < 2 ? 'SMALL' : i % 5 < 4 ? 'MEDIUM' : 'LARGE',
    };
  });
  await step(
    'organization profiles',
    `INSERT INTO credentials.organization_profiles (organization_id, name, region, regions, size, updated_at)
     SELECT ${UUID(`'issuer-' || x.i`)}, 'Bench College ' || x.i, x.region, string_to_array(x.regions, ','), x.size, now()
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS x(i, region, regions, size)`,
    [
      issuers.map((x) => x.i),
      issuers.map((x) => x.region),
      issuers.map((x) => x.regions.join(',')),
      issuers.map((x) => x.size),
    ],
  );
  // Each credential: a subject and a level in its language (one in three French), hours over
  // every band, a delivery mode, a price, credit and transcript flags, three skills (of 3,000).
  await step(
    'generator',
    `CREATE TEMP TABLE bench_gen AS
     SELECT n, ${UUID(`'design-' || n`)} AS design_id, ${UUID(`'credential-' || n`)} AS credential_id,
            ${UUID(`'issuer-' || (n % ${opts.issuers})`)} AS issuer_id,
            (n % 3 = 0) AS french, (n * 7) % 20 + 1 AS subject, (n * 11) % 6 + 1 AS level,
            (ARRAY[4, 8, 12, 20, 25, 35, 45, 60, 90, 120, 160])[(n * 13) % 11 + 1] AS hours,
            (ARRAY['ONLINE', 'IN_PERSON', 'HYBRID'])[(n * 17) % 3 + 1] AS delivery,
            (ARRAY[0, 150, 450, 900, 1800])[(n * 19) % 5 + 1] AS price,
            now() - (n || ' minutes')::interval AS published_at
       FROM generate_series(1, $1::int) n`,
    [opts.credentials],
  );
  await q(`ALTER TABLE bench_gen ADD COLUMN title text, ADD COLUMN snapshot jsonb`);
  await step(
    'titles and snapshots',
    `UPDATE bench_gen SET
       title = CASE WHEN french THEN initcap((${sqlArray(FR)})[subject]) || ' : ' || (${sqlArray(LEVEL_FR)})[level] || ' ' || n
                    ELSE initcap((${sqlArray(EN)})[subject]) || ': ' || (${sqlArray(LEVEL_EN)})[level] || ' ' || n END,
       snapshot = jsonb_build_object(
         'description', CASE WHEN french THEN 'Apprendre ' || (${sqlArray(FR)})[subject] || ' et ' || (${sqlArray(FR)})[(subject % 20) + 1] || ' avec des cas pratiques.'
                             ELSE 'Learn ' || (${sqlArray(EN)})[subject] || ' and ' || (${sqlArray(EN)})[(subject % 20) + 1] || ' through practical cases.' END,
         'language', CASE WHEN french THEN 'fr' ELSE 'en' END,
         'deliveryMode', delivery, 'hours', hours, 'price', price,
         'credit', n % 4 = 0, 'transcriptable', n % 2 = 0, 'careerStage', 'ENTRY',
         'competencies', jsonb_build_array(
            jsonb_build_object('skillId', ${UUID(`'skill-' || (n % 3000)`)}),
            jsonb_build_object('skillId', ${UUID(`'skill-' || ((n * 7) % 3000)`)}),
            jsonb_build_object('skillId', ${UUID(`'skill-' || ((n * 13) % 3000)`)})),
         'outcomes', jsonb_build_array(jsonb_build_object('statement', CASE WHEN french THEN 'Appliquer ' || (${sqlArray(FR)})[subject] ELSE 'Applies ' || (${sqlArray(EN)})[subject] END, 'kind', 'SKILL')),
         'assessment', jsonb_build_object('methods', jsonb_build_array('EXAM_QUIZ'), 'masteryThreshold', 70, 'attemptsAllowed', 3))`,
  );
  await step(
    'designs',
    `INSERT INTO credentials.designs (id, issuer_id, title, framework_id, content, stage, version, created_by, created_at, updated_at)
     SELECT design_id, issuer_id, title, $1, snapshot, 'PUBLISHED', 1, ${UUID(`'bench'`)}, published_at, published_at FROM bench_gen`,
    [framework],
  );
  await step(
    'design versions',
    `INSERT INTO credentials.design_versions (design_id, version, snapshot, author_id, summary, created_at)
     SELECT design_id, 1, snapshot, ${UUID(`'bench'`)}, 'Seeded', published_at FROM bench_gen`,
  );
  await step(
    'credentials',
    `INSERT INTO credentials.credentials (id, design_id, title, issuer_id, design_version, framework_id, published_by, published_at)
     SELECT credential_id, design_id, title, issuer_id, 1, $1, ${UUID(`'bench'`)}, published_at FROM bench_gen`,
    [framework],
  );
  await step('catalogue entries (the refresh statement over every credential)', REFRESH_CATALOGUE_SQL, [
    null,
  ]);
  // Pathways of five steps each over the whole catalogue; the learner's 50 awards cover the steps
  // of the first ten pathways, so progress is computed for ten pathways of fifty members.
  await step(
    'pathways',
    `INSERT INTO credentials.pathways (id, owner_id, title, description, target_credential_id, rule, required_count, ordered, created_by, created_at)
     SELECT ${UUID(`'pathway-' || p`)}, ${UUID(`'issuer-' || (p % ${opts.issuers})`)}, 'Bench pathway ' || p, NULL, NULL,
            CASE WHEN p % 2 = 0 THEN 'ALL_OF' ELSE 'N_OF' END, CASE WHEN p % 2 = 0 THEN 5 ELSE 3 END, p % 3 = 0, ${UUID(`'bench'`)}, now() - (p || ' seconds')::interval
       FROM generate_series(1, $1::int) p`,
    [opts.pathways],
  );
  await step(
    'pathway members',
    `INSERT INTO credentials.pathway_members (pathway_id, credential_id, position, min_score)
     SELECT ${UUID(`'pathway-' || p`)}, ${UUID(`'credential-' || (CASE WHEN p <= 10 THEN (p - 1) * 5 + k ELSE ((p * 37 + k * 101) % $2::int) + 1 END)`)}, k,
            CASE WHEN k = 3 THEN 60 ELSE NULL END
       FROM generate_series(1, $1::int) p, generate_series(1, 5) k`,
    [opts.pathways, opts.credentials],
  );
  await step(
    'status list',
    `INSERT INTO credentials.status_lists (id, issuer_id, encoded_list, capacity, signed_credential) VALUES (${UUID(`'list'`)}, ${UUID(`'issuer-0'`)}, '', 1048576, '{}')`,
  );
  // Background awards (other learners), then the learner's 50.
  await step(
    'awards',
    `INSERT INTO credentials.awards (id, credential_id, issuer_id, recipient_email_hash, recipient_salt, recipient_lookup, recipient_name, score, attempt,
                                     status_list_id, status_list_index, signed_credential, awarded_by, created_at)
     SELECT ${UUID(`'award-' || a`)}, ${UUID(`'credential-' || ((a * 31) % $2::int + 1)`)}, ${UUID(`'issuer-0'`)}, 'h', 's', 'learner-' || (a % ($1::int / 5)), 'Learner', 60 + a % 40, 1,
            ${UUID(`'list'`)}, a, '{}', ${UUID(`'bench'`)}, now() - (a || ' seconds')::interval
       FROM generate_series(1, $1::int) a
     ON CONFLICT DO NOTHING`,
    [opts.awards, opts.credentials],
  );
  await step(
    "the learner's 50 awards",
    `INSERT INTO credentials.awards (id, credential_id, issuer_id, recipient_email_hash, recipient_salt, recipient_lookup, recipient_name, score, attempt,
                                     status_list_id, status_list_index, signed_credential, awarded_by, created_at)
     SELECT ${UUID(`'learner-award-' || k`)}, ${UUID(`'credential-' || k`)}, ${UUID(`'issuer-0'`)}, 'h', 's', $1, 'Bench Learner', 50 + k, 1,
            ${UUID(`'list'`)}, $2::int + k, '{}', ${UUID(`'bench'`)}, now() - (k || ' hours')::interval
       FROM generate_series(1, 50) k`,
    [LEARNER, opts.awards + 1],
  );
  await step(
    'analyze',
    `ANALYZE credentials.catalogue_entries, credentials.credentials, credentials.organization_profiles, credentials.awards, credentials.pathways, credentials.pathway_members`,
  );
  await q(`DROP TABLE bench_gen`);
  const seconds = Math.round((Date.now() - started) / 1000);
  await q(`INSERT INTO bench_catalogue.fingerprint (value, seconds) VALUES ($1, $2)`, [fingerprint, seconds]);
  return { reused: false, seconds, fingerprint };
}

const seeded = await seed();
const counts = (
  await q(
    `SELECT (SELECT count(*) FROM credentials.catalogue_entries WHERE NOT retired)::int AS entries,
            (SELECT count(*) FROM credentials.awards)::int AS awards,
            (SELECT count(*) FROM credentials.pathways)::int AS pathways,
            (SELECT count(*) FROM credentials.awards WHERE recipient_lookup = $1 AND status = 'ACTIVE')::int AS learner`,
    [LEARNER],
  )
).rows[0];

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] };
};

// ---------- pathway progress, in process: the statement and the rules ----------
const { openDataSource } = lib('libs/shared/data-access/src/index.js');
const { PathwayRepository, CatalogueRepository } = lib('libs/credentials/data-access/src/index.js');
const dataSource = await openDataSource(credentialsDataSource(url, 2), false);
const pathways = new PathwayRepository(dataSource);
const progressOnce = async () => {
  const t = process.hrtime.bigint();
  const held = await pathways.holdings(LEARNER);
  const progress = held.map((entry) => pathwayProgress(entry.pathway, entry.members));
  return {
    ms: Number(process.hrtime.bigint() - t) / 1e6,
    pathways: progress.length,
    complete: progress.filter((p) => p.complete).length,
  };
};
for (let i = 0; i < 10; i++) await progressOnce(); // warm
const progressRuns = [];
let progressShape;
for (let i = 0; i < 200; i++) {
  const run = await progressOnce();
  progressRuns.push(run.ms);
  progressShape = run;
}
const progress = {
  ...stats(progressRuns),
  pathways: progressShape.pathways,
  complete: progressShape.complete,
  load: load(),
};
console.log('pathway progress', JSON.stringify(progress));

// The statements, explained: capture what the repositories send.
const capture = async (fn) => {
  const captured = [];
  const query = dataSource.query.bind(dataSource);
  dataSource.query = (sql, params) => (captured.push({ sql, params }), query(sql, params));
  try {
    await fn();
  } finally {
    dataSource.query = query;
  }
  return captured;
};
const explain = async (statement) => {
  const plan = (await q(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params)).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  return {
    plan,
    ms: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]),
    seqScans: [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]))],
  };
};
const catalogue = new CatalogueRepository(dataSource);
const WORDS = [
  'welding',
  'données',
  'safety supervisors',
  'soudage atelier',
  'data analytics',
  'logistique',
  'robotics fundamentals',
  'plomberie',
  'cybersecurity essentials',
  'menuiserie',
];
const FILTER = { regions: ['ON'], hoursBands: ['FROM_10_TO_29'] };
// The page, the total and the facet counts are one statement.
const [searchStatement] = await capture(() =>
  catalogue.searchWithFacets({ text: WORDS[0], ...FILTER }, 'RELEVANCE', 20, null),
);
const [progressStatement] = await capture(() => pathways.holdings(LEARNER));
const sql = {
  search: await explain(searchStatement),
  progress: await explain(progressStatement),
  load: load(),
};
await dataSource.destroy();

// ---------- through the gateway, one client ----------
const { startStack } = require(join(ROOT, 'tools/stack.cjs'));
const { devKeys } = await import(join(ROOT, 'tools/dev-keys.mjs'));
const stack = await startStack({
  portBase: opts.portBase,
  databaseUrl: url,
  keys: devKeys(ROOT),
  services: ['identity', 'marketplace', 'credentials', 'notifications', 'evidence', 'gateway'],
  logDir: join(ROOT, 'tmp/bench-logs'),
  timeoutMs: 240_000,
  extraEnv: {
    gateway: { RATE_LIMIT_GATEWAY_TOKEN: '100000000/60', RATE_LIMIT_GATEWAY_ADDRESS: '100000000/60' },
  },
});
const gateway = {};
try {
  const SEARCH = `query($q: String, $f: CatalogueFilter) { searchCredentials(query: $q, filter: $f, first: 20) {
    totalCount edges { cursor node { credential { id title } issuerName hours deliveryMode language relevance } } pageInfo { hasNextPage endCursor }
    facets { name values { value count } } } }`;
  const LOOKUP =
    'query($id: ID!) { catalogueEntry(credentialId: $id) { credential { id title } issuerName hours deliveryMode language } }';
  const ids = (
    await q(`SELECT credential_id AS id FROM credentials.catalogue_entries ORDER BY credential_id LIMIT 200`)
  ).rows.map((r) => r.id);
  const once = async (query, variables) => {
    const t = process.hrtime.bigint();
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const json = await response.json();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    return { ms, ok: response.ok && !json.errors, data: json.data, errors: json.errors };
  };
  for (let i = 0; i < 20; i++) {
    await once(SEARCH, { q: WORDS[i % WORDS.length], f: FILTER });
    await once(LOOKUP, { id: ids[i % ids.length] });
  }
  const search = [];
  const lookup = [];
  let errors = 0;
  let found = 0;
  let firstError;
  // Interleaved, one request at a time: both see the same machine and the same moment.
  for (let i = 0; i < opts.requests; i++) {
    const s = await once(SEARCH, { q: WORDS[i % WORDS.length], f: FILTER });
    if (!s.ok) (errors++, (firstError ??= s.errors));
    else found += s.data.searchCredentials.totalCount;
    search.push(s.ms);
    const l = await once(LOOKUP, { id: ids[i % ids.length] });
    if (!l.ok) (errors++, (firstError ??= l.errors));
    lookup.push(l.ms);
  }
  gateway.search = { ...stats(search), load: load() };
  gateway.lookup = { ...stats(lookup), load: load() };
  gateway.errors = errors;
  gateway.firstError = firstError;
  gateway.meanFound = Math.round(found / opts.requests);
  console.log('gateway', JSON.stringify(gateway));
} finally {
  await stack.stop();
  await db.end();
}

// ---------- the report ----------
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.version}`;
const row = (what, m) =>
  `| ${what} | ${m.n} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.max.toFixed(1)} | ${m.load} |`;
const targets = [
  [
    'searchCredentials, words + 2 facets, p95 through the gateway ≤ 50 ms',
    `${gateway.search.p95.toFixed(1)} ms (PK lookup ${gateway.lookup.p95.toFixed(1)} ms)`,
    gateway.search.p95 <= 50,
  ],
  [
    'pathway progress, learner with 50 awards, p95 ≤ 20 ms',
    `${progress.p95.toFixed(1)} ms`,
    progress.p95 <= 20,
  ],
  ['0 errors', String(gateway.errors), gateway.errors === 0],
];
const report = `# Catalogue bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${machine}; shared with other jobs, so the load average (1, 5, 15 min) is printed beside each figure.
Data: ${counts.entries} published credentials in the catalogue (a third French), ${opts.issuers} issuers with regions and sizes, ${counts.pathways} pathways of five steps, ${counts.awards} awards
(fingerprint ${seeded.fingerprint.slice(0, 12)}, ${seeded.reused ? 'reused' : 'seeded in this run'}: ${seeded.seconds} s). \`npm run bench -- catalogue${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}\`.

Through the gateway, one client, ${opts.requests} requests each, interleaved: searchCredentials with words (English and French, ${WORDS.length} phrases in turn)
and two facets (region ON, hours 10–29), first 20 with total, facet counts and cursors (${gateway.meanFound} hits on average); next to catalogueEntry
(a primary-key lookup on the same subgraph).

| what | n | p50 ms | p95 ms | p99 ms | max ms | load |
|---|---|---|---|---|---|---|
${row('searchCredentials, words + 2 facets (gateway)', gateway.search)}
${row('catalogueEntry, primary key (gateway)', gateway.lookup)}
${row(`pathway progress, ${counts.learner} awards → ${progress.pathways} pathways (in process: statement + rules)`, progress)}

| target | measured | met |
|---|---|---|
${targets.map(([what, measured, met]) => `| ${what} | ${measured} | ${met ? 'yes' : 'no'} |`).join('\n')}
${gateway.firstError ? `\nFirst error: \`${JSON.stringify(gateway.firstError).slice(0, 300)}\`\n` : ''}
Statements (EXPLAIN ANALYZE, "${WORDS[0]}" + region ON + 10–29 hours; load ${sql.load}): search page with total and facet counts (one statement) ${sql.search.ms} ms,
progress ${sql.progress.ms} ms; seq scans: ${[...new Set([...sql.search.seqScans, ...sql.progress.seqScans])].join(', ') || 'none'}.

<details><summary>EXPLAIN ANALYZE: search page, total and facet counts</summary>

\`\`\`
${sql.search.plan}
\`\`\`
</details>

<details><summary>EXPLAIN ANALYZE: pathway progress</summary>

\`\`\`
${sql.progress.plan}
\`\`\`
</details>
`;
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/catalogue.md'), report);
console.log(report.split('<details>')[0]);
console.log('wrote bench/results/catalogue.md');
