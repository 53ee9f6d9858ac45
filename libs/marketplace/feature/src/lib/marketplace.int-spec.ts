// Marketplace use cases against real Postgres with the real migrations and the bundled ESCO data:
// taxonomy import and search, needs, profiles, ranking (SQL score = domain score) and partnerships.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { Authorizer, MembershipSource, type Principal, type PrincipalMembership } from '@lattice/shared-auth';
import { openDataSource } from '@lattice/shared-data-access';
import { testDatabaseUrl } from '@lattice/shared-testing';
import { isAppError } from '@lattice/shared-util-errors';
import { marketplaceDataSource, MarketplaceRepository } from '@lattice/marketplace-data-access';
import { DEFAULT_MATCH_WEIGHTS, skillIdForUri } from '@lattice/marketplace-domain';
import { DemandMapUseCase } from './demand-map/demand-map.use-case';
import { ImportSkillTaxonomyUseCase } from './import-skill-taxonomy/import-skill-taxonomy.use-case';
import { ListSkillsUseCase } from './list-skills/list-skills.use-case';
import { MatchNeedsUseCase } from './match-needs/match-needs.use-case';
import { MatchPartnersUseCase } from './match-partners/match-partners.use-case';
import { PostSkillNeedUseCase, type PostSkillNeedCommand } from './post-skill-need/post-skill-need.use-case';
import { ProposePartnershipUseCase } from './propose-partnership/propose-partnership.use-case';
import { RespondToPartnershipUseCase } from './respond-to-partnership/respond-to-partnership.use-case';
import { OrganizationDirectory } from './shared/organization-directory';
import type { MarketplaceOptions } from './shared/marketplace.options';
import { UpdateSkillNeedUseCase } from './update-skill-need/update-skill-need.use-case';
import { UpsertCapabilityProfileUseCase } from './upsert-capability-profile/upsert-capability-profile.use-case';
import { CloseSkillNeedUseCase } from './close-skill-need/close-skill-need.use-case';
import { DetectExpiringNeedsUseCase } from './detect-expiring-needs/detect-expiring-needs.use-case';

const ROOT = join(__dirname, '../../../../..');
const ESCO = 'http://data.europa.eu/esco/skill/';
const WORK_IN_TEAMS = skillIdForUri(`${ESCO}60c78287-22eb-4103-9c8c-28deaa460da0`);
const THINK_CREATIVELY = skillIdForUri(`${ESCO}c624c6a3-b0ba-4a31-a296-0d433fe47e41`);
const SOLVE_PROBLEMS = skillIdForUri(`${ESCO}adc6dc11-3376-467b-96c5-9b0a21edc869`);

class NoLiveMemberships extends MembershipSource {
  async membershipsOf(): Promise<readonly PrincipalMembership[]> {
    return [];
  }
}

