// Differential test of the served ranking (match cache + exact recompute) against the reference
// (the ranking SQL run afresh, today's ranking) on generated adversarial markets: ties, nested
// regions, related-only candidates, zero capacities, closed needs, and a random sequence of
// writes — profiles replaced, regions withdrawn, sizes changed, needs edited and closed — each
// followed by a comparison of both directions. Its own database, so no other suite writes between
// the two reads.
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDataSource } from '@lattice/shared-data-access';
import { recreateDatabase, testDatabaseUrl } from '@lattice/shared-testing';
import { regionAndAncestors, regionAndDescendants } from '@lattice/shared-util-regions';
import {
  CapabilityProfileEntity,
  marketplaceDataSource,
  MarketplaceRepository,
} from '@lattice/marketplace-data-access';
import { DEFAULT_MATCH_WEIGHTS, RELATED_GROUP_MIN_LEVEL } from '@lattice/marketplace-domain';
import { ImportSkillTaxonomyUseCase } from '../import-skill-taxonomy/import-skill-taxonomy.use-case';
import { MatchNeedsUseCase } from '../match-needs/match-needs.use-case';
import type { MarketplaceOptions } from '../shared/marketplace.options';
import { MAX_MATCHES, MatchPartnersUseCase } from './match-partners.use-case';

const ROOT = join(__dirname, '../../../../../..');
const REGIONS = ['ON', 'ON-Northeast', 'ON-Sudbury', 'ON-Toronto', 'QC', 'QC-Montreal', 'BC'];
const MODES = [['ONLINE'], ['IN_PERSON'], ['HYBRID'], ['ONLINE', 'HYBRID']];

