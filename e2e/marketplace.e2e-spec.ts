// Marketplace through the gateway: every skills & marketplace operation of API.md, and every
// "bad input" of the marketplace issue (typed error, nothing changed).
import { randomUUID } from 'node:crypto';
import {
  codeOf,
  createOrganization,
  eventually,
  gql,
  ok,
  signUp,
  type GraphQLResult,
  type Session,
  type Untyped,
} from './support/client';

const NEED_FIELDS =
  'id title status region version learnerCount deliveryModes careerStage neededBy organization { id name kind } skills { level skill { id uri label framework } }';
const POST = `mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { ${NEED_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateSkillNeedInput!, $v: Int) { updateSkillNeed(id: $id, input: $i, expectedVersion: $v) { ${NEED_FIELDS} } }`;
const CLOSE = `mutation($id: ID!) { closeSkillNeed(id: $id) { id status closedAt } }`;
const PROFILE =
  'mutation($i: CapabilityProfileInput!) { upsertCapabilityProfile(input: $i) { regions annualCapacity deliveryModes organization { id name } skills { level skill { label } } } }';
const PROPOSE =
  'mutation($i: ProposePartnershipInput!) { proposePartnership(input: $i) { id state message need { id title } institution { id name } employer { id } proposedBy { id } } }';
const RESPOND =
  'mutation($id: ID!, $a: Boolean!, $m: String) { respondToPartnership(id: $id, accept: $a, message: $m) { id state responseMessage } }';
const PARTNERSHIP =
  'query($id: ID!) { partnership(id: $id) { id state need { title } institution { name } } }';
const MATCHES =
  'query($n: ID!, $f: Int) { partnerMatches(needId: $n, first: $f) { score institution { id name size } reasons { kind weight detail } } }';

const reason = (result: GraphQLResult) => result.errors?.[0]?.extensions?.reason;

async function skillId(search: string, label: string): Promise<string> {
  const data = await ok<{ skills: { edges: Array<{ node: { id: string; label: string } }> } }>(
    'query($s: String) { skills(search: $s, first: 20) { edges { node { id label } } } }',
    { s: search },
  );
  const found = data.skills.edges.find((e) => e.node.label === label);
  if (!found) throw new Error(`no skill "${label}" for "${search}"`);
  return found.node.id;
}

