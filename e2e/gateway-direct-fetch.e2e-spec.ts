// Differential test of the gateway's direct fetch (libs/gateway/feature/src/lib/direct-fetch.ts)
// against the reference: the stack's gateway (fast path on) and a gateway started here without it,
// on the same subgraphs, must answer every request byte for byte the same — status, content type
// and body — on generated odd requests: aliases (merging and clashing), __typename, @include and
// @skip, fragments, named and several operations, variables of the wrong type, missing, extra or
// null, odd strings (unicode, NUL, 1,000 characters), bad ids, signed in and out, Accept headers,
// extensions, and queries that span subgraphs. Each request is sent twice to the stack's gateway
// (the first teaches it the document, the second may take the fast path). The stack's metrics
// must show the fast path served some of them, so the comparison cannot pass vacuously.
import { join } from 'node:path';
import { startGateway, type RunningGateway } from '@lattice/gateway-feature';
import { gatewayUrl, ok, ports, processPorts, signUp, type Session } from './support/client';

function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

interface Ask {
  body: unknown;
  headers: Record<string, string>;
}

async function send(url: string, ask: Ask): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ask.headers },
    body: JSON.stringify(ask.body),
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

/**
 * Byte for byte, except the order of `errors`: a subgraph resolves sibling fields concurrently, so
 * two errors may come in either order on the full path itself (both gateways hand errors to it).
 */
function sameBody(actual: string, expected: string): boolean {
  if (actual === expected) return true;
  try {
    const a = JSON.parse(actual) as { errors?: unknown[] };
    const b = JSON.parse(expected) as { errors?: unknown[] };
    if (!a.errors || !b.errors) return false;
    const sorted = (errors: unknown[]) => errors.map((e) => JSON.stringify(e)).sort();
    return (
      JSON.stringify({ ...a, errors: sorted(a.errors) }) ===
      JSON.stringify({ ...b, errors: sorted(b.errors) })
    );
  } catch {
    return false;
  }
}

/** Direct fetches served, summed over every gateway process (each counts its own). */
async function directFetchesServed(): Promise<number> {
  let served = 0;
  for (const port of processPorts('gateway')) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('gateway_direct_fetches_total{') && l.includes('outcome="served"'));
    served += line ? Number(line.split(' ').pop()) : 0;
  }
  return served;
}

