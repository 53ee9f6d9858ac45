// `npm run bench:seed -- --needs 100000 --institutions 10000`: a realistic market over the real
// ESCO skills in the bench database (BENCH_DATABASE_URL, default lattice_bench): skewed skill
// popularity (Zipf), Ontario-heavy regions, 40% small institutions. Replaces earlier bench data.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { benchDatabaseUrl, build, lib, options, ROOT } from './_common.mjs';

const opts = options({ needs: 100_000, institutions: 10_000, employers: 0, seed: 42 });
const url = benchDatabaseUrl();
const started = Date.now();

// Deterministic randomness, so two runs make the same market.
let state = opts.seed >>> 0;
const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
function zipf(n, s = 1.07) {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return () => {
    const r = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const admin = new URL(url);
const name = admin.pathname.slice(1);
admin.pathname = '/postgres';
const adminClient = new pg.Client({ connectionString: admin.toString() });
await adminClient.connect();
if ((await adminClient.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0) await adminClient.query(`CREATE DATABASE "${name}"`);
await adminClient.end();

build();
const { migrateService, openDataSource } = lib('libs/shared/data-access/src/index.js');
const { marketplaceDataSource } = lib('libs/marketplace/data-access/src/index.js');
const { ImportSkillTaxonomyUseCase } = lib('libs/marketplace/feature/src/index.js');
const { allRegions, regionAndDescendants, regionAndAncestors } = lib('libs/shared/util-regions/src/index.js');
await migrateService(marketplaceDataSource(url));
const dataSource = await openDataSource(marketplaceDataSource(url, 2), false);
await new ImportSkillTaxonomyUseCase(dataSource).execute(`${ROOT}/data/esco`, { onlyIfEmpty: true });
await dataSource.destroy();

const client = new pg.Client({ connectionString: url });
await client.connect();
const q = (sql, params) => client.query(sql, params);
console.log(`seeding ${opts.needs} needs and ${opts.institutions} institutions into ${name}…`);
await q(`TRUNCATE marketplace.partnerships, marketplace.profile_groups, marketplace.profile_skills, marketplace.capability_profiles,
         marketplace.need_skills, marketplace.skill_needs, marketplace.umbrella_members, marketplace.organizations`);

const skills = (await q(`SELECT id FROM marketplace.skills WHERE kind <> 'SKILL_GROUP' AND framework = 'ESCO' ORDER BY md5(id::text)`)).rows.map((r) => r.id);
const popularSkill = zipf(skills.length);
// Ontario holds most of the market; every other province and territory has some.
const regions = allRegions();
const ontario = regions.filter((r) => r.code === 'ON' || r.code.startsWith('ON-')).map((r) => r.code);
const elsewhere = regions.filter((r) => !(r.code === 'ON' || r.code.startsWith('ON-'))).map((r) => r.code);
const region = () => (random() < 0.7 ? pick(ontario) : pick(elsewhere));
const MODES = [['ONLINE'], ['IN_PERSON'], ['HYBRID'], ['ONLINE', 'HYBRID'], ['IN_PERSON', 'HYBRID'], ['ONLINE', 'IN_PERSON', 'HYBRID']];
const STAGES = ['ENTRY', 'MID_CAREER', 'SENIOR', 'NEW_TO_SECTOR'];
const SECTORS = ['212', '2211', '236', '311', '3254', '336', '4841', '5112', '5182', '5415', '6211', '6221', '7225'];

async function insert(table, columns, types, rows) {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const arrays = columns.map((_c, j) => chunk.map((row) => row[j]));
    // Arrays of arrays travel as JSON text and are unpacked per row.
    const select = types.map((t, j) => (t.endsWith('[]') ? `ARRAY(SELECT jsonb_array_elements_text(c${j}::jsonb))::${t}` : `c${j}`)).join(', ');
    const unnest = types.map((t, j) => (t.endsWith('[]') ? `$${j + 1}::text[]` : `$${j + 1}::${t}[]`)).join(', ');
    await q(
      `INSERT INTO marketplace.${table} (${columns.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS u(${columns.map((_c, j) => `c${j}`).join(', ')})`,
      arrays.map((values, j) => (types[j].endsWith('[]') ? values.map((v) => JSON.stringify(v)) : values)),
    );
  }
}

const employers = Array.from({ length: opts.employers || Math.max(50, Math.round(opts.needs / 40)) }, () => ({ id: randomUUID(), sector: pick(SECTORS), region: region() }));
const institutions = Array.from({ length: opts.institutions }, () => {
  const r = random();
  return { id: randomUUID(), size: r < 0.4 ? 'SMALL' : r < 0.75 ? 'MEDIUM' : 'LARGE', region: region() };
});
await insert(
  'organizations',
  ['id', 'name', 'kind', 'size', 'region', 'sector', 'verified'],
  ['uuid', 'text', 'text', 'text', 'text', 'text', 'bool'],
  [
    ...employers.map((e, i) => [e.id, `Bench Employer ${i}`, 'EMPLOYER', pick(['SMALL', 'MEDIUM', 'LARGE']), e.region, e.sector, true]),
    ...institutions.map((o, i) => [o.id, `Bench Institution ${i}`, 'INSTITUTION', o.size, o.region, null, true]),
  ],
);

// Profiles: small institutions teach fewer skills and serve their own region; large ones more.
const profiles = [];
const profileSkills = [];
for (const institution of institutions) {
  const count = institution.size === 'SMALL' ? between(5, 12) : institution.size === 'MEDIUM' ? between(10, 25) : between(20, 40);
  const taught = new Set();
  while (taught.size < count) taught.add(skills[popularSkill()]);
  const served = institution.size === 'LARGE' && random() < 0.5 ? [regionAndAncestors(institution.region).at(-1)] : [institution.region];
  const cover = [...new Set(served.flatMap((r) => regionAndDescendants(r)))];
  const capacity = institution.size === 'SMALL' ? between(10, 60) : institution.size === 'MEDIUM' ? between(40, 250) : between(150, 1200);
  profiles.push([institution.id, served, cover, pick(MODES), capacity, institution.id]);
  for (const skillId of taught) profileSkills.push([institution.id, skillId, between(1, 4)]);
}
await insert('capability_profiles', ['organization_id', 'regions', 'region_cover', 'delivery_modes', 'annual_capacity', 'updated_by'], ['uuid', 'text[]', 'text[]', 'text[]', 'int', 'uuid'], profiles);
await insert('profile_skills', ['organization_id', 'skill_id', 'level'], ['uuid', 'uuid', 'smallint'], profileSkills);
await q(`INSERT INTO marketplace.profile_groups (organization_id, group_id)
         SELECT DISTINCT ps.organization_id, sg.group_id FROM marketplace.profile_skills ps
           JOIN marketplace.skill_groups sg ON sg.skill_id = ps.skill_id AND sg.level >= 2`); // as UpsertCapabilityProfileUseCase
console.log(`  ${institutions.length} institutions, ${profileSkills.length} taught skills (${Math.round((Date.now() - started) / 1000)} s)`);

const now = Date.now();
for (let done = 0; done < opts.needs; done += 20_000) {
  const needs = [];
  const needSkills = [];
  for (let i = done; i < Math.min(opts.needs, done + 20_000); i++) {
    const employer = pick(employers);
    const id = randomUUID();
    const needRegion = random() < 0.6 ? employer.region : region();
    const created = new Date(now - between(0, 730) * 86_400_000);
    needs.push([id, employer.id, `Bench need ${i}`, needRegion, regionAndAncestors(needRegion), employer.sector, pick(MODES), between(5, 200), pick(STAGES),
      new Date(now + between(-30, 400) * 86_400_000).toISOString().slice(0, 10), random() < 0.9 ? 'OPEN' : 'CLOSED', employer.id, created.toISOString()]);
    const wanted = new Set();
    const count = between(1, 5);
    while (wanted.size < count) wanted.add(skills[popularSkill()]);
    for (const skillId of wanted) needSkills.push([id, skillId, between(1, 4)]);
  }
  await insert('skill_needs', ['id', 'organization_id', 'title', 'region', 'region_within', 'sector', 'delivery_modes', 'learner_count', 'career_stage', 'needed_by', 'status', 'created_by', 'created_at'],
    ['uuid', 'uuid', 'text', 'text', 'text[]', 'text', 'text[]', 'int', 'text', 'date', 'text', 'uuid', 'timestamptz'], needs);
  await insert('need_skills', ['need_id', 'skill_id', 'level'], ['uuid', 'uuid', 'smallint'], needSkills);
  process.stdout.write(`  ${Math.min(opts.needs, done + 20_000)} needs\r`);
}
await q('ANALYZE');
await client.end();
console.log(`\nseeded in ${Math.round((Date.now() - started) / 1000)} s`);