function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    some: <T>(list: readonly T[], n: number): T[] => [...list].sort(() => next() - 0.5).slice(0, n),
  };
}
const uuid = (n: number, kind: number) =>
  `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

describe('ranking: served = reference on adversarial markets (integration)', () => {
  let dataSource: DataSource;
  let repository: MarketplaceRepository;
  let partners: MatchPartnersUseCase;
  let needs: MatchNeedsUseCase;
  let skills: string[];
  const options: MarketplaceOptions = { identityUrl: 'http://127.0.0.1:9', weights: DEFAULT_MATCH_WEIGHTS };
  const random = prng(20261204);
  const institutions: string[] = [];
  const needIds: string[] = [];
  const employer = uuid(1, 1);

  beforeAll(async () => {
    const url = testDatabaseUrl('ranking');
    await recreateDatabase(url);
    dataSource = await openDataSource(marketplaceDataSource(url, 4));
    repository = new MarketplaceRepository(dataSource);
    await new ImportSkillTaxonomyUseCase(dataSource).execute(join(ROOT, 'data/esco'));
    partners = new MatchPartnersUseCase(repository, options);
    needs = new MatchNeedsUseCase(dataSource, repository, options);
    // A few ESCO groups with several skills each: exact, related-only and unrelated candidates.
    const groups: Array<{ skills: string[] }> = await dataSource.query(
      `SELECT array_agg(sg."skill_id" ORDER BY sg."skill_id") AS "skills" FROM "marketplace"."skill_groups" sg
        WHERE sg."nearest" GROUP BY sg."group_id" HAVING count(*) BETWEEN 4 AND 30 ORDER BY sg."group_id" LIMIT 4`,
    );
    skills = [...new Set(groups.flatMap((g) => g.skills.slice(0, 5)))];
    expect(skills.length).toBeGreaterThanOrEqual(12);
    await dataSource.query(
      `INSERT INTO "marketplace"."organizations" ("id", "name", "kind", "size") VALUES ($1, 'Employer', 'EMPLOYER', 'LARGE')`,
      [employer],
    );
    for (let i = 0; i < 40; i++) {
      const id = uuid(i + 1, 2);
      institutions.push(id);
      await dataSource.query(
        `INSERT INTO "marketplace"."organizations" ("id", "name", "kind", "size") VALUES ($1, $2, 'INSTITUTION', $3)`,
        [id, `Institution ${i}`, random.pick(['SMALL', 'SMALL', 'MEDIUM', 'LARGE'])],
      );
      // Every fourth institution is a twin of the one before: exact ties, broken by id.
      if (i % 4 === 3) await copyProfile(institutions[i - 1]!, id);
      else await setProfile(id);
    }
    for (let i = 0; i < 25; i++) {
      const id = uuid(i + 1, 3);
      needIds.push(id);
      await setNeed(id, true);
    }
  }, 120_000);

  afterAll(async () => {
    await dataSource?.destroy();
  });

  async function setProfile(id: string, regions = random.some(REGIONS, random.int(1, 2))): Promise<void> {
    const taught = random.some(skills, random.int(1, 6)).map((skill) => [skill, random.int(1, 4)] as const);
    const cover = [...new Set(regions.flatMap((r) => regionAndDescendants(r)))];
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "marketplace"."capability_profiles" ("organization_id", "regions", "region_cover", "delivery_modes", "annual_capacity", "updated_by")
         VALUES ($1, $2, $3, $4, $5, $1) ON CONFLICT ("organization_id") DO UPDATE SET "regions" = EXCLUDED."regions", "region_cover" = EXCLUDED."region_cover",
           "delivery_modes" = EXCLUDED."delivery_modes", "annual_capacity" = EXCLUDED."annual_capacity", "version" = "capability_profiles"."version" + 1`,
        [id, regions, cover, random.pick(MODES), random.pick([0, 10, 50, 400])],
      );
      await manager.query(`DELETE FROM "marketplace"."profile_skills" WHERE "organization_id" = $1`, [id]);
      await manager.query(
        `INSERT INTO "marketplace"."profile_skills" SELECT $1, s, l FROM unnest($2::uuid[], $3::smallint[]) AS x(s, l)`,
        [id, taught.map(([s]) => s), taught.map(([, l]) => l)],
      );
      await resetGroups(manager, id);
    });
  }

  async function resetGroups(manager: { query: DataSource['query'] }, id: string): Promise<void> {
    await manager.query(`DELETE FROM "marketplace"."profile_groups" WHERE "organization_id" = $1`, [id]);
    await manager.query(
      `INSERT INTO "marketplace"."profile_groups" SELECT DISTINCT ps."organization_id", sg."group_id" FROM "marketplace"."profile_skills" ps
         JOIN "marketplace"."skill_groups" sg ON sg."skill_id" = ps."skill_id" AND sg."level" >= $2 WHERE ps."organization_id" = $1`,
      [id, RELATED_GROUP_MIN_LEVEL],
    );
  }

  async function copyProfile(from: string, to: string): Promise<void> {
    await dataSource.query(
      `INSERT INTO "marketplace"."capability_profiles" ("organization_id", "regions", "region_cover", "delivery_modes", "annual_capacity", "updated_by")
       SELECT $2, "regions", "region_cover", "delivery_modes", "annual_capacity", $2 FROM "marketplace"."capability_profiles" WHERE "organization_id" = $1`,
      [from, to],
    );
    await dataSource.query(
      `INSERT INTO "marketplace"."profile_skills" SELECT $2, "skill_id", "level" FROM "marketplace"."profile_skills" WHERE "organization_id" = $1`,
      [from, to],
    );
    await resetGroups(dataSource, to);
    await dataSource.query(
      `UPDATE "marketplace"."organizations" SET "size" = (SELECT "size" FROM "marketplace"."organizations" WHERE "id" = $1) WHERE "id" = $2`,
      [from, to],
    );
  }

  async function setNeed(id: string, fresh: boolean): Promise<void> {
    const region = random.pick(REGIONS);
    const wanted = random.some(skills, random.int(1, 5));
    await dataSource.transaction(async (manager) => {
      if (fresh) {
        await manager.query(
          `INSERT INTO "marketplace"."skill_needs" ("id", "organization_id", "title", "region", "region_within", "delivery_modes", "learner_count", "career_stage", "needed_by", "created_by")
           VALUES ($1, $2, 'Need', $3, $4, $5, $6, 'ENTRY', current_date + $7::int, $2)`,
          [
            id,
            employer,
            region,
            regionAndAncestors(region),
            random.pick(MODES),
            random.pick([1, 20, 50, 500]),
            random.int(-10, 300),
          ],
        );
      } else {
        await manager.query(
          `UPDATE "marketplace"."skill_needs" SET "region" = $2, "region_within" = $3, "learner_count" = $4, "version" = "version" + 1 WHERE "id" = $1`,
          [id, region, regionAndAncestors(region), random.pick([1, 20, 50, 500])],
        );
        await manager.query(`DELETE FROM "marketplace"."need_skills" WHERE "need_id" = $1`, [id]);
      }
      await manager.query(
        `INSERT INTO "marketplace"."need_skills" SELECT $1, s, $3 FROM unnest($2::uuid[]) s`,
        [id, wanted, random.int(1, 4)],
      );
    });
  }

  const PAGES = [1, 10, 20, 21, 50, MAX_MATCHES];

  async function compare(sample: number): Promise<void> {
    for (const needId of random.some(needIds, sample)) {
      const [need] = await repository.needsByIds([needId]);
      if (need!.status !== 'OPEN') continue;
      // Pages within and beyond the cached head (20), at its edge and the maximum.
      const first = random.pick(PAGES);
      const served = await partners.execute(needId, first);
      const reference = await partners.rank(needId, need!.region, MAX_MATCHES);
      expect(served).toEqual(reference.slice(0, first));
    }
    for (const institutionId of random.some(institutions, sample)) {
      const profile = await dataSource
        .getRepository(CapabilityProfileEntity)
        .findOneBy({ organizationId: institutionId });
      if (!profile) continue;
      const first = random.pick(PAGES);
      const served = await needs.execute(institutionId, first);
      const reference = (await needs.rank(profile, MAX_MATCHES)).slice(0, first);
      expect(served).toEqual(reference);
      // Served again (now from the cache, one statement with its needs): the same page, and the
      // needs exactly as the need loader reads them.
      const withNeeds = await needs.executeWithNeeds(institutionId, first);
      expect(withNeeds.matches).toEqual(reference);
      expect(withNeeds.needs).not.toBeNull();
      const byId = (list: Array<{ id: string }>) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(withNeeds.needs ?? [])).toEqual(
        byId(await repository.needsByIds(reference.map((m) => m.candidateId))),
      );
    }
  }

  it('serves exactly the reference ranking through 30 random writes', async () => {
    await compare(Infinity);
    const hits = await dataSource.query(`SELECT count(*)::int AS n FROM "marketplace"."match_cache"`);
    expect(hits[0].n).toBeGreaterThan(0);
    for (let step = 0; step < 30; step++) {
      const institution = random.pick(institutions);
      const need = random.pick(needIds);
      switch (random.int(0, 7)) {
        case 0: // a profile replaced (skills, levels, regions, modes, capacity)
          await setProfile(institution);
          break;
        case 1: // a region withdrawn: the institution serves only one, far away
          await setProfile(institution, ['BC']);
          break;
        case 2: // the directory changes an institution's size
          await dataSource.query(
            `UPDATE "marketplace"."organizations" SET "size" = CASE "size" WHEN 'SMALL' THEN 'LARGE' ELSE 'SMALL' END WHERE "id" = $1`,
            [institution],
          );
          break;
        case 3: // a need edited
          await setNeed(need, false);
          break;
        case 4: // a need closed, or opened again
          await dataSource.query(
            `UPDATE "marketplace"."skill_needs" SET "status" = CASE "status" WHEN 'OPEN' THEN 'CLOSED' ELSE 'OPEN' END WHERE "id" = $1`,
            [need],
          );
          break;
        case 5: // one taught skill's level changed, nothing else
          await dataSource.query(
            `UPDATE "marketplace"."profile_skills" SET "level" = 1 + ("level" % 4) WHERE ("organization_id", "skill_id") = (SELECT "organization_id", "skill_id" FROM "marketplace"."profile_skills" WHERE "organization_id" = $1 LIMIT 1)`,
            [institution],
          );
          break;
        case 6: // a profile gone
          await dataSource.query(
            `DELETE FROM "marketplace"."capability_profiles" WHERE "organization_id" = $1`,
            [institution],
          );
          break;
        case 7: // what ranking does not read: a new title, the expiry notice, a profile's editor
          await dataSource.query(
            `UPDATE "marketplace"."skill_needs" SET "title" = "title" || '.', "expiry_notified_for" = current_date, "version" = "version" + 1 WHERE "id" = $1`,
            [need],
          );
          await dataSource.query(
            `UPDATE "marketplace"."capability_profiles" SET "updated_at" = now(), "version" = "version" + 1 WHERE "organization_id" = $1`,
            [institution],
          );
          break;
      }
      await compare(4);
    }
    await compare(Infinity);
  }, 900_000);

  it('never serves a ranking computed before a write that committed after it', async () => {
    const needId = needIds[0]!;
    await dataSource.query(`UPDATE "marketplace"."skill_needs" SET "status" = 'OPEN' WHERE "id" = $1`, [
      needId,
    ]);
    const [need] = await repository.needsByIds([needId]);
    const before = await partners.execute(needId, MAX_MATCHES);
    expect(before.length).toBeGreaterThan(0);
    const top = before[0]!.candidateId;
    // A write in flight while the ranking is recomputed: the ranking cannot see it, and must not outlive it.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(
      `UPDATE "marketplace"."capability_profiles" SET "regions" = '{BC}', "region_cover" = '{BC}', "annual_capacity" = 0 WHERE "organization_id" = $1`,
      [top],
    );
    await runner.query(`DELETE FROM "marketplace"."profile_skills" WHERE "organization_id" = $1`, [top]);
    await dataSource.query(`DELETE FROM "marketplace"."match_cache"`);
    const during = await partners.execute(needId, MAX_MATCHES);
    expect(during[0]!.candidateId).toBe(top);
    await runner.commitTransaction();
    await runner.release();
    const after = await partners.execute(needId, MAX_MATCHES);
    expect(after).toEqual(await partners.rank(needId, need!.region, MAX_MATCHES));
    expect(
      after.find((m) => m.candidateId === top)?.reasons.find((r) => r.kind === 'SKILL_OVERLAP')?.weight ?? 0,
    ).toBe(0);
  });

  it('keeps a cached ranking through writes that cannot change it, and drops it on one that can', async () => {
    const needId = needIds[2]!;
    await dataSource.query(`UPDATE "marketplace"."skill_needs" SET "status" = 'OPEN' WHERE "id" = $1`, [
      needId,
    ]);
    await partners.execute(needId, 10);
    const changes = async () =>
      (await dataSource.query(`SELECT count(*)::int AS n FROM "marketplace"."match_changes"`))[0].n as number;
    const cachedAt = async () =>
      (
        await dataSource.query(
          `SELECT "computed_at" FROM "marketplace"."match_cache" WHERE "kind" = 'P' AND "owner_id" = $1`,
          [needId],
        )
      )[0]?.computed_at as Date | undefined;
    const kept = await cachedAt();
    expect(kept).toBeDefined();
    const logged = await changes();
    await dataSource.query(
      `UPDATE "marketplace"."skill_needs" SET "title" = 'Renamed need', "description" = 'x', "expiry_notified_for" = current_date WHERE "id" = $1`,
      [needId],
    );
    await dataSource.query(
      `UPDATE "marketplace"."capability_profiles" SET "updated_at" = now(), "version" = "version" + 1 WHERE "organization_id" = ANY($1::uuid[])`,
      [institutions],
    );
    expect(await changes()).toBe(logged);
    await partners.execute(needId, 10);
    expect(await cachedAt()).toEqual(kept);
    // A column the ranking reads: logged, and the next request recomputes.
    await dataSource.query(
      `UPDATE "marketplace"."skill_needs" SET "learner_count" = "learner_count" + 1 WHERE "id" = $1`,
      [needId],
    );
    expect(await changes()).toBeGreaterThan(logged);
    await partners.execute(needId, 10);
    expect((await cachedAt())!.getTime()).toBeGreaterThan(kept!.getTime());
  });

  it('computes a cold ranking once for concurrent requests (no thundering herd)', async () => {
    const needId = needIds[3]!;
    await dataSource.query(`UPDATE "marketplace"."skill_needs" SET "status" = 'OPEN' WHERE "id" = $1`, [
      needId,
    ]);
    await dataSource.query(`DELETE FROM "marketplace"."match_cache" WHERE "owner_id" = $1`, [needId]);
    const rank = jest.spyOn(repository, 'rankInstitutions');
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => partners.execute(needId, 1 + i)));
      expect(rank).toHaveBeenCalledTimes(1);
      const full = await partners.execute(needId, MAX_MATCHES);
      answers.forEach((answer, i) => expect(answer).toEqual(full.slice(0, 1 + i)));
    } finally {
      rank.mockRestore();
    }
  });

  it('refuses closed needs and out-of-range pages with typed errors', async () => {
    const needId = needIds[1]!;
    await dataSource.query(`UPDATE "marketplace"."skill_needs" SET "status" = 'CLOSED' WHERE "id" = $1`, [
      needId,
    ]);
    await expect(partners.execute(needId, 10)).rejects.toMatchObject({ code: 'MARKETPLACE.NEED_CLOSED' });
    await expect(partners.execute(needIds[0]!, MAX_MATCHES + 1)).rejects.toMatchObject({
      code: 'MARKETPLACE.INVALID_INPUT',
    });
    await expect(partners.execute(uuid(999, 3), 10)).rejects.toMatchObject({
      code: 'MARKETPLACE.NEED_NOT_FOUND',
    });
    await expect(needs.execute(uuid(999, 2), 10)).rejects.toMatchObject({
      code: 'MARKETPLACE.PROFILE_NOT_FOUND',
    });
  });
  it("needMatches' perfect-needs shortcut answers exactly the whole-market ranking", async () => {
    // An institution teaching 13 skills at the top level across Ontario; 230 perfect needs of 1 to
    // 3 skills (low ids), near-perfect ones (one term short each), and, with the largest id, a
    // perfect need of all 13 skills — whose score is a unit in the last place higher (0.45 × 13 / 13)
    // and so ranks first although the shortcut's walk by id never reaches it.
    const taught: Array<{ id: string }> = await dataSource.query(
      `SELECT "id" FROM "marketplace"."skills" WHERE "kind" <> 'SKILL_GROUP' ORDER BY "id" LIMIT 13`,
    );
    const ids = taught.map((t) => t.id);
    const institution = uuid(500, 2);
    await dataSource.query(
      `INSERT INTO "marketplace"."organizations" ("id", "name", "kind", "size") VALUES ($1, 'Perfect', 'INSTITUTION', 'LARGE')`,
      [institution],
    );
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "marketplace"."capability_profiles" ("organization_id", "regions", "region_cover", "delivery_modes", "annual_capacity", "updated_by")
         VALUES ($1, '{ON}', $2, '{ONLINE,IN_PERSON}', 100, $1)`,
        [institution, regionAndDescendants('ON')],
      );
      await manager.query(
        `INSERT INTO "marketplace"."profile_skills" SELECT $1, s, 4 FROM unnest($2::uuid[]) s`,
        [institution, ids],
      );
      await resetGroups(manager, institution);
    });
    const need = async (
      n: number,
      wanted: string[],
      fields: { region?: string; modes?: string[]; learners?: number; days?: number | null } = {},
    ) => {
      const id = uuid(n, 9);
      const region = fields.region ?? 'ON-Toronto';
      await dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO "marketplace"."skill_needs" ("id", "organization_id", "title", "region", "region_within", "delivery_modes", "learner_count", "career_stage", "needed_by", "created_by")
           VALUES ($1, $2, 'Need', $3, $4, $5, $6, 'ENTRY', current_date + $7::int, $2)`,
          [
            id,
            employer,
            region,
            regionAndAncestors(region),
            fields.modes ?? ['ONLINE'],
            fields.learners ?? 20,
            fields.days === undefined ? 400 : fields.days,
          ],
        );
        await manager.query(
          `INSERT INTO "marketplace"."need_skills" SELECT $1, s, 2 FROM unnest($2::uuid[]) s`,
          [id, wanted],
        );
      });
    };
    for (let n = 1; n <= 230; n++) {
      const wanted = random.some(ids, random.int(1, 3));
      switch (n % 5) {
        case 1:
          await need(n, wanted, { region: 'QC' });
          break; // outside the cover
        case 2:
          await need(n, wanted, { modes: ['HYBRID'] });
          break; // no shared mode
        case 3:
          await need(n, wanted, { learners: 101 });
          break; // one learner too many
        default:
          await need(n, wanted, { days: random.pick([null, 400]) });
      }
    }
    const ancestors = regionAndAncestors('ON');
    // Fewer than a page of perfect needs (92): the shortcut declines.
    const before = repository.perfectPagesServed;
    expect(await repository.rankNeeds(institution, ancestors, DEFAULT_MATCH_WEIGHTS, 200)).toEqual(
      await repository.rankNeeds(institution, ancestors, DEFAULT_MATCH_WEIGHTS, 200, false),
    );
    expect(repository.perfectPagesServed).toBe(before);
    // A page of perfect needs within the walk (shortened to the first 200 needs by id, so the
    // 13-skill need lies beyond it): the shortcut answers, and must still find that need.
    await need(100_000, ids);
    repository.perfectWalk = 200;
    for (const first of [10, 50]) {
      const shortcut = await repository.rankNeeds(institution, ancestors, DEFAULT_MATCH_WEIGHTS, first);
      expect(repository.perfectPagesServed).toBeGreaterThan(before);
      expect(shortcut).toEqual(
        await repository.rankNeeds(institution, ancestors, DEFAULT_MATCH_WEIGHTS, first, false),
      );
      expect(shortcut[0]!.candidateId).toBe(uuid(100_000, 9));
    }
    expect(repository.perfectPagesServed).toBe(before + 2);
  });
});