describe('marketplace', () => {
  let employer: Session;
  let college: Session;
  let bigCollege: Session;
  let outsider: Session;
  let employerOrg: string;
  let collegeOrg: string;
  let bigCollegeOrg: string;
  let teams: string;
  let problems: string;
  let creative: string;

  const needInput = (overrides: Record<string, unknown> = {}) => ({
    organizationId: employerOrg,
    title: 'Crew leads for the new mill',
    description: 'Shift leads who run safe, collaborative crews.',
    skills: [
      { skillId: teams, level: 3 },
      { skillId: problems, level: 2 },
    ],
    region: 'ON-Sudbury',
    deliveryModes: ['HYBRID', 'IN_PERSON'],
    learnerCount: 30,
    careerStage: 'MID_CAREER',
    neededBy: '2099-09-01',
    ...overrides,
  });

  async function needCount(): Promise<number> {
    const data = await ok(
      'query($f: SkillNeedFilter) { skillNeeds(filter: $f, first: 1) { totalCount } }',
      { f: { organizationId: employerOrg } },
      employer.token,
    );
    return data.skillNeeds.totalCount;
  }

  beforeAll(async () => {
    [employer, college, bigCollege, outsider] = await Promise.all([
      signUp('mkt-employer'),
      signUp('mkt-college'),
      signUp('mkt-big'),
      signUp('mkt-outsider'),
    ]);
    // Posted straight after creating the organization: marketplace must not depend on the event having arrived.
    employerOrg = await createOrganization(employer, {
      name: `Mill ${randomUUID().slice(0, 6)}`,
      kind: 'EMPLOYER',
      size: 'LARGE',
      region: 'ON-Sudbury',
      sector: '212',
    });
    collegeOrg = await createOrganization(college, {
      name: `Small College ${randomUUID().slice(0, 6)}`,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    bigCollegeOrg = await createOrganization(bigCollege, {
      name: `Big College ${randomUUID().slice(0, 6)}`,
      kind: 'INSTITUTION',
      size: 'LARGE',
      region: 'ON-Toronto',
    });
    teams = await skillId('work in teams', 'work in teams');
    problems = await skillId('solve problems', 'solve problems');
    creative = await skillId('think creatively', 'think creatively');
  });

  describe('skills', () => {
    it('finds skills by label despite typos and word order, anonymously, with URIs', async () => {
      const typo = await ok(
        '{ skills(search: "databse", first: 10) { edges { node { id uri label framework } } } }',
      );
      expect(typo.skills.edges.some((e: Untyped) => e.node.label.toLowerCase().includes('database'))).toBe(
        true,
      );
      expect(typo.skills.edges[0].node.uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\//);
      const reordered = await ok(
        '{ skills(search: "management project", first: 3) { edges { node { label } } } }',
      );
      expect(reordered.skills.edges[0].node.label.toLowerCase()).toContain('project management');
    });

    it('lists the nine Skills for Success and refuses an unknown framework', async () => {
      const sfs = await ok('{ skills(framework: "SFS", first: 20) { edges { node { label framework } } } }');
      expect(sfs.skills.edges).toHaveLength(9);
      expect(codeOf(await gql('{ skills(framework: "ONET") { edges { cursor } } }'))).toBe('BAD_USER_INPUT');
    });

    it('pages with cursors', async () => {
      const first = await ok(
        '{ skills(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      );
      expect(first.skills.pageInfo.hasNextPage).toBe(true);
      const second = await ok('query($a: String) { skills(first: 2, after: $a) { edges { node { id } } } }', {
        a: first.skills.pageInfo.endCursor,
      });
      expect(second.skills.edges[0].node.id).not.toBe(first.skills.edges[1].node.id);
    });

    it('returns a skill with broader and narrower concepts', async () => {
      const data = await ok(
        'query($id: ID!) { skill(id: $id) { label uri broader { id label kind narrower { id } } narrower { id } } }',
        { id: teams },
      );
      expect(data.skill.label).toBe('work in teams');
      expect(data.skill.broader.length).toBeGreaterThan(0);
      expect(data.skill.broader[0].narrower.map((s: { id: string }) => s.id)).toContain(teams);
      expect((await ok('query($id: ID!) { skill(id: $id) { id } }', { id: randomUUID() })).skill).toBeNull();
    });
  });

  describe('skill needs', () => {
    it('posts right after the organization is created, lists with filters, updates with a version guard, closes', async () => {
      const posted = (await ok(POST, { i: needInput() }, employer.token)).postSkillNeed;
      expect(posted).toMatchObject({
        status: 'OPEN',
        region: 'ON-Sudbury',
        version: 1,
        organization: { id: employerOrg, kind: 'EMPLOYER' },
      });
      expect(posted.skills.map((s: Untyped) => s.skill.label).sort()).toEqual([
        'solve problems',
        'work in teams',
      ]);

      const list = async (filter: Record<string, unknown>) =>
        (
          await ok(
            'query($f: SkillNeedFilter) { skillNeeds(filter: $f, first: 50) { edges { node { id } } totalCount } }',
            { f: filter },
            college.token,
          )
        ).skillNeeds.edges.map((e: Untyped) => e.node.id);
      expect(await list({ region: 'ON-Northeast' })).toContain(posted.id);
      expect(await list({ region: 'ON-Toronto' })).not.toContain(posted.id);
      expect(
        await list({ skillId: teams, sector: '21', careerStage: 'MID_CAREER', status: 'OPEN' }),
      ).toContain(posted.id);
      expect(await list({ careerStage: 'ENTRY', organizationId: employerOrg })).not.toContain(posted.id);
      expect(await list({ postedAfter: new Date(Date.now() + 3600_000).toISOString() })).not.toContain(
        posted.id,
      );

      const updated = (
        await ok(
          UPDATE,
          { id: posted.id, i: { learnerCount: 45, skills: [{ skillId: teams, level: 4 }] }, v: 1 },
          employer.token,
        )
      ).updateSkillNeed;
      expect(updated).toMatchObject({ learnerCount: 45, version: 2 });
      const stale = await gql(UPDATE, { id: posted.id, i: { learnerCount: 5 }, v: 1 }, employer.token);
      expect(codeOf(stale)).toBe('CONFLICT');
      expect(codeOf(await gql(UPDATE, { id: posted.id, i: { learnerCount: 5 } }, college.token))).toBe(
        'FORBIDDEN',
      );
      const unchanged = (
        await ok(
          `query($id: ID!) { skillNeed(id: $id) { ${NEED_FIELDS} } }`,
          { id: posted.id },
          employer.token,
        )
      ).skillNeed;
      expect(unchanged).toMatchObject({ learnerCount: 45, version: 2 });

      expect(codeOf(await gql(CLOSE, { id: posted.id }, college.token))).toBe('FORBIDDEN');
      expect((await ok(CLOSE, { id: posted.id }, employer.token)).closeSkillNeed.status).toBe('CLOSED');
      expect(codeOf(await gql(CLOSE, { id: posted.id }, employer.token))).toBe('FAILED_PRECONDITION');
      expect(codeOf(await gql(UPDATE, { id: posted.id, i: { learnerCount: 5 } }, employer.token))).toBe(
        'FAILED_PRECONDITION',
      );
    });

    it.each([
      ['an empty skill list', () => ({ skills: [] }), 'MARKETPLACE.NO_SKILLS'],
      [
        'an unknown skill id',
        () => ({ skills: [{ skillId: randomUUID(), level: 2 }] }),
        'MARKETPLACE.UNKNOWN_SKILL',
      ],
      [
        'a non-ESCO skill',
        () => ({ skills: [{ skillId: 'https://example.org/skills/juggling', level: 2 }] }),
        'MARKETPLACE.UNKNOWN_SKILL',
      ],
      ['a level out of range', () => ({ skills: [{ skillId: teams, level: 7 }] }), undefined],
      ['a level of zero', () => ({ skills: [{ skillId: teams, level: 0 }] }), undefined],
      ['a region not in the list', () => ({ region: 'ON-Gotham' }), 'MARKETPLACE.INVALID_REGION'],
      ['no delivery mode', () => ({ deliveryModes: [] }), undefined],
      ['a bad date', () => ({ neededBy: 'next spring' }), undefined],
    ])('refuses %s with BAD_USER_INPUT and posts nothing', async (_label, overrides, expectedReason) => {
      const before = await needCount();
      const result = await gql(POST, { i: needInput(overrides()) }, employer.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      if (expectedReason) expect(reason(result)).toBe(expectedReason);
      expect(await needCount()).toBe(before);
    });

    it('refuses posting for an organization you do not belong to, or that is not an employer', async () => {
      const before = await needCount();
      expect(codeOf(await gql(POST, { i: needInput() }, outsider.token))).toBe('FORBIDDEN');
      expect(codeOf(await gql(POST, { i: needInput() }))).toBe('UNAUTHENTICATED');
      const asCollege = await gql(POST, { i: needInput({ organizationId: collegeOrg }) }, college.token);
      expect(reason(asCollege)).toBe('MARKETPLACE.NOT_AN_EMPLOYER');
      expect(await needCount()).toBe(before);
    });
  });

  describe('profiles, matching and partnerships', () => {
    let needId: string;

    beforeAll(async () => {
      needId = (await ok(POST, { i: needInput({ title: 'Matching need' }) }, employer.token)).postSkillNeed
        .id;
    });

    it('publishes capability profiles and refuses bad ones', async () => {
      const profile = (
        await ok(
          PROFILE,
          {
            i: {
              organizationId: collegeOrg,
              skills: [
                { skillId: teams, level: 4 },
                { skillId: creative, level: 2 },
              ],
              regions: ['ON-Northeast'],
              deliveryModes: ['HYBRID'],
              annualCapacity: 40,
            },
          },
          college.token,
        )
      ).upsertCapabilityProfile;
      expect(profile).toMatchObject({
        regions: ['ON-Northeast'],
        annualCapacity: 40,
        organization: { id: collegeOrg },
      });
      await ok(
        PROFILE,
        {
          i: {
            organizationId: bigCollegeOrg,
            skills: [
              { skillId: teams, level: 2 },
              { skillId: problems, level: 2 },
            ],
            regions: ['ON-Toronto'],
            deliveryModes: ['IN_PERSON'],
            annualCapacity: 400,
          },
        },
        bigCollege.token,
      );

      const bad = [
        [
          {
            organizationId: collegeOrg,
            skills: [],
            regions: ['ON'],
            deliveryModes: ['ONLINE'],
            annualCapacity: 1,
          },
          college.token,
          'BAD_USER_INPUT',
        ],
        [
          {
            organizationId: collegeOrg,
            skills: [{ skillId: teams, level: 9 }],
            regions: ['ON'],
            deliveryModes: ['ONLINE'],
            annualCapacity: 1,
          },
          college.token,
          'BAD_USER_INPUT',
        ],
        [
          {
            organizationId: collegeOrg,
            skills: [{ skillId: teams, level: 1 }],
            regions: ['Narnia'],
            deliveryModes: ['ONLINE'],
            annualCapacity: 1,
          },
          college.token,
          'BAD_USER_INPUT',
        ],
        [
          {
            organizationId: collegeOrg,
            skills: [{ skillId: teams, level: 1 }],
            regions: ['ON'],
            deliveryModes: ['ONLINE'],
            annualCapacity: 1,
          },
          outsider.token,
          'FORBIDDEN',
        ],
        [
          {
            organizationId: employerOrg,
            skills: [{ skillId: teams, level: 1 }],
            regions: ['ON'],
            deliveryModes: ['ONLINE'],
            annualCapacity: 1,
          },
          employer.token,
          'BAD_USER_INPUT',
        ],
      ] as const;
      for (const [input, token, code] of bad)
        expect(codeOf(await gql(PROFILE, { i: input }, token))).toBe(code);
      const after = await ok(
        'query($o: ID!) { capabilityProfile(organizationId: $o) { annualCapacity regions skills { level skill { id } } } }',
        { o: collegeOrg },
        college.token,
      );
      expect(after.capabilityProfile).toMatchObject({ annualCapacity: 40, regions: ['ON-Northeast'] });
      expect(after.capabilityProfile.skills).toHaveLength(2);
    });

    it('ranks institutions for a need with weighted reasons, and needs for an institution', async () => {
      const matches = (await ok(MATCHES, { n: needId, f: 10 }, employer.token)).partnerMatches;
      const small = matches.find((m: Untyped) => m.institution.id === collegeOrg);
      const big = matches.find((m: Untyped) => m.institution.id === bigCollegeOrg);
      expect(small.institution.size).toBe('SMALL');
      expect(small.reasons.map((r: Untyped) => r.kind)).toEqual(
        expect.arrayContaining(['SKILL_OVERLAP', 'REGION', 'DELIVERY_MODE', 'CAPACITY', 'SMALL_INSTITUTION']),
      );
      expect(small.reasons.find((r: Untyped) => r.kind === 'SKILL_OVERLAP').detail).toContain(
        'work in teams',
      );
      expect(big.reasons.find((r: Untyped) => r.kind === 'REGION').weight).toBe(0);
      expect(matches[0].score).toBeGreaterThanOrEqual(matches[matches.length - 1].score);
      const sum = small.reasons.reduce((total: number, r: Untyped) => total + r.weight, 0);
      expect(sum).toBeCloseTo(small.score, 2);

      const needMatches = (
        await ok(
          'query($i: ID!) { needMatches(institutionId: $i, first: 50) { score need { id title organization { id } } reasons { kind weight } } }',
          { i: collegeOrg },
          college.token,
        )
      ).needMatches;
      expect(needMatches.map((m: Untyped) => m.need.id)).toContain(needId);
      expect(codeOf(await gql(MATCHES, { n: needId, f: 0 }, employer.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await gql(MATCHES, { n: randomUUID() }, employer.token))).toBe('NOT_FOUND');
      expect(codeOf(await gql(MATCHES, { n: 'not-an-id' }, employer.token))).toBe('BAD_USER_INPUT');
    });

    it('proposes once, lets only the other side respond, once, and shows the partnership to its parties', async () => {
      const proposed = (
        await ok(
          PROPOSE,
          { i: { needId, institutionId: collegeOrg, message: 'We would love to build this with you.' } },
          college.token,
        )
      ).proposePartnership;
      expect(proposed).toMatchObject({
        state: 'PROPOSED',
        institution: { id: collegeOrg },
        employer: { id: employerOrg },
        proposedBy: { id: collegeOrg },
        need: { id: needId },
      });

      const twice = await gql(PROPOSE, { i: { needId, institutionId: collegeOrg } }, employer.token);
      expect(codeOf(twice)).toBe('CONFLICT');
      expect(
        codeOf(await gql(PROPOSE, { i: { needId, institutionId: bigCollegeOrg } }, outsider.token)),
      ).toBe('FORBIDDEN');
      expect(reason(await gql(PROPOSE, { i: { needId, institutionId: employerOrg } }, employer.token))).toBe(
        'MARKETPLACE.NOT_AN_INSTITUTION',
      );
      expect(
        codeOf(await gql(PROPOSE, { i: { needId: randomUUID(), institutionId: collegeOrg } }, college.token)),
      ).toBe('NOT_FOUND');

      const own = await gql(RESPOND, { id: proposed.id, a: true }, college.token);
      expect(codeOf(own)).toBe('FORBIDDEN');
      expect(reason(own)).toBe('MARKETPLACE.OWN_PROPOSAL');
      expect(codeOf(await gql(RESPOND, { id: proposed.id, a: true }, outsider.token))).toBe('FORBIDDEN');
      expect((await ok(PARTNERSHIP, { id: proposed.id }, employer.token)).partnership.state).toBe('PROPOSED');

      const accepted = (await ok(RESPOND, { id: proposed.id, a: true, m: 'Welcome aboard' }, employer.token))
        .respondToPartnership;
      expect(accepted).toMatchObject({ state: 'ACCEPTED', responseMessage: 'Welcome aboard' });
      expect(codeOf(await gql(RESPOND, { id: proposed.id, a: false }, employer.token))).toBe(
        'FAILED_PRECONDITION',
      );
      expect((await ok(PARTNERSHIP, { id: proposed.id }, college.token)).partnership).toMatchObject({
        state: 'ACCEPTED',
        need: { title: 'Matching need' },
      });
      expect((await ok(PARTNERSHIP, { id: proposed.id }, outsider.token)).partnership).toBeNull();
    });

    it('lets the proposer withdraw, and the other side decline', async () => {
      const byEmployer = (await ok(PROPOSE, { i: { needId, institutionId: bigCollegeOrg } }, employer.token))
        .proposePartnership;
      expect(
        codeOf(
          await gql(
            'mutation($id: ID!) { withdrawPartnership(id: $id) { state } }',
            { id: byEmployer.id },
            bigCollege.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        (
          await ok(
            'mutation($id: ID!) { withdrawPartnership(id: $id) { state } }',
            { id: byEmployer.id },
            employer.token,
          )
        ).withdrawPartnership.state,
      ).toBe('WITHDRAWN');
      const again = (await ok(PROPOSE, { i: { needId, institutionId: bigCollegeOrg } }, employer.token))
        .proposePartnership;
      expect(
        (await ok(RESPOND, { id: again.id, a: false }, bigCollege.token)).respondToPartnership.state,
      ).toBe('DECLINED');
    });

    it('lists an organization’s partnerships from either side, filtered and paged, for its members only', async () => {
      const LIST =
        'query($o: ID!, $f: PartnershipFilter, $n: Int, $a: String) { partnerships(organizationId: $o, filter: $f, first: $n, after: $a) { totalCount edges { node { id state proposedBy { id } institution { id } } } pageInfo { hasNextPage endCursor } } }';
      const employerSide = (await ok(LIST, { o: employerOrg }, employer.token)).partnerships;
      // accepted (college), withdrawn and declined (big college), newest first
      expect(employerSide.edges.map((e: Untyped) => e.node.state)).toEqual([
        'DECLINED',
        'WITHDRAWN',
        'ACCEPTED',
      ]);
      expect(employerSide.totalCount).toBe(3);
      const bigSide = (
        await ok(LIST, { o: bigCollegeOrg, f: { direction: 'PROPOSED_TO_US' } }, bigCollege.token)
      ).partnerships;
      expect(
        bigSide.edges.every(
          (e: Untyped) => e.node.institution.id === bigCollegeOrg && e.node.proposedBy.id === employerOrg,
        ),
      ).toBe(true);
      expect(bigSide.totalCount).toBe(2);
      expect(
        (await ok(LIST, { o: collegeOrg, f: { direction: 'PROPOSED_TO_US' } }, college.token)).partnerships
          .totalCount,
      ).toBe(0);
      expect(
        (await ok(LIST, { o: employerOrg, f: { state: 'ACCEPTED' } }, employer.token)).partnerships.edges,
      ).toHaveLength(1);

      const first = (await ok(LIST, { o: employerOrg, n: 2 }, employer.token)).partnerships;
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = (await ok(LIST, { o: employerOrg, n: 2, a: first.pageInfo.endCursor }, employer.token))
        .partnerships;
      expect(rest.edges.map((e: Untyped) => e.node.state)).toEqual(['ACCEPTED']);
      expect(rest.pageInfo.hasNextPage).toBe(false);

      expect(codeOf(await gql(LIST, { o: employerOrg }, outsider.token))).toBe('FORBIDDEN');
      expect(codeOf(await gql(LIST, { o: employerOrg, f: { state: 'MAYBE' } }, employer.token))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await gql(LIST, { o: employerOrg, a: 'bm90LWEtY3Vyc29y' }, employer.token))).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('demand map', () => {
    it('groups open demand by region, sector, skill and skill group, with supply and gap', async () => {
      await ok(POST, { i: needInput({ title: 'Demand need', learnerCount: 100 }) }, employer.token);
      const cell = async (groupBy: string, filter: Record<string, unknown> = {}) =>
        (
          await ok(
            'query($g: DemandGrouping!, $f: DemandFilter) { demandMap(groupBy: $g, filter: $f) { key label needs learners supply gap } }',
            { g: groupBy, f: filter },
            employer.token,
          )
        ).demandMap;
      const regions = await cell('REGION', { region: 'ON-Northeast' });
      const sudbury = regions.find((c: Untyped) => c.key === 'ON-Sudbury');
      expect(sudbury.label).toBe('Greater Sudbury');
      expect(sudbury.needs).toBeGreaterThanOrEqual(2);
      expect(sudbury.supply).toBeGreaterThanOrEqual(1);
      expect(sudbury.gap).toBeGreaterThan(0);
      expect((await cell('SECTOR', { sector: '21' })).map((c: Untyped) => c.key)).toContain('21');
      expect((await cell('SKILL')).find((c: Untyped) => c.key === teams)).toMatchObject({
        label: 'work in teams',
      });
      expect((await cell('SKILL_GROUP')).length).toBeGreaterThan(0);
      expect(
        codeOf(
          await gql(
            '{ demandMap(groupBy: REGION, filter: { region: "Mordor" }) { key } }',
            {},
            employer.token,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(codeOf(await gql('{ demandMap(groupBy: REGION) { key } }'))).toBe('UNAUTHENTICATED');
    });
  });

  it('hears identity’s organization events (the directory fills without any marketplace call)', async () => {
    const owner = await signUp('mkt-event');
    const orgId = await createOrganization(owner, {
      name: `Event College ${randomUUID().slice(0, 6)}`,
      kind: 'INSTITUTION',
      size: 'MEDIUM',
      region: 'ON',
    });
    const { Client } = await import('pg');
    const client = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
    await client.connect();
    try {
      const rows = await eventually(
        async () =>
          (
            await client.query('SELECT "kind", "size" FROM "marketplace"."organizations" WHERE "id" = $1', [
              orgId,
            ])
          ).rows,
        (r) => r.length === 1,
      );
      expect(rows[0]).toEqual({ kind: 'INSTITUTION', size: 'MEDIUM' });
    } finally {
      await client.end();
    }
  });
});