function principal(memberships: PrincipalMembership[]): Principal {
  return { userId: randomUUID(), email: 'x@test', memberships, token: 't' };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('marketplace (integration)', () => {
  let dataSource: DataSource;
  let repository: MarketplaceRepository;
  const authorizer = new Authorizer(new NoLiveMemberships());
  const options: MarketplaceOptions = { identityUrl: 'http://127.0.0.1:9', weights: DEFAULT_MATCH_WEIGHTS };
  const employerId = randomUUID();
  const smallCollegeId = randomUUID();
  const bigCollegeId = randomUUID();
  const employer = principal([{ organizationId: employerId, role: 'MEMBER', kind: 'EMPLOYER' }]);
  const smallAdmin = principal([{ organizationId: smallCollegeId, role: 'ADMIN', kind: 'INSTITUTION' }]);
  const bigAdmin = principal([{ organizationId: bigCollegeId, role: 'ADMIN', kind: 'INSTITUTION' }]);
  let directory: OrganizationDirectory;

  beforeAll(async () => {
    dataSource = await openDataSource(marketplaceDataSource(testDatabaseUrl('int'), 4));
    repository = new MarketplaceRepository(dataSource);
    directory = new OrganizationDirectory(dataSource, options);
    const importer = new ImportSkillTaxonomyUseCase(dataSource);
    await importer.execute(join(ROOT, 'libs/marketplace/domain/src/lib/esco/__fixtures__'));
    await importer.execute(join(ROOT, 'data/esco'));
    await directory.directory.readModel.store(
      dataSource,
      {
        id: employerId,
        name: 'Mine Co',
        kind: 'EMPLOYER',
        size: 'LARGE',
        region: 'ON-Sudbury',
        sector: '212',
        verified: false,
      },
      [],
      new Date().toISOString(),
    );
    await directory.directory.readModel.store(
      dataSource,
      {
        id: smallCollegeId,
        name: 'Small College',
        kind: 'INSTITUTION',
        size: 'SMALL',
        region: 'ON-Northeast',
        sector: null,
        verified: false,
      },
      [],
      new Date().toISOString(),
    );
    await directory.directory.readModel.store(
      dataSource,
      {
        id: bigCollegeId,
        name: 'Big College',
        kind: 'INSTITUTION',
        size: 'LARGE',
        region: 'ON-Toronto',
        sector: null,
        verified: false,
      },
      [],
      new Date().toISOString(),
    );
  }, 120_000);

  afterAll(async () => {
    await dataSource.destroy();
  });

  const count = async (table: string) =>
    (
      (await dataSource.query(`SELECT count(*)::int AS n FROM "marketplace"."${table}"`)) as Array<{
        n: number;
      }>
    )[0]!.n;

  describe('taxonomy', () => {
    it('imports idempotently: a second import changes no counts', async () => {
      const before = [await count('skills'), await count('skill_broader'), await count('skill_groups')];
      expect(before[0]).toBeGreaterThan(2000);
      const again = await new ImportSkillTaxonomyUseCase(dataSource).execute(join(ROOT, 'data/esco'), {
        onlyIfEmpty: true,
      });
      expect(again).toBeNull();
      await new ImportSkillTaxonomyUseCase(dataSource).execute(join(ROOT, 'data/esco'));
      expect([await count('skills'), await count('skill_broader'), await count('skill_groups')]).toEqual(
        before,
      );
    });

    it('keeps the full skills_en.csv layout (fixture): alt labels, type and reuse level', async () => {
      const [haskell] = await repository.skillsByUris([`${ESCO}000f1d3d-220f-4789-9c0a-cc742521fb02`]);
      expect(haskell).toMatchObject({
        labelEn: 'Haskell',
        kind: 'KNOWLEDGE',
        reuseLevel: 'sector-specific',
        framework: 'ESCO',
      });
      expect(haskell!.altLabelsEn).toContain('Haskell techniques');
    });

    it('finds skills despite typos and word order, best first', async () => {
      const list = new ListSkillsUseCase(repository);
      const typo = await list.execute({ search: 'databse' }, { limit: 10, after: null });
      expect(typo.map((s) => s.labelEn.toLowerCase()).some((label) => label.includes('database'))).toBe(true);
      const reordered = await list.execute({ search: 'management project' }, { limit: 5, after: null });
      // The bundled subset has no bare "project management"; its closest labels must lead.
      expect(reordered.slice(0, 3).every((s) => s.labelEn.toLowerCase().includes('project management'))).toBe(
        true,
      );
      const french = await list.execute({ search: 'base de données' }, { limit: 10, after: null });
      expect(french.length).toBeGreaterThan(0);
      const sfs = await list.execute({ framework: 'SFS' }, { limit: 20, after: null });
      expect(sfs).toHaveLength(9);
      expect(await codeOf(list.execute({ framework: 'ONET' }, { limit: 5, after: null }))).toBe(
        'MARKETPLACE.INVALID_FRAMEWORK',
      );
    });

    it('pages a ranked search without repeating a skill', async () => {
      const list = new ListSkillsUseCase(repository);
      const first = await list.execute({ search: 'data' }, { limit: 5, after: null });
      const last = first[4]!;
      const second = await list.execute({ search: 'data' }, { limit: 5, after: [last.sortKey, last.id] });
      expect(second.map((s) => s.id).filter((id) => first.slice(0, 5).some((s) => s.id === id))).toEqual([]);
    });

    it('links skills to broader and narrower concepts', async () => {
      const broader = await repository.related('broader', [WORK_IN_TEAMS]);
      expect(broader.length).toBeGreaterThan(0);
      const narrower = await repository.related('narrower', [broader[0]!.id]);
      expect(narrower.map((s) => s.id)).toContain(WORK_IN_TEAMS);
    });
  });

  describe('needs, profiles, matching and partnerships', () => {
    const post = (overrides: Partial<PostSkillNeedCommand> = {}) =>
      new PostSkillNeedUseCase(dataSource, authorizer, directory, repository).execute(employer, {
        organizationId: employerId,
        title: 'Team leads for the mill',
        skills: [
          { skillId: WORK_IN_TEAMS, level: 3 },
          { skillId: SOLVE_PROBLEMS, level: 2 },
        ],
        region: 'ON-Sudbury',
        deliveryModes: ['HYBRID'],
        learnerCount: 40,
        careerStage: 'MID_CAREER',
        neededBy: '2099-01-01',
        ...overrides,
      });

    it('announces an open need once when its needed-by date is near, and again only for a new date', async () => {
      // Dates far ahead, so no other need in the database falls in the window the test asks about.
      const now = new Date('2150-03-01T12:00:00Z');
      const soon = await post({ title: 'Needed soon', neededBy: '2150-03-05' });
      const closed = await post({ title: 'Closed soon', neededBy: '2150-03-04' });
      const later = await post({ title: 'Needed later', neededBy: '2150-04-30' });
      await new CloseSkillNeedUseCase(dataSource, authorizer).execute(employer, closed.id);
      const detect = new DetectExpiringNeedsUseCase(dataSource);
      const expiringEvents = async () =>
        (await dataSource.query(
          `SELECT "payload" FROM "marketplace"."outbox" WHERE "type" = 'marketplace.need.expiring' AND "payload"->>'needId' = ANY($1::text[]) ORDER BY "seq"`,
          [[soon.id, closed.id, later.id]],
        )) as Array<{ payload: Record<string, unknown> }>;

      expect(await detect.execute(now)).toEqual([{ needId: soon.id, neededBy: '2150-03-05' }]);
      await Promise.all([detect.execute(now), detect.execute(now)]);
      expect((await expiringEvents()).map((e) => e.payload)).toEqual([
        { needId: soon.id, organizationId: employerId, title: 'Needed soon', neededBy: '2150-03-05' },
      ]);

      // A later date leaves the window; a date that comes near again is announced again.
      await dataSource.query(
        `UPDATE "marketplace"."skill_needs" SET "needed_by" = '2150-03-07' WHERE "id" = $1`,
        [soon.id],
      );
      expect(await detect.execute(now)).toEqual([{ needId: soon.id, neededBy: '2150-03-07' }]);
      expect(await detect.execute(new Date('2150-04-25T00:00:00Z'))).toEqual([
        { needId: later.id, neededBy: '2150-04-30' },
      ]);
      expect(await expiringEvents()).toHaveLength(3);
    });

    it('refuses bad needs with typed errors and stores nothing', async () => {
      const needs = await count('skill_needs');
      const outbox = await count('outbox');
      expect(await codeOf(post({ skills: [] }))).toBe('MARKETPLACE.NO_SKILLS');
      expect(await codeOf(post({ skills: [{ skillId: randomUUID(), level: 2 }] }))).toBe(
        'MARKETPLACE.UNKNOWN_SKILL',
      );
      expect(await codeOf(post({ skills: [{ skillId: 'http://example.org/not-esco', level: 2 }] }))).toBe(
        'MARKETPLACE.UNKNOWN_SKILL',
      );
      expect(await codeOf(post({ skills: [{ skillId: WORK_IN_TEAMS, level: 5 }] }))).toBe(
        'MARKETPLACE.INVALID_LEVEL',
      );
      expect(await codeOf(post({ region: 'ON-Atlantis' }))).toBe('MARKETPLACE.INVALID_REGION');
      const stranger = principal([]);
      expect(
        await codeOf(
          new PostSkillNeedUseCase(dataSource, authorizer, directory, repository).execute(stranger, {
            ...(await baseCommand()),
          }),
        ),
      ).toBe('COMMON.FORBIDDEN');
      expect([await count('skill_needs'), await count('outbox')]).toEqual([needs, outbox]);
    });

    async function baseCommand(): Promise<PostSkillNeedCommand> {
      return {
        organizationId: employerId,
        title: 'x needs',
        skills: [{ skillId: WORK_IN_TEAMS, level: 1 }],
        region: 'ON',
        deliveryModes: ['ONLINE'],
        learnerCount: 1,
        careerStage: 'ENTRY',
      };
    }

    it('posts, updates with a version guard, ranks institutions with reasons, and the SQL agrees with the domain score', async () => {
      const need = await post();
      expect(need.status).toBe('OPEN');
      const update = new UpdateSkillNeedUseCase(dataSource, authorizer, repository);
      const updated = await update.execute(employer, need.id, { learnerCount: 30 }, need.version);
      expect(updated.version).toBe(need.version + 1);
      expect(await codeOf(update.execute(employer, need.id, { learnerCount: 10 }, need.version))).toBe(
        'MARKETPLACE.STALE_NEED',
      );
      expect((await repository.needsByIds([need.id]))[0]!.learnerCount).toBe(30);

      const upsert = new UpsertCapabilityProfileUseCase(dataSource, authorizer, directory, repository);
      // The small college teaches one needed skill and a neighbour of the other; the big one teaches both.
      await upsert.execute(smallAdmin, {
        organizationId: smallCollegeId,
        skills: [
          { skillId: WORK_IN_TEAMS, level: 4 },
          { skillId: THINK_CREATIVELY, level: 2 },
        ],
        regions: ['ON-Northeast'],
        deliveryModes: ['HYBRID', 'ONLINE'],
        annualCapacity: 25,
      });
      await upsert.execute(bigAdmin, {
        organizationId: bigCollegeId,
        skills: [
          { skillId: WORK_IN_TEAMS, level: 2 },
          { skillId: SOLVE_PROBLEMS, level: 2 },
        ],
        regions: ['ON-Toronto'],
        deliveryModes: ['IN_PERSON'],
        annualCapacity: 500,
      });
      expect(
        await codeOf(
          upsert.execute(employer, {
            organizationId: employerId,
            skills: [{ skillId: WORK_IN_TEAMS, level: 1 }],
            regions: ['ON'],
            deliveryModes: ['ONLINE'],
            annualCapacity: 1,
          }),
        ),
      ).toBe('COMMON.FORBIDDEN');

      const matches = await new MatchPartnersUseCase(repository, options).execute(need.id, 10);
      const small = matches.find((m) => m.candidateId === smallCollegeId)!;
      const big = matches.find((m) => m.candidateId === bigCollegeId)!;
      expect(small.reasons.map((r) => r.kind)).toEqual(
        expect.arrayContaining(['SKILL_OVERLAP', 'REGION', 'DELIVERY_MODE', 'SMALL_INSTITUTION']),
      );
      expect(small.reasons.find((r) => r.kind === 'REGION')!.weight).toBe(DEFAULT_MATCH_WEIGHTS.region);
      expect(big.reasons.find((r) => r.kind === 'REGION')!.weight).toBe(0);
      expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
      const sqlRows = await repository.rankInstitutions(need.id, ['ON-Sudbury'], DEFAULT_MATCH_WEIGHTS, 10);
      for (const row of sqlRows)
        expect(Number(row.score)).toBeCloseTo(
          matches.find((m) => m.candidateId === row.candidateId)!.score,
          3,
        );

      const needMatches = await new MatchNeedsUseCase(dataSource, repository, options).execute(
        smallCollegeId,
        10,
      );
      expect(needMatches.map((m) => m.candidateId)).toContain(need.id);
    });

    it('runs partnerships: one open proposal, only the other side responds, once', async () => {
      const need = await post({ title: 'Partnership need' });
      const propose = new ProposePartnershipUseCase(dataSource, authorizer, directory);
      const respond = new RespondToPartnershipUseCase(dataSource, authorizer);
      const partnership = await propose.execute(smallAdmin, {
        needId: need.id,
        institutionId: smallCollegeId,
        message: 'We can do this',
      });
      expect(partnership).toMatchObject({
        state: 'PROPOSED',
        proposedByOrganizationId: smallCollegeId,
        employerId,
      });
      const before = [await count('partnerships'), await count('outbox')];
      expect(
        await codeOf(propose.execute(employer, { needId: need.id, institutionId: smallCollegeId })),
      ).toBe('MARKETPLACE.PARTNERSHIP_EXISTS');
      expect(
        await codeOf(propose.execute(bigAdmin, { needId: need.id, institutionId: smallCollegeId })),
      ).toBe('COMMON.FORBIDDEN');
      expect(await codeOf(respond.execute(smallAdmin, partnership.id, true, null))).toBe(
        'MARKETPLACE.OWN_PROPOSAL',
      );
      expect(await codeOf(respond.execute(bigAdmin, partnership.id, true, null))).toBe(
        'MARKETPLACE.NOT_A_PARTY',
      );
      expect([await count('partnerships'), await count('outbox')]).toEqual(before);
      const accepted = await respond.execute(employer, partnership.id, true, 'Welcome');
      expect(accepted.state).toBe('ACCEPTED');
      expect(await codeOf(respond.execute(employer, partnership.id, false, null))).toBe(
        'MARKETPLACE.PARTNERSHIP_NOT_OPEN',
      );
      const events = (await dataSource.query(
        `SELECT "type" FROM "marketplace"."outbox" WHERE "payload"->>'partnershipId' = $1 ORDER BY "seq"`,
        [partnership.id],
      )) as Array<{ type: string }>;
      expect(events.map((e) => e.type)).toEqual([
        'marketplace.partnership.proposed',
        'marketplace.partnership.accepted',
      ]);

      await new CloseSkillNeedUseCase(dataSource, authorizer).execute(employer, need.id);
      expect(await codeOf(propose.execute(bigAdmin, { needId: need.id, institutionId: bigCollegeId }))).toBe(
        'MARKETPLACE.NEED_CLOSED',
      );
    });

    it('maps demand against supply by region, skill and skill group', async () => {
      const demand = new DemandMapUseCase(repository, authorizer);
      const byRegion = await demand.execute(employer, 'REGION', {});
      const sudbury = byRegion.find((c) => c.key === 'ON-Sudbury')!;
      expect(sudbury).toMatchObject({ label: 'Greater Sudbury', supply: 1 });
      expect(sudbury.gap).toBe(Math.max(0, sudbury.learners - 25));
      const bySkill = await demand.execute(employer, 'SKILL', { region: 'ON-Northeast' });
      expect(bySkill.find((c) => c.key === WORK_IN_TEAMS)).toMatchObject({
        label: 'work in teams',
        supply: 2,
      });
      const byGroup = await demand.execute(employer, 'SKILL_GROUP', {});
      expect(byGroup.length).toBeGreaterThan(0);
      expect(await codeOf(demand.execute(employer, 'REGION', { region: 'XX' }))).toBe(
        'MARKETPLACE.INVALID_REGION',
      );
    });
  });
});