describe('gateway direct fetch = the full path, on generated odd requests (e2e)', () => {
  const base = Number(process.env['E2E_PORT_BASE'] ?? 4100) + 28; // below the replicas' ports (base + 30 …, tools/stack.cjs)
  let reference: RunningGateway;
  let session: Session;
  let skillIds: string[];

  beforeAll(async () => {
    reference = await startGateway({
      port: base,
      host: '127.0.0.1',
      supergraphPath: join(__dirname, '../apps/gateway/supergraph.graphql'),
      subgraphUrls: Object.fromEntries(
        ['identity', 'marketplace', 'credentials', 'notifications', 'evidence'].map((name) => [
          name,
          `http://127.0.0.1:${ports()[name]}/graphql`,
        ]),
      ),
      // The stack's gateway runs with NODE_ENV=test defaults: introspection on, the same limits.
      introspection: true,
      bodyLimit: '200kb',
      limits: { maxDepth: 12, maxAliases: 30, maxCost: 20000, defaultListSize: 20 },
      directFetch: false,
    });
    session = await signUp('direct-fetch');
    const found = await ok<{ skills: { edges: Array<{ node: { id: string } }> } }>(
      '{ skills(search: "data", first: 5) { edges { node { id } } } }',
    );
    skillIds = found.skills.edges.map((e) => e.node.id);
    expect(skillIds.length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await reference?.stop();
    reference?.server.close();
  });

  function generate(count: number): Ask[] {
    const random = prng(20261204);
    const oddStrings = [
      'data',
      'dta analysys',
      'pyhton',
      '',
      ' ',
      'é'.repeat(3),
      'communiquer en français',
      'a\u0000b',
      'x'.repeat(1000),
      '"quoted" -not',
      '🙂 emoji',
      '\u202Eright-to-left',
    ];
    const ids = () => [
      random.pick(skillIds),
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      5,
      null,
      { id: 'x' },
      [random.pick(skillIds)],
    ];
    const alias = () => random.pick(['a', 'b', 'label', 'id', 'x_1', 'skill']);
    const skillFields = () =>
      random.pick([
        'id label',
        'label id',
        '__typename id',
        'id label labelFr framework kind',
        `${alias()}: label id`,
        `id ${alias()}: id`,
        'id label @include(if: $flag)',
        'id label @skip(if: $flag)',
        'id broader { id label } narrower { id }',
        'id ... on Skill { label }',
        'id ...F',
      ]);
    const asks: Ask[] = [];
    for (let i = 0; i < count; i++) {
      const fields = skillFields();
      const usesFlag = fields.includes('$flag');
      const fragment = fields.includes('...F') ? ' fragment F on Skill { label uri }' : '';
      const flagDef = usesFlag ? ', $flag: Boolean!' : '';
      const shape = random.int(0, 9);
      let query: string;
      let variables: Record<string, unknown> = {};
      let operationName: string | undefined;
      switch (shape) {
        case 0:
        case 1:
          query = `query($id: ID!${flagDef}) { skill(id: $id) { ${fields} } }${fragment}`;
          variables = { id: random.pick(ids()) };
          break;
        case 2:
          query = `query Named($id: ID!${flagDef}) { first: skill(id: $id) { ${fields} } second: skill(id: $id) { id } }${fragment}`;
          variables = { id: random.pick(ids()) };
          operationName = random.pick(['Named', 'Named', 'Other', undefined as unknown as string]);
          break;
        case 3:
          query = `query($s: String, $n: Int${flagDef}) { skills(search: $s, first: $n) { totalCount edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }${fragment}`;
          variables = { s: random.pick(oddStrings), n: random.pick([1, 3, 5, 0, -1, 500, '5', null]) };
          break;
        case 4:
          query = `query One($id: ID!) { skill(id: $id) { id } } query Two { me { id email } }`;
          operationName = random.pick(['One', 'Two', 'Three']);
          variables = { id: random.pick(ids()) };
          break;
        case 5:
          query = `{ me { id email name locale emailVerified ${random.pick(['', '__typename', 'memberships { role }'])} } }`;
          break;
        case 6: // spans subgraphs: never the fast path
          query = `{ credentials(first: 3) { edges { node { id title issuer { id name } } } } }`;
          break;
        case 7: // the schema refuses
          query = random.pick([
            '{ skill { id } }',
            '{ skill(id: 1) { nope } }',
            'query($id: ID!) { skill(id: $id) { id } }',
            '{ __schema { queryType { name } } }',
            '{ __typename skill(id: "x") { id } }',
          ]);
          variables = random.pick([{}, { id: random.pick(ids()) }]);
          break;
        case 8:
          query = `query($id: ID!) { skill(id: $id) { id label } }`;
          variables = { id: random.pick(ids()), extra: 'ignored', flag: true };
          break;
        default:
          query = `query($id: ID!) { a: skill(id: $id) { id } b: skill(id: $id) { label } a: skill(id: $id) { label } }`;
          variables = { id: random.pick(ids()) };
      }
      if (usesFlag) variables['flag'] = random.pick([true, false, 'yes', null]);
      if (random.next() < 0.1) delete variables['id'];
      const body: Record<string, unknown> = { query, variables };
      if (operationName !== undefined) body['operationName'] = operationName;
      if (random.next() < 0.1)
        body['extensions'] = random.pick([
          { clientLibrary: { name: 'x' } },
          { persistedQuery: { version: 1, sha256Hash: 'abc' } },
          null,
        ]);
      if (random.next() < 0.05) body['variables'] = random.pick([null, 'string', [1]]);
      const headers: Record<string, string> = {};
      const auth = random.int(0, 2);
      if (auth === 1) headers['authorization'] = `Bearer ${session.token}`;
      if (auth === 2 && random.next() < 0.3) headers['authorization'] = 'Bearer not-a-token';
      const accept = random.pick([
        undefined,
        'application/json',
        'application/graphql-response+json',
        'application/graphql-response+json,application/json;q=0.9',
        'text/html',
        '*/*',
      ]);
      if (accept) headers['accept'] = accept;
      asks.push({ body, headers });
    }
    return asks;
  }

  it('answers 400 generated requests exactly as the full path does, and serves part of them directly', async () => {
    const servedBefore = await directFetchesServed();
    const asks = generate(400);
    const referenceUrl = `http://127.0.0.1:${base}/graphql`;
    const mismatches: string[] = [];
    for (const ask of asks) {
      const expected = await send(referenceUrl, ask);
      // A gateway serves a document directly once it has seen it: each gateway process (E2E_REPLICAS
      // runs two behind a round-robin proxy) sees every ask once before one of them can.
      const attempts = processPorts('gateway').length + 1;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const actual = await send(gatewayUrl(), ask);
        if (
          actual.status !== expected.status ||
          actual.type !== expected.type ||
          !sameBody(actual.body, expected.body)
        )
          mismatches.push(
            `attempt ${attempt} of ${JSON.stringify(ask)}\n  expected ${expected.status} ${expected.type} ${expected.body.slice(0, 300)}\n  got      ${actual.status} ${actual.type} ${actual.body.slice(0, 300)}`,
          );
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect((await directFetchesServed()) - servedBefore).toBeGreaterThan(50);
  }, 300_000);
});
