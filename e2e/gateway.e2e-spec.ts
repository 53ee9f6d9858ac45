// The gateway as the public internet meets it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeOf, gatewayUrl, gql, origin, ports, signUp } from './support/client';
const { composeSupergraph } = require('../tools/compose-supergraph.cjs') as {
  composeSupergraph(s: Array<{ name: string; url: string; routingUrl: string }>): Promise<string>;
};

describe('gateway', () => {
  it('serves the checked-in supergraph, and it is not stale', async () => {
    const live = ports();
    const routingPorts: Record<string, number> = {
      identity: 4001,
      marketplace: 4002,
      credentials: 4003,
      notifications: 4004,
      evidence: 4006,
    };
    const subgraphs = Object.entries(routingPorts).map(([name, port]) => ({
      name,
      url: `http://127.0.0.1:${live[name]}/graphql`,
      routingUrl: `http://127.0.0.1:${port}/graphql`,
    }));
    const composed = await composeSupergraph(subgraphs);
    const checkedIn = readFileSync(join(__dirname, '../apps/gateway/supergraph.graphql'), 'utf8');
    // If this fails, run `npm run supergraph` and commit apps/gateway/supergraph.graphql.
    expect(checkedIn).toBe(composed);
  });

  it('refuses queries deeper than the limit', async () => {
    const user = await signUp('deep');
    let selection = 'id';
    for (let i = 0; i < 4; i++)
      selection = `memberships { organization { members { user { ${selection} } } } }`;
    const result = await gql(`{ me { ${selection} } }`, {}, user.token);
    // Apollo reports every validation rule's refusal under one code; the message says which limit.
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/18 levels deep; the limit is 12/);
    expect(result.data).toBeUndefined();
  });

  it('refuses too many aliases (the brute-force trick)', async () => {
    const aliases = Array.from(
      { length: 40 },
      (_, i) => `a${i}: logIn(email: "x${i}@example.org", password: "guess${i}") { token }`,
    ).join(' ');
    const result = await gql(`mutation { ${aliases} }`);
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/40 aliases; the limit is 30/);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('prevents CSRF: a simple cross-site request is refused', async () => {
    const form = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ __typename }"}',
    });
    expect(form.status).toBe(400);
    const get = await fetch(`${gatewayUrl()}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const allowed = await fetch(`${gatewayUrl()}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });

  it('refuses an oversized body with 413', async () => {
    const response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(400_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it('never shows stack traces, SQL or service internals', async () => {
    const result = await gql('{ nope }');
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/stacktrace|at \w+ \(|node_modules|serviceName/);
    const unauthenticated = await gql('{ me { id } }');
    expect(Object.keys(unauthenticated.errors?.[0]?.extensions ?? {}).sort()).toEqual(['code', 'reason']);
  });

  it('answers introspection in development', async () => {
    const result = await gql('{ __schema { queryType { name } } }');
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('reports readiness of every subgraph', async () => {
    const response = await fetch(`${origin()}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { checks: Array<{ name: string; ok: boolean }> };
    expect(body.checks.map((c) => c.name).sort()).toEqual([
      'credentials',
      'evidence',
      'identity',
      'marketplace',
      'notifications',
    ]);
  });

  it('serves the web app at / and on its routes, never in place of an API path', async () => {
    const html = { headers: { accept: 'text/html' } };
    for (const path of ['/', '/inbox', '/invitations/accept?token=abc', '/public/credentials/some-id']) {
      const response = await fetch(`${origin()}${path}`, html);
      expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({
        path,
        status: 200,
        type: expect.stringContaining('text/html'),
      });
      expect(await response.text()).toContain('<div id="root">');
    }
    const credential = await fetch(`${origin()}/credentials/00000000-0000-0000-0000-000000000000`, html);
    expect(credential.status).toBe(404);
    expect(await credential.text()).not.toContain('<div id="root">');
    const health = await fetch(`${origin()}/health/live`, html);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${origin()}/assets/missing-file.js`)).status).toBe(404);
    expect((await fetch(`${origin()}/nothing-here.png`)).status).toBe(404);
  });

  it('serves the region list to anyone', async () => {
    const result = await gql('{ regions(kind: ECONOMIC_REGION) { code nameFr within } }');
    expect(result.data?.['regions']).toContainEqual({
      code: 'ON-Northeast',
      nameFr: 'Nord-Est',
      within: 'ON',
    });
  });
});
