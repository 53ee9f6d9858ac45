// Sections of the matching bench beyond ranking throughput: demandMap, skill search, exposure.
// Each takes the bench's context and returns figures merged into the results; `targets` and
// `report` turn them into table rows.
import { lib } from './_common.mjs';

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
    ['without', { ...DEFAULT_MATCH_WEIGHTS, smallInstitution: 0 }],
    ['with', DEFAULT_MATCH_WEIGHTS],
  ]) {
    let smallTop = 0,
      top = 0,
      coverage = 0,
      smallCapable = 0,
      capable = 0;
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
      const able = facts.filter((f) => f.coverage >= DEFAULT_MATCH_WEIGHTS.capableCoverage);
      capable += able.length;
      smallCapable += able.filter((f) => f.small).length;
      for (const f of facts.slice(0, 10)) {
        top++;
        if (f.small) smallTop++;
        coverage += f.coverage;
      }
    }
    result[label] = {
      smallTopShare: smallTop / Math.max(1, top),
      smallCapableShare: smallCapable / Math.max(1, capable),
      meanTopCoverage: coverage / Math.max(1, top),
      load: load(),
    };
  }
  return { exposure: result };
}

export const all = [demandMap, exposure];

export function targets(r) {
  return [
    [
      'demandMap over 1M needs p95 ≤ 200 ms, one client (worst grouping)',
      `${Math.max(...Object.values(r.demand).map((d) => d.p95)).toFixed(0)} ms`,
      Math.max(...Object.values(r.demand).map((d) => d.p95)) <= 200,
    ],
  ];
}

export function report(r) {
  return `demandMap, one client, 20 requests per grouping:

| grouping | p50 ms | p95 ms | load |
|---|---|---|---|
${Object.entries(r.demand)
  .map(([g, d]) => `| ${g} | ${d.p50.toFixed(0)} | ${d.p95.toFixed(0)} | ${d.load} |`)
  .join('\n')}

Exposure (sampled open needs; "capable" = skill coverage ≥ ${DEFAULT_MATCH_WEIGHTS.capableCoverage}):

| | small share of top-10 slots | small share of capable institutions | mean skill coverage of the top 10 | load |
|---|---|---|---|---|
| without the term | ${pct(r.exposure.without.smallTopShare)} | ${pct(r.exposure.without.smallCapableShare)} | ${r.exposure.without.meanTopCoverage.toFixed(3)} | ${r.exposure.without.load} |
| with the term (+${DEFAULT_MATCH_WEIGHTS.smallInstitution}) | ${pct(r.exposure.with.smallTopShare)} | ${pct(r.exposure.with.smallCapableShare)} | ${r.exposure.with.meanTopCoverage.toFixed(3)} | ${r.exposure.with.load} |`;
}
