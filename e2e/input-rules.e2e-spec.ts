// The input rules every client meets (issue 12, defects 4–7): control characters in any string,
// impossible dates, malformed or oversized bodies, and schema hints when introspection is off.
// A refused field is named as the validation pipe names it: its path inside the argument
// (`title`, `recipient.name`), or the argument itself when it is a scalar (`email`, `search`).
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { startGateway, type RunningGateway } from '@lattice/gateway-feature';
import {
  codeOf,
  createOrganization,
  gatewayUrl,
  gql,
  ok,
  origin,
  ports,
  signUp,
  type GraphQLResult,
  type Session,
} from './support/client';

const fieldsOf = (result: GraphQLResult) =>
  (
    (result.errors?.[0]?.extensions?.details as { fields?: Array<{ field: string }> } | undefined)?.fields ??
    []
  ).map((f) => f.field);

/** A typed refusal naming the field: BAD_USER_INPUT, no data, no stack, status never 5xx. */
function expectRefused(result: GraphQLResult, field: string) {
  expect({ code: codeOf(result), fields: fieldsOf(result) }).toEqual({
    code: 'BAD_USER_INPUT',
    fields: [field],
  });
  expect(JSON.stringify(result)).not.toMatch(/stacktrace|at \w+ \(|node_modules|Internal server error/);
}

describe('input rules', () => {
  let employer: Session;
  let employerOrg: string;
  let skillId: string;

  beforeAll(async () => {
    employer = await signUp('rules-employer');
    employerOrg = await createOrganization(employer, {
      name: `Rules Mill ${randomUUID().slice(0, 6)}`,
      kind: 'EMPLOYER',
      size: 'LARGE',
      region: 'ON-Sudbury',
    });
    skillId = (await ok('{ skills(search: "work in teams", first: 1) { edges { node { id } } } }')).skills
      .edges[0].node.id;
  });

  const needInput = (overrides: Record<string, unknown> = {}) => ({
    organizationId: employerOrg,
    title: 'Crew leads',
    skills: [{ skillId, level: 2 }],
    region: 'ON-Sudbury',
    deliveryModes: ['HYBRID'],
    learnerCount: 5,
    careerStage: 'MID_CAREER',
    ...overrides,
  });
  const POST = 'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id neededBy } }';
  const needCount = async () =>
    (
      await ok(
        'query($f: SkillNeedFilter) { skillNeeds(filter: $f) { totalCount } }',
        { f: { organizationId: employerOrg } },
        employer.token,
      )
    ).skillNeeds.totalCount;

  describe('control characters (defect 4)', () => {
    it.each([['\u0000'], ['\u0007'], ['\u001b[31m'], ['\u007f'], ['\u0085'], ['\r']])(
      'refuses %j in sign-up name, log-in e-mail, organization name, need title, skill search, comment and recipient name',
      async (bad) => {
        expectRefused(
          await gql('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
            i: {
              email: `a${randomUUID().slice(0, 6)}@e2e.lattice.test`,
              password: 'correct horse battery',
              name: `Ann${bad}`,
            },
          }),
          'name',
        );
        expectRefused(
          await gql('mutation($e: String!) { logIn(email: $e, password: "whatever-long") { token } }', {
            e: `a${bad}@example.org`,
          }),
          'email',
        );
        expectRefused(
          await gql(
            'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
            { i: { name: `Org${bad}`, kind: 'EMPLOYER', size: 'SMALL' } },
            employer.token,
          ),
          'name',
        );
        expectRefused(await gql(POST, { i: needInput({ title: `Leads${bad}` }) }, employer.token), 'title');
        expectRefused(
          await gql('query($s: String) { skills(search: $s) { totalCount } }', { s: `team${bad}` }),
          'search',
        );
        expectRefused(
          await gql(
            'mutation($d: ID!, $b: String!) { commentOnDesign(designId: $d, body: $b) { id } }',
            { d: randomUUID(), b: `Hi${bad}` },
            employer.token,
          ),
          'body',
        );
        expectRefused(
          await gql(
            'mutation($i: AwardInput!) { awardCredential(input: $i) { id } }',
            {
              i: {
                credentialId: randomUUID(),
                issuerId: randomUUID(),
                recipient: { email: 'l@example.org', name: `Lee${bad}` },
                result: { score: 90, attempt: 1 },
              },
            },
            employer.token,
          ),
          'recipient.name',
        );
      },
    );

    it('refuses a control character written in the query text itself, naming the argument', async () => {
      expectRefused(await gql('{ skills(search: "team\\u0000") { totalCount } }'), 'search');
      expectRefused(
        await gql(
          `mutation { postSkillNeed(input: { organizationId: "${employerOrg}", title: "x\\u0000yz", skills: [], region: "ON-Sudbury", deliveryModes: [HYBRID], learnerCount: 1, careerStage: MID_CAREER }) { id } }`,
          {},
          employer.token,
        ),
        'title',
      );
    });

    it('keeps tab and newline, and changes nothing when it refuses', async () => {
      const before = await needCount();
      expectRefused(
        await gql(POST, { i: needInput({ title: 'Leads\u0000', description: 'ok' }) }, employer.token),
        'title',
      );
      expect(await needCount()).toBe(before);
      const posted = await gql(
        POST,
        { i: needInput({ title: 'Crew\tleads', description: 'Line one\nline two' }) },
        employer.token,
      );
      expect(posted.errors).toBeUndefined();
      expect(await needCount()).toBe(before + 1);
    });
  });

  describe('dates (defect 5)', () => {
    it.each([
      ['2027-02-30'],
      ['2027-02-29'],
      ['2026-13-01'],
      ['2026-04-31'],
      ['yesterday'],
      ['2026-1-1'],
      ['0000-00-00'],
    ])('refuses neededBy %j, changing nothing', async (date) => {
      const before = await needCount();
      expectRefused(await gql(POST, { i: needInput({ neededBy: date }) }, employer.token), 'neededBy');
      expect(await needCount()).toBe(before);
    });

    it('accepts a real date, 29 February of a leap year included', async () => {
      expect(
        (await ok(POST, { i: needInput({ neededBy: '2028-02-29' }) }, employer.token)).postSkillNeed.neededBy,
      ).toBe('2028-02-29');
    });

    it.each([
      ['yesterday'],
      ['2026-02-30T00:00:00Z'],
      ['2026-01-01T24:00:00Z'],
      ['2026-01-01'],
      ['2026-01-01T10:00:00'],
      ['1735689600000'],
    ])('refuses postedAfter %j', async (value) => {
      expectRefused(
        await gql(
          'query($f: SkillNeedFilter) { skillNeeds(filter: $f) { totalCount } }',
          { f: { postedAfter: value } },
          employer.token,
        ),
        'postedAfter',
      );
    });

    it('refuses a bad date-time written in the query text, and a number where a date-time goes', async () => {
      expectRefused(
        await gql('{ skillNeeds(filter: { postedBefore: "soon" }) { totalCount } }', {}, employer.token),
        'postedBefore',
      );
      expectRefused(
        await gql(
          'query($f: SkillNeedFilter) { skillNeeds(filter: $f) { totalCount } }',
          { f: { postedAfter: 1735689600000 } },
          employer.token,
        ),
        'postedAfter',
      );
      expectRefused(
        await gql(
          'mutation($d: DateTime) { submitDesignForReview(id: "00000000-0000-4000-8000-000000000000", reviewDueAt: $d) { id } }',
          { d: 'next week' },
          employer.token,
        ),
        'reviewDueAt',
      );
    });

    it('accepts a real date-time with a zone', async () => {
      const result = await gql(
        'query($f: SkillNeedFilter) { skillNeeds(filter: $f) { totalCount } }',
        { f: { postedAfter: '2024-02-29T23:59:59.5+05:30' } },
        employer.token,
      );
      expect(result.errors).toBeUndefined();
    });
  });

  describe('bodies (defect 6)', () => {
    // Its own connection each (no keep-alive): a server may answer 413 before reading the body and
    // then close the socket, which a pooled client could otherwise pick for the next request.
    const post = (url: string, body: string) =>
      new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
        let answered = false;
        const req = httpRequest(
          url,
          {
            method: 'POST',
            agent: false,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            answered = true;
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                type: String(res.headers['content-type'] ?? ''),
                text: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          },
        );
        // Writing the rest of a body the server already answered may fail: the answer is what counts.
        req.on('error', (error) => (answered ? undefined : reject(error)));
        req.end(body);
      });
    async function expectJsonError(
      response: Promise<{ status: number; type: string; text: string }>,
      status: number,
      code: string,
    ) {
      const { status: got, type, text } = await response;
      expect({ status: got, type }).toEqual({ status, type: expect.stringContaining('application/json') });
      expect(text).not.toMatch(/<html|<pre|stack|at \w+ \(|node_modules|SyntaxError/i);
      expect(JSON.parse(text).errors[0].extensions.code).toBe(code);
    }

    it('answers malformed JSON, a non-object body and an oversized body on /graphql and POST /verify with a typed JSON error', async () => {
      for (const url of [gatewayUrl(), `${origin()}/verify`]) {
        await expectJsonError(post(url, '{"query": "{ __typename }"'), 400, 'BAD_REQUEST');
        await expectJsonError(post(url, '"just a string"'), 400, 'BAD_REQUEST');
        await expectJsonError(post(url, '42'), 400, 'BAD_REQUEST');
        await expectJsonError(
          post(url, JSON.stringify({ padding: 'x'.repeat(400_000) })),
          413,
          'PAYLOAD_TOO_LARGE',
        );
      }
    });

    it('does the same on every subgraph', async () => {
      for (const name of ['identity', 'marketplace', 'credentials', 'notifications']) {
        const url = `http://127.0.0.1:${ports()[name]}/graphql`;
        await expectJsonError(post(url, '{"query":'), 400, 'BAD_REQUEST');
        await expectJsonError(post(url, 'null'), 400, 'BAD_REQUEST');
        await expectJsonError(
          post(url, JSON.stringify({ padding: 'x'.repeat(1_200_000) })),
          413,
          'PAYLOAD_TOO_LARGE',
        );
      }
    });
  });

  describe('a gateway with introspection off, in production and in development', () => {
    const base = Number(process.env['E2E_PORT_BASE'] ?? 4100) + 26; // below the replicas' ports (base + 30 …, tools/stack.cjs)
    it.each([
      ['production', 0],
      ['development', 1],
    ])(
      'NODE_ENV=%s: no field suggestions (defect 7), JSON errors for bad bodies (defect 6)',
      async (nodeEnv, offset) => {
        const previous = process.env['NODE_ENV'];
        process.env['NODE_ENV'] = nodeEnv;
        let gateway: RunningGateway | undefined;
        try {
          gateway = await startGateway({
            port: base + offset,
            host: '127.0.0.1',
            supergraphPath: join(__dirname, '../apps/gateway/supergraph.graphql'),
            subgraphUrls: Object.fromEntries(
              ['identity', 'marketplace', 'credentials', 'notifications'].map((name) => [
                name,
                `http://127.0.0.1:${ports()[name]}/graphql`,
              ]),
            ),
            introspection: false,
            bodyLimit: '200kb',
            limits: { maxDepth: 12, maxAliases: 30, maxCost: 20000, defaultListSize: 20 },
          });
          const url = `http://127.0.0.1:${base + offset}/graphql`;
          const ask = async (query: string, variables: Record<string, unknown> = {}) =>
            (await (
              await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ query, variables }),
              })
            ).json()) as GraphQLResult;
          for (const [query, variables] of [
            ['{ me { nme } }', {}],
            ['{ skils { totalCount } }', {}],
            ['{ skills(serch: "x") { totalCount } }', {}],
            ['{ regions(kind: ECONOMIC) { code } }', {}],
            ['query($r: RegionKnd) { regions(kind: $r) { code } }', {}],
            [
              'mutation($i: SignUpInput!) { signUp(input: $i) { token } }',
              { i: { email: 'a@b.c', password: 'x', nmae: 'y' } },
            ],
            ['{ __schema { types { name } } }', {}],
          ] as const) {
            const result = await ask(query, variables);
            expect(result.errors?.length).toBeGreaterThan(0);
            expect({ query, messages: result.errors!.map((e) => e.message).join(' | ') }).toEqual({
              query,
              messages: expect.not.stringMatching(/Did you mean|"skills"|"search"|ECONOMIC_REGION/),
            });
          }
          const malformed = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"query',
          });
          expect(malformed.status).toBe(400);
          expect(((await malformed.json()) as GraphQLResult).errors?.[0]?.extensions?.code).toBe(
            'BAD_REQUEST',
          );
        } finally {
          await gateway?.stop();
          gateway?.server.close();
          process.env['NODE_ENV'] = previous;
        }
      },
    );

    it('keeps suggestions where introspection is on (development default)', async () => {
      const result = await gql('{ me { nme } }');
      expect(result.errors?.[0]?.message).toMatch(/Did you mean "name"/);
    });
  });
});
