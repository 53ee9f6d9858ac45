// `npm run bench -- insights`: the evidence loop's insights at national scale. Seeds (or reuses,
// when its fingerprint is current) 1,000,000 awards, 200,000 feedback responses and 50,000
// employer outcome reports in evidence's read tables, then asks every insights table for each
// scope (operator: everything; an umbrella; an institution; an employer) and each groupBy the API
// offers, one client, through the gateway, next to a primary-key lookup through the same gateway
// in the same run. Prints and writes bench/results/insights.md (machine, date, load beside each
// figure). Target: every insights query p95 ≤ 300 ms.
//
// Options: --awards 1000000 --feedback 200000 --outcomes 50000 --credentials (default awards/500)
// --samples 20 (timed requests per query, after 2 warm-ups) --port-base --force true (seed again)
// --seed-only true (seed or reuse, then stop: for EXPLAIN by hand).
// BENCH_DATABASE_URL: its database name must contain "test"; created when missing, never dropped.
// The seed writes evidence's read tables directly (what the event handlers would write), with
// server-side generate_series bulk INSERT … SELECT (no per-row round trips), foreign-key
// triggers off for the session; a fingerprint of the sizes and the migration list in
// bench_seed.insights_fingerprint lets a later run reuse the data.
import { createHash } from 'node:crypto';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { build, lib, options, require, ROOT } from './_common.mjs';

/** Bumped when the generator below changes what it makes. */
const GENERATOR_VERSION = 3;
const GROUPS = [
  'NONE',
  'CREDENTIAL',
  'INSTITUTION',
  'REGION',
  'SECTOR',
  'CAREER_STAGE',
  'DELIVERY_MODE',
  'HOURS_BAND',
  'ASSESSMENT_METHOD',
];
const TABLES = [
  'credentials',
  'assessmentMix',
  'stageTimes',
  'partnerships',
  'awards',
  'feedback',
  'outcomes',
  'equityReach',
];
const TARGET_MS = 300;

const opts = options({
  awards: 1_000_000,
  feedback: 200_000,
  outcomes: 50_000,
  credentials: 0,
  samples: 20,
  portBase: Number(process.env.E2E_PORT_BASE ?? 4400) + 70,
  force: 'false',
  seedOnly: 'false',
});
const url =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lattice_insights_bench_test';
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

// ---------- seed ----------

async function ensureDatabase() {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  if (!/test/.test(name))
    throw new Error(`refusing to seed ${name}: the insights bench database's name contains "test"`);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  if ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0) {
    await client.query(`CREATE DATABASE "${name}"`);
    console.log(`created ${name}`);
  }
  await client.end();
  return name;
}

