// Marketplace rules through the gateway: a "needed by" date in the past is refused with a typed
// error on its field (posting and changing a need; nothing is written), and the demand map's
// drill-through lists exactly the needs a region cell counts (the cell counts needs posted for
// exactly its region; the list used to add those of every region within it).
import { randomUUID } from 'node:crypto';
import { codeOf, createOrganization, gql, ok, signUp, type Session } from './support/client';

const POST = 'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id version neededBy } }';
const UPDATE =
  'mutation($id: ID!, $v: Int, $i: UpdateSkillNeedInput!) { updateSkillNeed(id: $id, expectedVersion: $v, input: $i) { version neededBy } }';
const MAP = 'query($f: DemandFilter) { demandMap(groupBy: REGION, filter: $f, first: 500) { key needs } }';
const NEEDS =
  'query($f: SkillNeedFilter) { skillNeeds(filter: $f, first: 100) { totalCount edges { node { id title region } } } }';

const suffix = randomUUID().slice(0, 6);
const dayBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

let employer: Session;
let employerId: string;
let skillId: string;

const need = (title: string, extra: Record<string, unknown> = {}) => ({
  organizationId: employerId,
  title,
  skills: [{ skillId, level: 2 }],
  region: 'ON-Sudbury',
  deliveryModes: ['HYBRID'],
  learnerCount: 5,
  careerStage: 'ENTRY',
  ...extra,
});

beforeAll(async () => {
  employer = await signUp('rules-employer');
  employerId = await createOrganization(employer, {
    name: `Rules Mining ${suffix}`,
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    region: 'ON-Sudbury',
    sector: '212',
  });
  skillId = (await ok('{ skills(search: "work in teams", first: 1) { edges { node { id } } } }')).skills
    .edges[0].node.id as string;
});

describe('needed by', () => {
  it('refuses a date in the past when a need is posted, and writes nothing', async () => {
    const title = `Past need ${suffix}`;
    const refused = await gql(POST, { i: need(title, { neededBy: dayBefore(3) }) }, employer.token);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.reason).toBe('MARKETPLACE.NEEDED_BY_PAST');
    expect(refused.errors?.[0]?.extensions?.details).toMatchObject({ field: 'neededBy' });
    const listed = await ok(NEEDS, { f: { organizationId: employerId } }, employer.token);
    expect(listed.skillNeeds.edges.map((e: { node: { title: string } }) => e.node.title)).not.toContain(
      title,
    );
  });

  it('accepts today and later dates, and refuses changing a need to a past date', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const posted = (await ok(POST, { i: need(`Today need ${suffix}`, { neededBy: today }) }, employer.token))
      .postSkillNeed;
    expect(posted.neededBy).toBe(today);
    const refused = await gql(
      UPDATE,
      { id: posted.id, v: posted.version, i: { neededBy: dayBefore(2) } },
      employer.token,
    );
    expect(refused.errors?.[0]?.extensions?.reason).toBe('MARKETPLACE.NEEDED_BY_PAST');
    const later = (
      await ok(UPDATE, { id: posted.id, v: posted.version, i: { neededBy: '2099-06-30' } }, employer.token)
    ).updateSkillNeed;
    // The refused change wrote nothing: the version moved once, for the accepted change.
    expect(later).toEqual({ version: posted.version + 1, neededBy: '2099-06-30' });
  });
});

describe('demand drill-through', () => {
  it('lists exactly the needs a region cell counts, with and without the rollup', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const [parent, child] = [`Northeast need ${suffix}`, `Sudbury need ${suffix}`];
    await ok(POST, { i: need(parent, { region: 'ON-Northeast' }) }, employer.token);
    await ok(POST, { i: need(child, { region: 'ON-Sudbury' }) }, employer.token);
    // The rollup (no date filter) and the needs themselves (a date filter) answer the same cells.
    for (const mapFilter of [{ region: 'ON' }, { region: 'ON', from }]) {
      const cells = (await ok(MAP, { f: mapFilter }, employer.token)).demandMap as Array<{
        key: string;
        needs: number;
      }>;
      const cell = cells.find((c) => c.key === 'ON-Northeast');
      expect(cell).toBeDefined();
      // What the web app's drill-through asks for a region cell.
      const listed = (
        await ok(
          NEEDS,
          {
            f: {
              status: 'OPEN',
              region: 'ON-Northeast',
              exactRegion: true,
              ...('from' in mapFilter ? { postedAfter: from } : {}),
            },
          },
          employer.token,
        )
      ).skillNeeds;
      const titles = listed.edges.map((e: { node: { title: string } }) => e.node.title);
      expect(listed.totalCount).toBe(cell!.needs);
      expect(titles).toContain(parent);
      expect(titles).not.toContain(child);
      expect(listed.edges.every((e: { node: { region: string } }) => e.node.region === 'ON-Northeast')).toBe(
        true,
      );
    }
    // Without exactRegion a region filter still takes every region within it (the contract's meaning).
    const within = (await ok(NEEDS, { f: { region: 'ON-Northeast', postedAfter: from } }, employer.token))
      .skillNeeds;
    expect(within.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(
      expect.arrayContaining([parent, child]),
    );
  });
});
