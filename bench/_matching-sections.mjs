// Sections of the matching bench beyond ranking throughput: demandMap, skill search, exposure.
// Each takes the bench's context and returns figures merged into the results; `targets` and
// `report` turn them into table rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lib, ROOT } from './_common.mjs';

const { DEFAULT_MATCH_WEIGHTS, skillCoverage } = lib('libs/marketplace/domain/src/index.js');
const { regionAndDescendants } = lib('libs/shared/util-regions/src/index.js');
const pct = (x) => `${Math.round(x * 1000) / 10}%`;

async function demandMap({ request, token, load }) {
  const demand = {};
  for (const groupBy of ['REGION', 'SECTOR', 'SKILL', 'SKILL_GROUP']) {
    const times = [];
    for (let i = 0; i < 20; i++) {
      const t = process.hrtime.bigint();
      await request(`{ demandMap(groupBy: ${groupBy}) { key needs learners supply gap } }`, {}, token);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    demand[groupBy] = {
      p50: times[Math.floor(times.length / 2)],
      p95: times[Math.floor(times.length * 0.95)],
      load: load(),
    };
  }
  return { demand };
}

async function exposure({ opts, db, repository, load }) {
  const { rows: sample } = await db.query(
    `SELECT id, region FROM marketplace.skill_needs WHERE status = 'OPEN' ORDER BY md5(id::text) LIMIT $1`,
    [opts.needsSampled],
  );
  const result = {};
  for (const [label, weights] of [
    ['without', { ...DEFAULT_MATCH_WEIGHTS, smallInstitution: 0, exposureFloor: 0 }],
    ['with', DEFAULT_MATCH_WEIGHTS],
  ]) {
    let smallTop = 0,
      top = 0,
      coverage = 0,
      smallCapable = 0,
      capable = 0,
      target = 0;
    for (const n of sample) {
      const rows = await repository.rankInstitutions(n.id, regionAndDescendants(n.region), weights, 100_000);
      const facts = rows.map((r) => ({
        small: r.small,
        coverage: skillCoverage({
          neededSkills: Number(r.neededSkills),
          exactCredit: Number(r.exactCredit),
          relatedSkills: Number(r.relatedSkills),
        }),
      }));
      const capableSmall = (f) => f.small && f.coverage >= DEFAULT_MATCH_WEIGHTS.capableCoverage;
      const able = facts.filter((f) => f.coverage >= DEFAULT_MATCH_WEIGHTS.capableCoverage);
      const first = facts.slice(0, 10);
      capable += able.length;
      smallCapable += able.filter(capableSmall).length;
      // Parity for this need: capable small institutions' share of its capable ones, over its first places.
      target += able.length ? (first.length * able.filter(capableSmall).length) / able.length : 0;
      for (const f of first) {
        top++;
        if (capableSmall(f)) smallTop++;
        coverage += f.coverage;
      }
    }
    result[label] = {
      smallTopShare: smallTop / Math.max(1, top),
      parityShare: target / Math.max(1, top),
      smallCapableShare: smallCapable / Math.max(1, capable),
      meanTopCoverage: coverage / Math.max(1, top),
      load: load(),
    };
  }
  return { exposure: result };
}

// Today's search before the forgiving one (pg_trgm word similarity over all labels), for the figures beside it.
const TRIGRAM_SEARCH = `SELECT s.id FROM marketplace.skills s
  WHERE s.kind <> 'SKILL_GROUP' AND ($1 <% s.search_text OR s.search_text ILIKE $2)
  ORDER BY round((0.6 * word_similarity($1, s.search_text) + 0.4 * similarity($1, s.label_en))::numeric, 6)::float8 DESC, s.id DESC LIMIT 5`;

async function search({ db, request, load }) {
  const entries = JSON.parse(readFileSync(join(ROOT, 'bench/search-eval.json'), 'utf8'));
  const kinds = {};
  const times = [];
  for (const entry of entries) {
    const kind = (kinds[entry.kind] ??= { n: 0, now: 0, before: 0 });
    kind.n++;
    const t = process.hrtime.bigint();
    const data = await request(
      'query($s: String) { skills(search: $s, first: 5) { edges { node { id } } } }',
      { s: entry.query },
    );
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (data.skills.edges.some((e) => e.node.id === entry.skillId)) kind.now++;
    const q = entry.query.trim().toLowerCase();
    const before = await db.query(TRIGRAM_SEARCH, [q, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
    if (before.rows.some((r) => r.id === entry.skillId)) kind.before++;
  }
  times.sort((a, b) => a - b);
  const skills = (
    await db.query(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM marketplace.skill_vocabulary) AS words FROM marketplace.skills`,
    )
  ).rows[0];
  return {
    search: {
      kinds,
      queries: entries.length,
      p50: times[Math.floor(times.length / 2)],
      p95: times[Math.floor(times.length * 0.95)],
      skills,
      load: load(),
    },
  };
}

export const all = [demandMap, search, exposure];

export function targets(r) {
  const recall = (kind) => r.search.kinds[kind].now / r.search.kinds[kind].n;
  return [
    [
      'capable small institutions: share of top-10 slots within ±10% (relative) of their share of the capable (per need)',
      `${pct(r.exposure.with.smallTopShare)} vs ${pct(r.exposure.with.parityShare)}`,
      Math.abs(r.exposure.with.smallTopShare - r.exposure.with.parityShare) <=
        0.1 * r.exposure.with.parityShare,
    ],
    [
      'mean skill coverage of the top 10 within 3% of the unadjusted ranking',
      `${r.exposure.with.meanTopCoverage.toFixed(3)} vs ${r.exposure.without.meanTopCoverage.toFixed(3)}`,
      r.exposure.with.meanTopCoverage >= 0.97 * r.exposure.without.meanTopCoverage,
    ],
    ['search recall@5, one edit ≥ 0.97', recall('one edit').toFixed(3), recall('one edit') >= 0.97],
    ['search recall@5, two edits ≥ 0.90', recall('two edits').toFixed(3), recall('two edits') >= 0.9],
    [
      `search p95 ≤ 30 ms through the gateway, one client (${r.search.skills.n} skills, ${r.search.skills.words} words)`,
      `${r.search.p95.toFixed(1)} ms`,
      r.search.p95 <= 30,
    ],
    [
      'demandMap over 1M needs p95 ≤ 200 ms, one client (worst grouping)',
      `${Math.max(...Object.values(r.demand).map((d) => d.p95)).toFixed(0)} ms`,
      Math.max(...Object.values(r.demand).map((d) => d.p95)) <= 200,
    ],
  ];
}

export function report(r) {
  return `Skill search, ${r.search.queries} generated misspellings (bench/search-eval.json), first 5 results through the gateway (load ${r.search.load}):

| kind | queries | recall@5 now | recall@5 before (pg_trgm word similarity) |
|---|---|---|---|
${Object.entries(r.search.kinds)
  .map(([kind, k]) => `| ${kind} | ${k.n} | ${(k.now / k.n).toFixed(3)} | ${(k.before / k.n).toFixed(3)} |`)
  .join('\n')}

Latency through the gateway, one client: p50 ${r.search.p50.toFixed(1)} ms, p95 ${r.search.p95.toFixed(1)} ms.

demandMap, one client, 20 requests per grouping:

| grouping | p50 ms | p95 ms | load |
|---|---|---|---|
${Object.entries(r.demand)
  .map(([g, d]) => `| ${g} | ${d.p50.toFixed(0)} | ${d.p95.toFixed(0)} | ${d.load} |`)
  .join('\n')}

Exposure (${r.exposure.with.sampled ?? 'sampled'} open needs; "capable" = skill coverage ≥ ${DEFAULT_MATCH_WEIGHTS.capableCoverage}; parity = each need's share of capable small institutions among its capable ones, over its first places):

| ranking | capable small share of top-10 slots | parity share | capable small share of all capable (pooled) | mean skill coverage of the top 10 | load |
|---|---|---|---|---|---|
| unadjusted | ${pct(r.exposure.without.smallTopShare)} | ${pct(r.exposure.without.parityShare)} | ${pct(r.exposure.without.smallCapableShare)} | ${r.exposure.without.meanTopCoverage.toFixed(3)} | ${r.exposure.without.load} |
| calibrated exposure (cap ${DEFAULT_MATCH_WEIGHTS.smallInstitution}, floor ${DEFAULT_MATCH_WEIGHTS.exposureFloor}) | ${pct(r.exposure.with.smallTopShare)} | ${pct(r.exposure.with.parityShare)} | ${pct(r.exposure.with.smallCapableShare)} | ${r.exposure.with.meanTopCoverage.toFixed(3)} | ${r.exposure.with.load} |`;
}