export async function seedInsights() {
  const started = Date.now();
  const name = await ensureDatabase();
  const { migrateService } = lib('libs/shared/data-access/src/index.js');
  const { evidenceDataSource, EVIDENCE_MIGRATIONS } = lib('libs/evidence/data-access/src/index.js');
  const credentials = opts.credentials || Math.max(100, Math.round(opts.awards / 500));
  const params = {
    awards: opts.awards,
    feedback: Math.min(opts.feedback, Math.floor(opts.awards * 0.9)),
    outcomes: opts.outcomes,
    credentials,
    institutions: Math.max(20, Math.round(credentials / 7)),
    employers: Math.max(20, Math.round(credentials / 3)),
    umbrellas: 5,
    GENERATOR_VERSION,
  };
  // The data's fingerprint (sizes, generator) and the schema's (migrations): when only the schema
  // moved on, the data is kept and the rollups (derived from it) are rebuilt.
  const dataPrint = createHash('sha256').update(JSON.stringify({ params })).digest('hex').slice(0, 24);
  const schemaPrint = createHash('sha256')
    .update(JSON.stringify(EVIDENCE_MIGRATIONS.map((m) => m.name)))
    .digest('hex')
    .slice(0, 24);
  const fingerprint = `${dataPrint}:${schemaPrint}`;
  await migrateService(evidenceDataSource(url, 2));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (sql, values) => client.query(sql, values);
  try {
    await q(`CREATE SCHEMA IF NOT EXISTS bench_seed`);
    await q(
      `CREATE TABLE IF NOT EXISTS bench_seed.insights_fingerprint (id int PRIMARY KEY DEFAULT 1, value text NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now(), seconds int NOT NULL)`,
    );
    // The organizations this run's accounts act as stand in for seeded ones (their ids change from run to run).
    await q(
      `CREATE TABLE IF NOT EXISTS bench_seed.insights_aliases (role text PRIMARY KEY, organization_id uuid NOT NULL)`,
    );
    const current = (await q(`SELECT value, seconds FROM bench_seed.insights_fingerprint`)).rows[0];
    if (
      current?.value.startsWith(`${dataPrint}:`) &&
      current.value !== fingerprint &&
      opts.force !== 'true'
    ) {
      console.log(`${name}: data current, migrations changed: rebuilding the rollups`);
      const t = Date.now();
      await rebuild(q);
      await q(`ANALYZE`);
      const seconds = current.seconds + Math.round((Date.now() - t) / 1000);
      await q(`UPDATE bench_seed.insights_fingerprint SET value = $1, seconds = $2`, [fingerprint, seconds]);
      await q(`DELETE FROM bench_seed.insights_aliases`);
      return { reused: true, seconds, fingerprint, params };
    }
    if (current?.value === fingerprint && opts.force !== 'true') {
      console.log(
        `${name} is current (${params.awards} awards, ${params.feedback} responses, ${params.outcomes} outcome reports; fingerprint ${fingerprint.slice(0, 12)}): reused`,
      );
      return { reused: true, seconds: current.seconds, fingerprint, params };
    }
    console.log(
      `seeding ${params.awards} awards, ${params.feedback} feedback responses, ${params.outcomes} outcome reports into ${name}…`,
    );
    const step = async (label, sql, values) => {
      const t = Date.now();
      const result = await q(sql, values);
      console.log(`  ${label}: ${result.rowCount ?? ''} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    };
    await q(`DELETE FROM bench_seed.insights_fingerprint`);
    await q(`DELETE FROM bench_seed.insights_aliases`);
    await q(`TRUNCATE evidence.outcome_ratings, evidence.outcome_reports, evidence.feedback_scores, evidence.feedback_responses, evidence.shares,
             evidence.feedback_requests, evidence.framework_survey_responses, evidence.awards, evidence.credential_ties, evidence.credentials,
             evidence.partnerships, evidence.umbrella_members, evidence.organizations, evidence.self_identifications CASCADE`);
    await q(`SET session_replication_role = replica`); // consistent rows: foreign-key triggers skipped for this session only
    await q(`SET work_mem = '256MB'`);
    await q(`SET maintenance_work_mem = '512MB'`);
    await q(`SET max_parallel_workers_per_gather = 0`);
    await q(`SELECT setseed(0.42)`);
    const P = params;
    // Ids derived from md5 of a label (with RFC 4122 version 4 and variant digits, as the API
    // accepts), so every table can name another's rows without a lookup.
    const id = (label, expr) =>
      `overlay(overlay(md5('${label}' || (${expr})::text) placing '4' from 13) placing '8' from 17)::uuid`;
    await step(
      'organizations',
      `INSERT INTO evidence.organizations (id, kind, size, region, sector, name)
       SELECT ${id('inst', 'g')}, 'INSTITUTION', CASE WHEN g % 5 < 2 THEN 'SMALL' WHEN g % 5 = 2 THEN 'MEDIUM' ELSE 'LARGE' END,
              (ARRAY['ON-Toronto','ON-Ottawa','ON-Northeast','ON-Southwest','QC-Montreal','BC-Vancouver','AB-Calgary','NS-Halifax'])[1 + g % 8], NULL, 'Institution ' || g
         FROM generate_series(0, ${P.institutions - 1}) g
       UNION ALL
       SELECT ${id('emp', 'g')}, 'EMPLOYER', CASE WHEN g % 3 = 0 THEN 'SMALL' ELSE 'LARGE' END,
              (ARRAY['ON-Toronto','ON-Sudbury','QC-Montreal','BC-Vancouver','AB-Edmonton'])[1 + g % 5], (ARRAY['212','236','311','541','622','811'])[1 + g % 6], 'Employer ' || g
         FROM generate_series(0, ${P.employers - 1}) g
       UNION ALL
       SELECT ${id('umb', 'g')}, 'UMBRELLA', 'LARGE', 'ON', NULL, 'Umbrella ' || g FROM generate_series(0, ${P.umbrellas - 1}) g`,
    );
    await step(
      'umbrella members',
      `INSERT INTO evidence.umbrella_members (umbrella_id, organization_id)
       SELECT ${id('umb', `g % ${P.umbrellas}`)}, ${id('inst', 'g')} FROM generate_series(0, ${P.institutions - 1}) g`,
    );
    await step(
      'credentials',
      `INSERT INTO evidence.credentials (id, design_id, title, issuer_id, framework_id, hours, delivery_mode, career_stage, credit, transcriptable,
                                         assessment_methods, competencies, seconds_in_stage, published_at)
       SELECT ${id('cred', 'g')}, ${id('design', 'g')}, 'Bench credential ' || g, ${id('inst', `g % ${P.institutions}`)}, md5('framework')::uuid,
              (ARRAY[6, 15, 30, 60, 100])[1 + g % 5], (ARRAY['ONLINE','HYBRID','IN_PERSON'])[1 + g % 3], (ARRAY['ENTRY','MID_CAREER','SENIOR','NEW_TO_SECTOR'])[1 + g % 4],
              g % 3 = 0, g % 4 <> 0,
              ARRAY(SELECT DISTINCT (ARRAY['EXAM_QUIZ','EMPLOYER_ASSESSMENT','SIMULATION_CASE_STUDY','REFLECTION','VIDEO','DEMONSTRATION_PRESENTATION','VIRTUAL_LAB','WRITTEN_ASSIGNMENT','PORTFOLIO'])[1 + (g * m) % 9] FROM generate_series(1, 1 + g % 3) m),
              ARRAY['skill-a-' || g, 'skill-b-' || g],
              jsonb_build_object('DRAFT', 86400 * (3 + g % 40), 'IN_REVIEW', 86400 * (1 + g % 15), 'APPROVED', 3600 * (1 + g % 72)),
              timestamptz '2021-01-01' + (g % 1800) * interval '1 day'
         FROM generate_series(0, ${P.credentials - 1}) g`,
    );
    await step(
      'credential ties',
      `INSERT INTO evidence.credential_ties (credential_id, organization_id, kind)
       SELECT ${id('cred', 'g')}, ${id('emp', `g % ${P.employers}`)}, 'PARTNER' FROM generate_series(0, ${P.credentials - 1}) g
       UNION ALL
       SELECT ${id('cred', 'g')}, ${id('emp', `(g * 7 + 1) % ${P.employers}`)}, 'ENDORSER' FROM generate_series(0, ${P.credentials - 1}) g WHERE g % 3 = 0`,
    );
    await step(
      'partnerships',
      `INSERT INTO evidence.partnerships (id, employer_id, institution_id, accepted_at)
       SELECT ${id('partnership', 'g')}, ${id('emp', `g % ${P.employers}`)}, ${id('inst', `g % ${P.institutions}`)}, timestamptz '2021-01-01' + (g % 1800) * interval '1 day'
         FROM generate_series(0, ${P.credentials - 1}) g`,
    );
    // Awards: popular credentials get more (the square of a uniform draw), learners hold 1.25 awards on average.
    await step(
      'awards',
      `INSERT INTO evidence.awards (id, credential_id, issuer_id, learner_lookup, issued_at, revoked_at)
       SELECT ${id('award', 'g')}, ${id('cred', 'k')}, ${id('inst', `k % ${P.institutions}`)}, md5('learner' || (g % ${Math.max(1, Math.round(P.awards * 0.8))})),
              t, CASE WHEN random() < 0.02 THEN t + interval '90 days' END
         FROM (SELECT g, floor(${P.credentials} * random() ^ 2)::int AS k, timestamptz '2021-01-01' + random() * interval '2160 days' AS t
                 FROM generate_series(0, ${P.awards - 1}) g) x`,
    );
    await step(
      'feedback responses',
      `INSERT INTO evidence.feedback_responses (award_id, credential_id, survey_version, changes, comment, answers, revision, submitted_at, updated_at)
       SELECT a.id, a.credential_id, 1, c.changes, CASE WHEN random() < 0.3 THEN 'A bench comment.' END,
              jsonb_build_object('scores', '{}'::jsonb, 'choices', jsonb_build_object('changes', to_jsonb(c.changes)), 'text', '{}'::jsonb), 1,
              a.issued_at + interval '10 days', a.issued_at + interval '10 days'
         FROM (SELECT * FROM evidence.awards WHERE revoked_at IS NULL ORDER BY id LIMIT ${P.feedback}) a
         CROSS JOIN LATERAL (SELECT ARRAY(SELECT (ARRAY['new_job','promotion','raise','new_duties','none_yet'])[1 + floor(random() * 5)::int] FROM generate_series(1, 1 + (random() > 0.7)::int)) AS changes OFFSET 0) c`,
    );
    await step(
      'feedback scores',
      `INSERT INTO evidence.feedback_scores (award_id, question_key, score)
       SELECT f.award_id, k, 1 + floor(random() * 5)::int FROM evidence.feedback_responses f CROSS JOIN unnest(ARRAY['relevance','workload','authenticity','recommend']) k`,
    );
    await q(`UPDATE evidence.feedback_responses f SET answers = jsonb_set(f.answers, '{scores}', s.scores)
               FROM (SELECT award_id, jsonb_object_agg(question_key, score) AS scores FROM evidence.feedback_scores GROUP BY award_id) s WHERE s.award_id = f.award_id`);
    await step(
      'outcome reports',
      `INSERT INTO evidence.outcome_reports (id, credential_id, issuer_id, organization_id, cohort_size, hired, promoted, retained, assessment_reflected, reported_by, reported_at)
       SELECT ${id('report', 'g')}, ${id('cred', 'k')}, ${id('inst', `k % ${P.institutions}`)}, ${id('emp', `k % ${P.employers}`)},
              n, floor(n * random())::int, floor(n * random() / 3)::int, floor(n * (0.5 + random() / 2))::int, random() < 0.7, md5('reporter')::uuid,
              timestamptz '2021-06-01' + random() * interval '1980 days'
         FROM (SELECT g, floor(${P.credentials} * random() ^ 2)::int AS k, 10 + floor(random() * 50)::int AS n FROM generate_series(0, ${P.outcomes - 1}) g) x`,
    );
    await step(
      'outcome ratings',
      `INSERT INTO evidence.outcome_ratings (report_id, competency, rating)
       SELECT o.id, c.competency, 1 + floor(random() * 5)::int
         FROM evidence.outcome_reports o JOIN evidence.credentials cr ON cr.id = o.credential_id CROSS JOIN LATERAL unnest(cr.competencies) AS c(competency)`,
    );
    // Voluntary self-identification of one learner in ten, sealed under the key the stack's evidence
    // service uses (the development key), as setSelfIdentification stores it.
    {
      const t = Date.now();
      const { box } = sealing();
      const learners = Math.max(1, Math.round(P.awards * 0.8));
      const answers = ['YES', 'NO', 'PREFER_NOT_TO_SAY'];
      const groups = [
        'WOMEN_AND_GENDER_DIVERSE',
        'INDIGENOUS',
        'DISABILITY',
        'RACIALIZED',
        'TWO_SLGBTQ_PLUS',
        'NEWCOMER',
      ];
      let lookups = [];
      let sealed = [];
      let n = 0;
      const flush = async () => {
        await q(
          `INSERT INTO evidence.self_identifications (learner_lookup, sealed) SELECT * FROM unnest($1::text[], $2::text[])`,
          [lookups, sealed],
        );
        lookups = [];
        sealed = [];
      };
      for (let g = 0; g < learners; g += 10) {
        const selfId = {};
        for (const [i, group] of groups.entries())
          if ((g / 10 + i) % 3 !== 2) selfId[group] = answers[(g * 7 + i * 13) % 3];
        lookups.push(createHash('md5').update(`learner${g}`).digest('hex'));
        sealed.push(box.seal(JSON.stringify(selfId)));
        n++;
        if (lookups.length === 5000) await flush();
      }
      if (lookups.length) await flush();
      console.log(`  self-identifications: ${n} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
    await q(`SET session_replication_role = origin`);
    // The rollups insights read, as the event handlers and use cases keep them, built from scratch.
    await step('analyze', `ANALYZE`);
    const t = Date.now();
    await rebuild(q);
    console.log(`  rollups rebuilt (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    await step('analyze', `ANALYZE`);
    const seconds = Math.round((Date.now() - started) / 1000);
    await q(`INSERT INTO bench_seed.insights_fingerprint (value, seconds) VALUES ($1, $2)`, [
      fingerprint,
      seconds,
    ]);
    return { reused: false, seconds, fingerprint, params };
  } finally {
    await client.end();
  }
}

/** The seal of the stack's evidence service (the development key), read from the build. */
const sealing = () => {
  const { SecretBox, DEVELOPMENT_EVIDENCE_KEY } = lib('libs/shared/util-config/src/index.js');
  const { equityBits } = lib('libs/evidence/domain/src/index.js');
  const box = new SecretBox(DEVELOPMENT_EVIDENCE_KEY);
  return { box, bitsOf: (sealed) => equityBits(JSON.parse(box.open(sealed))) };
};

/** Every insights rollup rebuilt from the base tables in one transaction (rebuildRollups, as the service's rebuild does). */
async function rebuild(q) {
  const { rebuildRollups } = lib('libs/evidence/data-access/src/index.js');
  const { bitsOf } = sealing();
  await q('BEGIN');
  try {
    await q(`SET LOCAL work_mem = '256MB'`);
    await rebuildRollups({ query: q }, bitsOf);
    await q('COMMIT');
  } catch (error) {
    await q('ROLLBACK');
    throw error;
  }
}

// ---------- measure ----------

/** Makes the organizations this run's accounts belong to stand in for seeded ones (an institution, an employer, an umbrella). */
async function alias(db, role, seededId, organizationId) {
  const previous =
    (await db.query(`SELECT organization_id FROM bench_seed.insights_aliases WHERE role = $1`, [role]))
      .rows[0]?.organization_id ?? seededId;
  await db.query(
    `INSERT INTO evidence.organizations (id, kind, size, region, sector, name)
                  SELECT $2, kind, size, region, sector, name FROM evidence.organizations WHERE id = $1 ON CONFLICT (id) DO NOTHING`,
    [previous, organizationId],
  );
  if (role === 'institution') {
    await db.query(`UPDATE evidence.credentials SET issuer_id = $2 WHERE issuer_id = $1`, [
      previous,
      organizationId,
    ]);
    await db.query(`UPDATE evidence.awards SET issuer_id = $2 WHERE issuer_id = $1`, [
      previous,
      organizationId,
    ]);
    await db.query(`UPDATE evidence.umbrella_members SET organization_id = $2 WHERE organization_id = $1`, [
      previous,
      organizationId,
    ]);
  } else if (role === 'employer') {
    await db.query(`UPDATE evidence.credential_ties SET organization_id = $2 WHERE organization_id = $1`, [
      previous,
      organizationId,
    ]);
  } else {
    await db.query(`UPDATE evidence.umbrella_members SET umbrella_id = $2 WHERE umbrella_id = $1`, [
      previous,
      organizationId,
    ]);
  }
  // The rollups' scope and institution keys follow the new id, as if the events had carried it.
  for (const table of ['credential_group_keys', 'equity_counts']) {
    await db.query(`UPDATE evidence.${table} SET scope_id = $2 WHERE scope_id = $1`, [
      previous,
      organizationId,
    ]);
    await db.query(`UPDATE evidence.${table} SET value = $2 WHERE dim = 'INSTITUTION' AND value = $1`, [
      previous,
      organizationId,
    ]);
  }
  await db.query(
    `INSERT INTO bench_seed.insights_aliases (role, organization_id) VALUES ($1, $2) ON CONFLICT (role) DO UPDATE SET organization_id = $2`,
    [role, organizationId],
  );
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

build();
const seed = await seedInsights();
if (opts.seedOnly === 'true') process.exit(0);
const { startStack } = require(join(ROOT, 'tools/stack.cjs'));
const { devKeys } = await import(join(ROOT, 'tools/dev-keys.mjs'));
const { graphqlClient } = await import(join(ROOT, 'tools/graphql-client.mjs'));
const OPERATOR = { email: 'operator@bench.lattice.test', password: 'operator-password-bench' };
const stack = await startStack({
  portBase: opts.portBase,
  databaseUrl: url,
  keys: devKeys(ROOT),
  // The gateway is ready once every subgraph of the supergraph answers.
  services: ['identity', 'marketplace', 'credentials', 'notifications', 'evidence', 'gateway'],
  logDir: join(ROOT, 'tmp/bench-logs'),
  timeoutMs: 240_000,
  extraEnv: {
    identity: { OPERATOR_EMAIL: OPERATOR.email, OPERATOR_PASSWORD: OPERATOR.password },
    gateway: { RATE_LIMIT_GATEWAY_TOKEN: '100000000/60', RATE_LIMIT_GATEWAY_ADDRESS: '100000000/60' },
  },
});
const results = { seed, queries: [] };
const db = new pg.Pool({ connectionString: url, max: 2 });
try {
  const request = graphqlClient(stack.gatewayUrl);
  const operatorToken = (
    await request('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }', {
      e: OPERATOR.email,
      p: OPERATOR.password,
    })
  ).logIn.token;
  const email = `bench-${Date.now()}@bench.lattice.test`;
  let token = (
    await request('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
      i: { email, password: 'bench password 123', name: 'Bench' },
    })
  ).signUp.token;
  const create = async (input) =>
    (
      await request(
        'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
        { i: input },
        token,
      )
    ).createOrganization.id;
  const institutionId = await create({
    name: `Bench Institution ${Date.now()}`,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Toronto',
  });
  const employerId = await create({
    name: `Bench Employer ${Date.now()}`,
    kind: 'EMPLOYER',
    size: 'LARGE',
    region: 'ON-Toronto',
    sector: '212',
  });
  const umbrellaId = await create({
    name: `Bench Umbrella ${Date.now()}`,
    kind: 'UMBRELLA',
    size: 'LARGE',
    region: 'ON',
  });
  token = (await request('mutation { refreshToken { token } }', {}, token)).refreshToken.token; // memberships in the token
  const md5uuid = (label) => {
    const m = createHash('md5').update(label).digest('hex');
    const h = `${m.slice(0, 12)}4${m.slice(13, 16)}8${m.slice(17)}`;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  // The busiest seeded institution (credential 0's issuer gets the most awards), an employer tied to many, an umbrella.
  await alias(db, 'institution', md5uuid('inst0'), institutionId);
  await alias(db, 'employer', md5uuid('emp0'), employerId);
  await alias(db, 'umbrella', md5uuid('umb0'), umbrellaId);
  await db.query('ANALYZE evidence.organizations, evidence.umbrella_members, evidence.credential_ties');

  const time = async (query, variables, bearer) => {
    const t = process.hrtime.bigint();
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    const json = await response.json();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (json.errors) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(json.errors).slice(0, 400)}`);
    return { ms, data: json.data };
  };
  const measure = async (title, query, variables, bearer, extra = {}) => {
    for (let i = 0; i < 2; i++) await time(query, variables, bearer);
    const times = [];
    let data;
    for (let i = 0; i < opts.samples; i++) {
      const r = await time(query, variables, bearer);
      times.push(r.ms);
      data = r.data;
    }
    times.sort((a, b) => a - b);
    const row = {
      title,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times[times.length - 1],
      load: load(),
      ...extra,
      data,
    };
    console.log(`${title}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms (load ${row.load})`);
    return row;
  };
  const LOOKUP = '{ survey(kind: LEARNER) { kind version } }';
  results.lookup = await measure(
    'survey(kind) primary-key lookup (evidence), gateway',
    LOOKUP,
    {},
    operatorToken,
  );
  const tableQuery = (table) =>
    `query($s: InsightsScopeInput, $f: InsightsFilterInput, $g: InsightsGroupBy!) { insights(scope: $s, filter: $f, groupBy: $g) { ${table} { rows { key values suppressed } total { values suppressed } } } }`;
  const scopes = [
    { name: 'operator', scope: null, bearer: operatorToken, groups: GROUPS },
    { name: 'umbrella', scope: { organizationId: umbrellaId }, bearer: token, groups: GROUPS },
    { name: 'institution', scope: { organizationId: institutionId }, bearer: token, groups: GROUPS },
    { name: 'employer', scope: { organizationId: employerId }, bearer: token, groups: GROUPS },
  ];
  for (const s of scopes) {
    for (const g of s.groups) {
      for (const table of TABLES) {
        const row = await measure(
          `${s.name} · ${table} · ${g}`,
          tableQuery(table),
          { s: s.scope, f: null, g },
          s.bearer,
          { scope: s.name, table, groupBy: g },
        );
        row.rows = row.data.insights[table].rows.length;
        delete row.data;
        results.queries.push(row);
      }
    }
  }
  // Filters: the differencing check runs the query again without each filter.
  const year = 2024;
  for (const table of ['awards', 'feedback', 'outcomes', 'equityReach']) {
    const row = await measure(
      `operator · ${table} · CREDENTIAL · year ${year} + delivery mode`,
      tableQuery(table),
      { s: null, f: { year, deliveryMode: 'HYBRID' }, g: 'CREDENTIAL' },
      operatorToken,
      { scope: 'operator (2 filters)', table, groupBy: 'CREDENTIAL' },
    );
    row.rows = row.data.insights[table].rows.length;
    delete row.data;
    results.queries.push(row);
  }
  const COMMENTS = `query($c: ID!) { insights { comments(credentialId: $c) { respondents } } }`;
  const comments = await measure(
    'operator · comments(credential 0)',
    COMMENTS,
    { c: md5uuid('cred0') },
    operatorToken,
    { scope: 'operator', table: 'comments', groupBy: '—' },
  );
  delete comments.data;
  results.queries.push(comments);
  results.lookupAfter = await measure(
    'survey(kind) primary-key lookup (evidence), gateway (again)',
    LOOKUP,
    {},
    operatorToken,
  );
  results.counts = (
    await db.query(`SELECT (SELECT count(*) FROM evidence.awards)::int AS awards, (SELECT count(*) FROM evidence.feedback_responses)::int AS feedback,
                           (SELECT count(*) FROM evidence.outcome_reports)::int AS outcomes, (SELECT count(*) FROM evidence.credentials)::int AS credentials`)
  ).rows[0];
} finally {
  await db.end();
  await stack.stop();
}

// ---------- report ----------

const r = results;
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.version}`;
const worst = [...r.queries].sort((a, b) => b.p95 - a.p95);
const over = r.queries.filter((q) => q.p95 > TARGET_MS);
const fmt = (q) =>
  `| ${q.scope ?? ''} | ${q.table ?? q.title} | ${q.groupBy ?? ''} | ${q.rows ?? ''} | ${q.p50.toFixed(1)} | ${q.p95.toFixed(1)} | ${q.max.toFixed(1)} | ${q.load} |`;
const report = `# Insights bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${machine}; shared with other engineers' jobs, so the load average (1, 5, 15 min) is printed beside each figure.
Data: ${r.counts.awards} awards, ${r.counts.feedback} feedback responses, ${r.counts.outcomes} outcome reports over ${r.counts.credentials} credentials
(\`bench/insights.mjs\`; fingerprint ${r.seed.fingerprint.slice(0, 12)}, ${r.seed.reused ? 'reused' : 'seeded in this run'}: ${r.seed.seconds} s).
One client, sequential requests through the gateway: ${opts.samples} timed after 2 warm-ups per query. Each insights query asks one table
for one scope and grouping (the web page asks them together); scopes: operator (everything), an umbrella (a fifth of the institutions),
the busiest institution, an employer tied to a few credentials.

| target | measured | met |
|---|---|---|
| every insights query p95 ≤ ${TARGET_MS} ms | worst p95 ${worst[0].p95.toFixed(1)} ms (${worst[0].title}); ${over.length} of ${r.queries.length} over | ${over.length === 0 ? 'yes' : 'no'} |
| primary-key lookup through the same gateway | p95 ${r.lookup.p95.toFixed(1)} ms before, ${r.lookupAfter.p95.toFixed(1)} ms after | — |

| scope | table | groupBy | rows | p50 ms | p95 ms | max ms | load |
|---|---|---|---|---|---|---|---|
| — | ${r.lookup.title} | — | 1 | ${r.lookup.p50.toFixed(1)} | ${r.lookup.p95.toFixed(1)} | ${r.lookup.max.toFixed(1)} | ${r.lookup.load} |
${r.queries.map(fmt).join('\n')}
| — | ${r.lookupAfter.title} | — | 1 | ${r.lookupAfter.p50.toFixed(1)} | ${r.lookupAfter.p95.toFixed(1)} | ${r.lookupAfter.max.toFixed(1)} | ${r.lookupAfter.load} |
`;
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/insights.md'), report);
console.log(report.split('| scope |')[0]);
console.log(
  'slowest:',
  worst
    .slice(0, 8)
    .map((q) => `${q.title} ${q.p95.toFixed(0)} ms`)
    .join('; '),
);
console.log('wrote bench/results/insights.md');
