// The demand rollup against the needs themselves: after random posts, edits, skill changes,
// closes, reopenings and deletions, and institutions gaining and losing skills, the demand map read
// from the rollup (and from the market-wide totals, with supply by sector kept by triggers) equals
// the one read from the needs for every grouping and filter, the rollup, totals and sector supply
// equal their rebuild from scratch, and a cell's count equals the needs a drill-through lists. Its
// own database.
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDataSource } from '@lattice/shared-data-access';
import { recreateDatabase, testDatabaseUrl } from '@lattice/shared-testing';
import { regionAndAncestors, regionAndDescendants } from '@lattice/shared-util-regions';
import {
  type DemandGroupBy,
  marketplaceDataSource,
  MarketplaceRepository,
} from '@lattice/marketplace-data-access';
import { ImportSkillTaxonomyUseCase } from '../import-skill-taxonomy/import-skill-taxonomy.use-case';

const ROOT = join(__dirname, '../../../../../..');
const REGIONS = ['ON', 'ON-Northeast', 'ON-Sudbury', 'ON-Toronto', 'QC', 'BC'];
const SECTORS = ['212', '2123', '5415', '54', null];

function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    next,
  };
}
const uuid = (n: number, kind: number) =>
  `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

describe('demand rollup = demand from the needs (integration)', () => {
  let dataSource: DataSource;
  let repository: MarketplaceRepository;
  let skills: string[];
  const random = prng(41);
  const employer = uuid(1, 1);
  const needIds: string[] = [];
  const institutions = [1, 2, 3, 4, 5, 6].map((n) => uuid(n, 2));
  let posted = 0;

  beforeAll(async () => {
    const url = testDatabaseUrl('demand');
    await recreateDatabase(url);
    dataSource = await openDataSource(marketplaceDataSource(url, 4));
    repository = new MarketplaceRepository(dataSource);
    await new ImportSkillTaxonomyUseCase(dataSource).execute(join(ROOT, 'data/esco'));
    // Skills that share groups, so a need can hold two skills of one group.
    const rows: Array<{ skills: string[] }> = await dataSource.query(
      `SELECT array_agg(sg."skill_id" ORDER BY sg."skill_id") AS "skills" FROM "marketplace"."skill_groups" sg
        WHERE sg."nearest" GROUP BY sg."group_id" HAVING count(*) BETWEEN 3 AND 20 ORDER BY sg."group_id" LIMIT 3`,
    );
    skills = [...new Set(rows.flatMap((r) => r.skills.slice(0, 4)))];
    await dataSource.query(
      `INSERT INTO "marketplace"."organizations" ("id", "name", "kind", "size") VALUES ($1, 'Employer', 'EMPLOYER', 'LARGE')`,
      [employer],
    );
    for (const [index, institution] of institutions.entries()) {
      const region = REGIONS[index % REGIONS.length]!;
      await dataSource.query(
        `INSERT INTO "marketplace"."organizations" ("id", "name", "kind", "size") VALUES ($1, 'College', 'INSTITUTION', 'SMALL')`,
        [institution],
      );
      await dataSource.query(
        `INSERT INTO "marketplace"."capability_profiles" ("organization_id", "regions", "region_cover", "delivery_modes", "annual_capacity", "updated_by")
         VALUES ($1, $2, $3, '{ONLINE}', $4, $1)`,
        [institution, [region], regionAndDescendants(region), 10 * (index + 1)],
      );
    }
  }, 120_000);

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const someSkills = () => [...new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(skills)))];

  async function post(): Promise<void> {
    const id = uuid(++posted, 3);
    const region = random.pick(REGIONS);
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "marketplace"."skill_needs" ("id", "organization_id", "title", "region", "region_within", "sector", "delivery_modes", "learner_count", "career_stage", "created_by")
         VALUES ($1, $2, 'Need', $3, $4, $5, '{ONLINE}', $6, 'ENTRY', $2)`,
        [id, employer, region, regionAndAncestors(region), random.pick(SECTORS), random.int(1, 300)],
      );
      await manager.query(
        `INSERT INTO "marketplace"."need_skills" SELECT $1, s, 2 FROM unnest($2::uuid[]) s`,
        [id, someSkills()],
      );
    });
    needIds.push(id);
  }

  async function write(): Promise<void> {
    const id = random.pick(needIds);
    switch (random.int(0, 12)) {
      case 0:
        await post();
        break;
      case 1: {
        const region = random.pick(REGIONS);
        await dataSource.query(
          `UPDATE "marketplace"."skill_needs" SET "region" = $2, "region_within" = $3, "sector" = $4, "learner_count" = $5 WHERE "id" = $1`,
          [id, region, regionAndAncestors(region), random.pick(SECTORS), random.int(1, 300)],
        );
        break;
      }
      case 2:
        await dataSource.query(
          `UPDATE "marketplace"."skill_needs" SET "status" = CASE "status" WHEN 'OPEN' THEN 'CLOSED' ELSE 'OPEN' END WHERE "id" = $1`,
          [id],
        );
        break;
      case 3: // skills replaced in one transaction, as updateSkillNeed does
        await dataSource.transaction(async (manager) => {
          await manager.query(`DELETE FROM "marketplace"."need_skills" WHERE "need_id" = $1`, [id]);
          await manager.query(
            `INSERT INTO "marketplace"."need_skills" SELECT $1, s, 3 FROM unnest($2::uuid[]) s`,
            [id, someSkills()],
          );
        });
        break;
      case 4: // one skill added, if missing
        await dataSource.query(
          `INSERT INTO "marketplace"."need_skills" VALUES ($1, $2, 1) ON CONFLICT DO NOTHING`,
          [id, random.pick(skills)],
        );
        break;
      case 5: // one skill swapped for another in place
        await dataSource.query(
          `UPDATE "marketplace"."need_skills" SET "skill_id" = $2 WHERE ("need_id", "skill_id") = (SELECT "need_id", "skill_id" FROM "marketplace"."need_skills" WHERE "need_id" = $1 LIMIT 1)
             AND NOT EXISTS (SELECT 1 FROM "marketplace"."need_skills" WHERE "need_id" = $1 AND "skill_id" = $2)`,
          [id, random.pick(skills)],
        );
        break;
      case 7: // an institution gains a skill, if missing
        await dataSource.query(
          `INSERT INTO "marketplace"."profile_skills" SELECT $1, $2, 2 WHERE EXISTS (SELECT 1 FROM "marketplace"."capability_profiles" WHERE "organization_id" = $1)
           ON CONFLICT DO NOTHING`,
          [random.pick(institutions), random.pick(skills)],
        );
        break;
      case 8: // an institution's skills replaced in one transaction, as upsertCapabilityProfile does
        await dataSource.transaction(async (manager) => {
          const institution = random.pick(institutions);
          await manager.query(`DELETE FROM "marketplace"."profile_skills" WHERE "organization_id" = $1`, [
            institution,
          ]);
          await manager.query(
            `INSERT INTO "marketplace"."profile_skills" SELECT $1, s, 2 FROM unnest($2::uuid[]) s
              WHERE EXISTS (SELECT 1 FROM "marketplace"."capability_profiles" WHERE "organization_id" = $1)`,
            [institution, someSkills()],
          );
        });
        break;
      case 9: // one of an institution's skills swapped for another in place
        await dataSource.query(
          `UPDATE "marketplace"."profile_skills" SET "skill_id" = $2
            WHERE ("organization_id", "skill_id") = (SELECT "organization_id", "skill_id" FROM "marketplace"."profile_skills" WHERE "organization_id" = $1 LIMIT 1)
              AND NOT EXISTS (SELECT 1 FROM "marketplace"."profile_skills" WHERE "organization_id" = $1 AND "skill_id" = $2)`,
          [random.pick(institutions), random.pick(skills)],
        );
        break;
      case 10: // an institution's capacity changes
        await dataSource.query(
          `UPDATE "marketplace"."capability_profiles" SET "annual_capacity" = $2 WHERE "organization_id" = $1`,
          [random.pick(institutions), random.int(0, 500)],
        );
        break;
      case 12: {
        // an institution serves another region
        const region = random.pick(REGIONS);
        await dataSource.query(
          `UPDATE "marketplace"."capability_profiles" SET "regions" = $2, "region_cover" = $3 WHERE "organization_id" = $1`,
          [random.pick(institutions), [region], regionAndDescendants(region)],
        );
        break;
      }
      case 11: // a profile deleted outright (its skills cascade), then described again
        await dataSource.transaction(async (manager) => {
          const institution = random.pick(institutions);
          const [profile] = await manager.query(
            `DELETE FROM "marketplace"."capability_profiles" WHERE "organization_id" = $1 RETURNING *`,
            [institution],
          );
          if (random.int(0, 2) === 0) return; // stays without a profile until it is described again
          await manager.query(
            `INSERT INTO "marketplace"."capability_profiles" ("organization_id", "regions", "region_cover", "delivery_modes", "annual_capacity", "updated_by")
             VALUES ($1, $2, $3, '{ONLINE}', $4, $1)`,
            [
              institution,
              profile?.regions ?? ['ON'],
              profile?.region_cover ?? regionAndDescendants('ON'),
              random.int(0, 500),
            ],
          );
          await manager.query(
            `INSERT INTO "marketplace"."profile_skills" SELECT $1, s, 2 FROM unnest($2::uuid[]) s`,
            [institution, someSkills()],
          );
        });
        break;
      case 6: // a need deleted outright (its skills cascade)
        if (needIds.length > 5) {
          await dataSource.query(`DELETE FROM "marketplace"."skill_needs" WHERE "id" = $1`, [id]);
          needIds.splice(needIds.indexOf(id), 1);
        }
        break;
    }
  }

  async function compare(): Promise<void> {
    const filters = [
      {},
      { regions: regionAndDescendants('ON') },
      { sector: '21' },
      { regions: ['BC'], sector: '5415' },
    ];
    for (const groupBy of ['REGION', 'SECTOR', 'SKILL', 'SKILL_GROUP'] as DemandGroupBy[]) {
      for (const groupLevel of groupBy === 'SKILL_GROUP' ? [1, 2, 3] : [1]) {
        for (const filter of filters) {
          // A short page too: supply is counted for the page's cells only.
          for (const limit of [500, 3]) {
            const query = { groupBy, groupLevel, limit, ...filter };
            expect(await repository.demand(query)).toEqual(
              await repository.demand({ ...query, source: 'needs' }),
            );
          }
        }
      }
    }
  }

  const rollupRows = async () => ({
    rollup: await dataSource.query(
      `SELECT * FROM "marketplace"."demand_rollup" WHERE "needs" <> 0 OR "learners" <> 0 ORDER BY 1, 2, 3, 4, 5`,
    ),
    totals: await dataSource.query(
      `SELECT * FROM "marketplace"."demand_totals" WHERE "needs" <> 0 OR "learners" <> 0 ORDER BY 1, 2, 3, 4`,
    ),
    sectorSupply: await dataSource.query(`SELECT * FROM "marketplace"."demand_sector_supply" ORDER BY 1, 2`),
    supplyTotals: await dataSource.query(`SELECT * FROM "marketplace"."supply_totals" ORDER BY 1, 2`),
  });

  it('answers like the needs after every write, and equals its rebuild', async () => {
    for (let n = 1; n <= 20; n++) await post();
    await compare();
    for (let step = 0; step < 90; step++) {
      await write();
      if (step % 6 === 5) await compare();
    }
    await compare();
    const maintained = await rollupRows();
    expect(maintained.rollup.length).toBeGreaterThan(0);
    expect(maintained.totals.length).toBeGreaterThan(0);
    expect(maintained.sectorSupply.length).toBeGreaterThan(0);
    expect(maintained.supplyTotals.length).toBeGreaterThan(0);
    // Supply is part of what was compared: some cell has some (groups: profile_groups are written
    // by upsertCapabilityProfile, not here).
    for (const groupBy of ['REGION', 'SECTOR', 'SKILL'] as DemandGroupBy[]) {
      const cells = await repository.demand({ groupBy, groupLevel: 1, limit: 500 });
      expect([groupBy, cells.some((cell) => cell.supply > 0)]).toEqual([groupBy, true]);
    }
    await repository.rebuildDemandRollup();
    expect(await rollupRows()).toEqual(maintained);
  }, 300_000);

  it('counts in each region and skill cell exactly the open needs a drill-through lists there', async () => {
    for (const cell of await repository.demand({ groupBy: 'REGION', groupLevel: 1, limit: 500 })) {
      expect((await repository.listNeeds({ regions: [cell.key], status: 'OPEN' }, 500, null)).total).toBe(
        cell.needs,
      );
    }
    for (const cell of await repository.demand({ groupBy: 'SKILL', groupLevel: 1, limit: 500 })) {
      expect((await repository.listNeeds({ skillId: cell.key, status: 'OPEN' }, 500, null)).total).toBe(
        cell.needs,
      );
    }
  });
});
