// `npm run bench:seed -- --needs 1000000 --institutions 20000`: a realistic market over the real
// ESCO skills in the bench database (BENCH_DATABASE_URL, default lattice_bench_test): skewed skill
// popularity (Zipf), Ontario-heavy regions with every province and territory present, 40% small
// institutions. Generated inside Postgres (generate_series over seeded random(), one INSERT …
// SELECT per table), so 1M needs take a few minutes. A fingerprint of the seed parameters and
// the migration list is kept in the database (bench_seed.fingerprint): a run that finds the
// same fingerprint reuses the data (`--force true` seeds again). Imported by the matching bench.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { benchDatabaseUrl, build, lib, options, ROOT } from './_common.mjs';

/** Bumped when the generator below changes what it makes. */
const GENERATOR_VERSION = 3;
const SLOTS = 1 << 16;

export async function seedMarket(opts, url = benchDatabaseUrl()) {
  const started = Date.now();
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  if (!/test|bench/.test(name))
    throw new Error(`refusing to seed ${name}: a bench database's name contains "bench" or "test"`);
  admin.pathname = '/postgres';
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  if ((await adminClient.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0)
    await adminClient.query(`CREATE DATABASE "${name}"`);
  await adminClient.end();

  const { migrateService, openDataSource } = lib('libs/shared/data-access/src/index.js');
  const { marketplaceDataSource, MARKETPLACE_MIGRATIONS } = lib('libs/marketplace/data-access/src/index.js');
  const { ImportSkillTaxonomyUseCase } = lib('libs/marketplace/feature/src/index.js');
  const { allRegions, regionAndDescendants, regionAndAncestors } = lib(
    'libs/shared/util-regions/src/index.js',
  );
  const params = {
    needs: opts.needs,
    institutions: opts.institutions,
    employers: opts.employers || Math.max(50, Math.round(opts.needs / 40)),
    seed: opts.seed,
    GENERATOR_VERSION,
  };
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ params, migrations: MARKETPLACE_MIGRATIONS.map((m) => m.name) }))
    .digest('hex');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Stale bench data goes before migrating: migrations that backfill (the demand rollup) would
  // otherwise work through a market about to be replaced.
  const stale = await client.query(
    `SELECT to_regclass('bench_seed.fingerprint') IS NOT NULL AND to_regclass('marketplace.skill_needs') IS NOT NULL AS present`,
  );
  if (
    stale.rows[0].present &&
    (await client.query(`SELECT value FROM bench_seed.fingerprint`)).rows[0]?.value !== fingerprint
  ) {
    await client.query(`DELETE FROM bench_seed.fingerprint`);
    await client.query(`TRUNCATE marketplace.partnerships, marketplace.profile_groups, marketplace.profile_skills, marketplace.capability_profiles,
             marketplace.need_skills, marketplace.skill_needs, marketplace.umbrella_members, marketplace.organizations CASCADE`);
  }
  await migrateService(marketplaceDataSource(url));
  const dataSource = await openDataSource(marketplaceDataSource(url, 2), false);
  await new ImportSkillTaxonomyUseCase(dataSource).execute(`${ROOT}/data/esco`, { onlyIfEmpty: true });
  await dataSource.destroy();
  const q = (sql, values) => client.query(sql, values);
  try {
    await q(`CREATE SCHEMA IF NOT EXISTS bench_seed`);
    await q(
      `CREATE TABLE IF NOT EXISTS bench_seed.fingerprint (id int PRIMARY KEY DEFAULT 1, value text NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now(), seconds int NOT NULL)`,
    );
    const current = (await q(`SELECT value, seconds FROM bench_seed.fingerprint`)).rows[0];
    if (current?.value === fingerprint && opts.force !== 'true') {
      console.log(
        `${name} is current (${params.needs} needs × ${params.institutions} institutions, fingerprint ${fingerprint.slice(0, 12)}): reused`,
      );
      return { reused: true, seconds: current.seconds, fingerprint };
    }
    console.log(`seeding ${params.needs} needs and ${params.institutions} institutions into ${name}…`);
    const step = async (label, sql, values) => {
      const t = Date.now();
      const result = await q(sql, values);
      console.log(`  ${label}: ${result.rowCount ?? ''} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    };
    await q(`DELETE FROM bench_seed.fingerprint`);
    await q(`TRUNCATE marketplace.partnerships, marketplace.profile_groups, marketplace.profile_skills, marketplace.capability_profiles,
             marketplace.need_skills, marketplace.skill_needs, marketplace.umbrella_members, marketplace.organizations CASCADE`);
    // Rankings cached for the previous market (the seed writes with triggers off, so nothing would invalidate them).
    await q(`TRUNCATE marketplace.match_cache, marketplace.match_changes`);
    await q(`SET max_parallel_workers_per_gather = 0`); // one deterministic stream of random()
    // The generator writes consistent rows: foreign-key triggers are skipped for this session only.
    await q(`SET session_replication_role = replica`);
    await q(`SET work_mem = '256MB'`);
    await q(`SET maintenance_work_mem = '512MB'`);
    await q(`SELECT setseed($1)`, [((params.seed % 1000) / 1000) * 2 - 1]);

    // Zipf over the ESCO skills (order fixed by md5 of the id): 65,536 slots, each skill holding
    // a share of slots proportional to 1 / rank^1.07 (at least one), drawn by a uniform slot.
    const skills = (
      await q(
        `SELECT id FROM marketplace.skills WHERE kind <> 'SKILL_GROUP' AND framework = 'ESCO' ORDER BY md5(id::text)`,
      )
    ).rows.map((r) => r.id);
    const weights = skills.map((_s, i) => 1 / (i + 1) ** 1.07);
    const total = weights.reduce((a, b) => a + b, 0);
    const slotSkill = [];
    let cumulative = 0;
    for (let i = 0; i < skills.length && slotSkill.length < SLOTS; i++) {
      cumulative += weights[i] / total;
      const upTo = Math.min(SLOTS, Math.max(slotSkill.length + 1, Math.round(cumulative * SLOTS)));
      while (slotSkill.length < upTo) slotSkill.push(skills[i]);
    }
    while (slotSkill.length < SLOTS) slotSkill.push(skills[skills.length - 1]);
    await q(`CREATE TEMP TABLE zipf (slot int PRIMARY KEY, skill_id uuid NOT NULL)`);
    await q(`INSERT INTO zipf SELECT s - 1, u FROM unnest($1::uuid[]) WITH ORDINALITY AS x(u, s)`, [
      slotSkill,
    ]);

    // Regions: 70% of the market in Ontario, every other region present.
    const regions = allRegions().map((r) => r.code);
    const ontario = regions.filter((c) => c === 'ON' || c.startsWith('ON-'));
    const elsewhere = regions.filter((c) => !ontario.includes(c));
    await q(
      `CREATE TEMP TABLE reg (grp int, idx int, code text, within text[], cover text[], top_cover text[], top text, PRIMARY KEY (grp, idx))`,
    );
    for (const [grp, list] of [ontario, elsewhere].entries()) {
      for (const [idx, code] of list.entries()) {
        const top = regionAndAncestors(code).at(-1);
        await q(`INSERT INTO reg VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          grp,
          idx,
          code,
          regionAndAncestors(code),
          regionAndDescendants(code),
          regionAndDescendants(top),
          top,
        ]);
      }
    }
    const MODES = `(ARRAY['{ONLINE}','{IN_PERSON}','{HYBRID}','{ONLINE,HYBRID}','{IN_PERSON,HYBRID}','{ONLINE,IN_PERSON,HYBRID}'])[1 + floor(random() * 6)::int]::text[]`;
    const SECTORS = `(ARRAY['212','2211','236','311','3254','336','4841','5112','5182','5415','6211','6221','7225'])[1 + floor(random() * 13)::int]`;
    const STAGES = `(ARRAY['ENTRY','MID_CAREER','SENIOR','NEW_TO_SECTOR'])[1 + floor(random() * 4)::int]`;
    const regionDraw = `(CASE WHEN random() < 0.7 THEN 0 ELSE 1 END)`;

    await step(
      'employers',
      `CREATE TEMP TABLE emp AS
       SELECT i, md5('bench-employer-' || i)::uuid AS id, sector, r.code AS region
         FROM (SELECT i, ${SECTORS} AS sector, ${regionDraw} AS g, random() AS u FROM generate_series(1, $1) i) x
         JOIN reg r ON r.grp = x.g AND r.idx = floor(x.u * CASE x.g WHEN 0 THEN ${ontario.length} ELSE ${elsewhere.length} END)::int`,
      [params.employers],
    );
    await q(`ALTER TABLE emp ADD PRIMARY KEY (i)`);
    await step(
      'institutions',
      `CREATE TEMP TABLE inst AS
       SELECT i, md5('bench-institution-' || i)::uuid AS id, CASE WHEN s < 0.4 THEN 'SMALL' WHEN s < 0.75 THEN 'MEDIUM' ELSE 'LARGE' END AS size, r.code AS region, r.cover, r.top, r.top_cover, wide
         FROM (SELECT i, random() AS s, ${regionDraw} AS g, random() AS u, random() < 0.5 AS wide FROM generate_series(1, $1) i) x
         JOIN reg r ON r.grp = x.g AND r.idx = floor(x.u * CASE x.g WHEN 0 THEN ${ontario.length} ELSE ${elsewhere.length} END)::int`,
      [params.institutions],
    );
    await step(
      'organizations',
      `INSERT INTO marketplace.organizations (id, name, kind, size, region, sector, verified)
       SELECT id, 'Bench Employer ' || i, 'EMPLOYER', (ARRAY['SMALL','MEDIUM','LARGE'])[1 + floor(random() * 3)::int], region, sector, true FROM emp
       UNION ALL
       SELECT id, 'Bench Institution ' || i, 'INSTITUTION', size, region, NULL, true FROM inst`,
    );
    // Small institutions teach fewer skills and serve their own region; half the large ones their province.
    await step(
      'capability profiles',
      `INSERT INTO marketplace.capability_profiles (organization_id, regions, region_cover, delivery_modes, annual_capacity, updated_by)
       SELECT id, CASE WHEN size = 'LARGE' AND wide THEN ARRAY[top] ELSE ARRAY[region] END,
              CASE WHEN size = 'LARGE' AND wide THEN top_cover ELSE cover END, ${MODES},
              CASE size WHEN 'SMALL' THEN 10 + floor(random() * 51) WHEN 'MEDIUM' THEN 40 + floor(random() * 211) ELSE 150 + floor(random() * 1051) END::int, id
         FROM inst`,
    );
    await step(
      'profile skills',
      `INSERT INTO marketplace.profile_skills (organization_id, skill_id, level)
       SELECT DISTINCT ON (t.id, z.skill_id) t.id, z.skill_id, (1 + floor(random() * 4))::smallint
         FROM (SELECT id, CASE size WHEN 'SMALL' THEN 5 + floor(random() * 8) WHEN 'MEDIUM' THEN 10 + floor(random() * 16) ELSE 20 + floor(random() * 21) END::int AS n FROM inst) t
        CROSS JOIN LATERAL (SELECT floor(random() * ${SLOTS})::int AS slot FROM generate_series(1, t.n)) k
         JOIN zipf z ON z.slot = k.slot`,
    );
    await step(
      'profile groups',
      `INSERT INTO marketplace.profile_groups (organization_id, group_id)
       SELECT DISTINCT ps.organization_id, sg.group_id FROM marketplace.profile_skills ps
         JOIN marketplace.skill_groups sg ON sg.skill_id = ps.skill_id AND sg.level >= 2`, // as UpsertCapabilityProfileUseCase
    );
    // Needs: 60% in the employer's region; posted over two years; 90% open.
    // Needs and their skills are drawn into temporary tables first (the same draws, in the same
    // order), so each need is written once with its skill count — not written, then rewritten by a
    // million-row UPDATE.
    await step(
      'skill needs drawn',
      `CREATE TEMP TABLE sn AS
       SELECT md5('bench-need-' || x.i)::uuid AS id, e.id AS organization_id, 'Bench need ' || x.i AS title, coalesce(r.code, e.region) AS region,
              coalesce(r.within, (SELECT within FROM reg WHERE code = e.region)) AS region_within, e.sector, ${MODES} AS delivery_modes,
              5 + floor(random() * 196)::int AS learner_count, ${STAGES} AS career_stage,
              current_date + (floor(random() * 431)::int - 30) AS needed_by, CASE WHEN random() < 0.9 THEN 'OPEN' ELSE 'CLOSED' END AS status,
              e.id AS created_by, now() - floor(random() * 731) * interval '1 day' AS created_at, x.i AS seq
         FROM (SELECT i, 1 + floor(random() * $2)::int AS e, random() < 0.6 AS own, ${regionDraw} AS g, random() AS u FROM generate_series(1, $1) i) x
         JOIN emp e ON e.i = x.e
         LEFT JOIN reg r ON NOT x.own AND r.grp = x.g AND r.idx = floor(x.u * CASE x.g WHEN 0 THEN ${ontario.length} ELSE ${elsewhere.length} END)::int`,
      [params.needs, params.employers],
    );
    await step(
      'need skills drawn',
      `CREATE TEMP TABLE ns AS
       SELECT DISTINCT ON (t.id, z.skill_id) t.id AS need_id, z.skill_id, (1 + floor(random() * 4))::smallint AS level
         FROM (SELECT md5('bench-need-' || i)::uuid AS id, 1 + floor(random() * 5)::int AS n FROM generate_series(1, $1) i) t
        CROSS JOIN LATERAL (SELECT floor(random() * ${SLOTS})::int AS slot FROM generate_series(1, t.n)) k
         JOIN zipf z ON z.slot = k.slot`,
      [params.needs],
    );
    // Triggers are off for this session, so each need's skill count (kept by need_skills' triggers
    // in the product) is written with the need.
    await step(
      'skill needs',
      `INSERT INTO marketplace.skill_needs (id, organization_id, title, region, region_within, sector, delivery_modes, learner_count, career_stage, needed_by, status, created_by, created_at, seq, skill_count)
       SELECT sn.id, sn.organization_id, sn.title, sn.region, sn.region_within, sn.sector, sn.delivery_modes, sn.learner_count, sn.career_stage,
              sn.needed_by, sn.status, sn.created_by, sn.created_at, sn.seq, coalesce(k.c, 0)
         FROM sn LEFT JOIN (SELECT need_id, count(*)::int AS c FROM ns GROUP BY need_id) k ON k.need_id = sn.id
        ORDER BY sn.seq`,
    );
    await q(`SELECT setval(pg_get_serial_sequence('marketplace.skill_needs', 'seq'), $1)`, [params.needs]);
    await step(
      'need skills',
      `INSERT INTO marketplace.need_skills (need_id, skill_id, level) SELECT need_id, skill_id, level FROM ns`,
    );
    await q(`DROP TABLE sn, ns`);
    // Statistics first, so the rebuild's plan knows the tables' sizes.
    await q(`ANALYZE marketplace.skill_needs, marketplace.need_skills, marketplace.profile_skills`);
    // The rollup's triggers were off for this session: rebuilt from the needs, as `npm run demand:rebuild` does.
    await step('demand rollup rebuilt', `SELECT marketplace.rebuild_demand_rollup()`);
    const t = Date.now();
    await q(
      `VACUUM (ANALYZE) marketplace.organizations, marketplace.capability_profiles, marketplace.profile_skills, marketplace.profile_groups, marketplace.skill_needs, marketplace.need_skills, marketplace.demand_rollup`,
    );
    console.log(`  vacuum analyze (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    const seconds = Math.round((Date.now() - started) / 1000);
    await q(`INSERT INTO bench_seed.fingerprint (value, seconds) VALUES ($1, $2)`, [fingerprint, seconds]);
    console.log(`seeded in ${seconds} s`);
    return { reused: false, seconds, fingerprint };
  } finally {
    await client.end();
  }
}

export const SEED_DEFAULTS = {
  needs: 1_000_000,
  institutions: 20_000,
  employers: 0,
  seed: 42,
  force: 'false',
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  build();
  await seedMarket(options(SEED_DEFAULTS));
}
