// Issue 12: API keys for integrators — organization-scoped, with a role, shown once, stored
// hashed, expiring, revocable, accepted as a bearer credential through the gateway, every use
// attributed to the key (outbox actor, audit log), managed by owners and admins only.
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import {
  codeOf,
  createOrganization,
  eventually,
  gql,
  inviteAndAccept,
  ok,
  signUp,
  type Session,
} from './support/client';

jest.setTimeout(90_000);

const CREATE =
  'mutation($o: ID!, $n: String!, $r: Role!, $e: DateTime) { createApiKey(organizationId: $o, name: $n, role: $r, expiresAt: $e) { secret apiKey { id name role prefix expiresAt lastUsedAt revokedAt createdBy } } }';
const LIST = 'query($o: ID!) { apiKeys(organizationId: $o) { id prefix lastUsedAt revokedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
const POST_NEED = 'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id organization { id } } }';
const JOIN = 'mutation($u: ID!, $o: ID!) { joinUmbrella(umbrellaId: $u, organizationId: $o) { status } }';
const AUDIT =
  'query($o: ID!) { auditLog(organizationId: $o, first: 50) { edges { node { action actorKind actorId targetId details } } } }';

describe('API keys for integrators', () => {
  let owner: Session;
  let member: Session;
  let outsider: Session;
  let orgId: string;
  let otherOrgId: string;
  let umbrellaId: string;
  let skillId: string;
  let db: Client;
  const need = (organizationId: string) => ({
    organizationId,
    title: 'Welders for the night shift',
    skills: [{ skillId, level: 2 }],
    region: 'ON-Sudbury',
    deliveryModes: ['HYBRID'],
    learnerCount: 4,
    careerStage: 'MID_CAREER',
  });

  beforeAll(async () => {
    [owner, member, outsider] = await Promise.all([
      signUp('key-owner'),
      signUp('key-member'),
      signUp('key-outsider'),
    ]);
    orgId = await createOrganization(owner, {
      name: 'Keyed Works',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '332',
    });
    otherOrgId = await createOrganization(outsider, {
      name: 'Other Works',
      kind: 'EMPLOYER',
      size: 'SMALL',
      sector: '332',
    });
    umbrellaId = await createOrganization(outsider, {
      name: 'Keyed Council',
      kind: 'UMBRELLA',
      size: 'SMALL',
    });
    await inviteAndAccept(owner, orgId, member, 'MEMBER');
    skillId = (await ok('{ skills(search: "work in teams", first: 1) { edges { node { id } } } }')).skills
      .edges[0].node.id;
    db = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
  });

  it('shows the key once, stores only its hash, and lets only owners and admins manage keys', async () => {
    const created = (
      await ok(CREATE, { o: orgId, n: 'Student information system', r: 'MEMBER' }, owner.token)
    ).createApiKey;
    expect(created.secret).toMatch(/^lat_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      name: 'Student information system',
      role: 'MEMBER',
      prefix: created.secret.slice(0, 16),
      lastUsedAt: null,
      revokedAt: null,
      createdBy: owner.userId,
    });
    const days = (Date.parse(created.apiKey.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThan(91);
    const { rows } = await db.query('SELECT secret_hash FROM identity.api_keys WHERE id = $1', [
      created.apiKey.id,
    ]);
    expect(rows[0].secret_hash).toBe(createHash('sha256').update(created.secret.slice(17)).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(created.secret.slice(17));

    const listed = (await ok(LIST, { o: orgId }, owner.token)).apiKeys;
    expect(listed).toEqual([
      { id: created.apiKey.id, prefix: created.apiKey.prefix, lastUsedAt: null, revokedAt: null },
    ]);
    expect(
      JSON.stringify(
        await gql('query($o: ID!) { apiKeys(organizationId: $o) { secret } }', { o: orgId }, owner.token),
      ),
    ).not.toContain(created.secret);

    for (const token of [member.token, outsider.token]) {
      expect(codeOf(await gql(CREATE, { o: orgId, n: 'x', r: 'MEMBER' }, token))).toBe('FORBIDDEN');
      expect(codeOf(await gql(LIST, { o: orgId }, token))).toBe('FORBIDDEN');
      expect(codeOf(await gql(REVOKE, { id: created.apiKey.id }, token))).toBe('FORBIDDEN');
    }
    // Bad input: typed errors, nothing created.
    expect(codeOf(await gql(CREATE, { o: orgId, n: 'Owner key', r: 'OWNER' }, owner.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await gql(CREATE, { o: orgId, n: '   ', r: 'MEMBER' }, owner.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(await gql(CREATE, { o: orgId, n: 'Past', r: 'MEMBER', e: '2020-01-01T00:00:00Z' }, owner.token)),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await gql(CREATE, { o: orgId, n: 'Far', r: 'MEMBER', e: '2099-01-01T00:00:00Z' }, owner.token)),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await gql(CREATE, { o: orgId, n: 'Bad date', r: 'MEMBER', e: '2027-02-30T00:00:00Z' }, owner.token),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(REVOKE, { id: 'nope' }, owner.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(REVOKE, { id: '00000000-0000-4000-8000-000000000000' }, owner.token))).toBe(
      'NOT_FOUND',
    );
    expect((await ok(LIST, { o: orgId }, owner.token)).apiKeys).toHaveLength(1);
  });

  it('is accepted as a bearer credential within its organization and role, and every use is the key’s', async () => {
    const { secret, apiKey } = (await ok(CREATE, { o: orgId, n: 'HR system', r: 'MEMBER' }, owner.token))
      .createApiKey;
    const posted = (await ok(POST_NEED, { i: need(orgId) }, secret)).postSkillNeed;
    expect(posted.organization).toEqual({ id: orgId });
    const outbox = await eventually(
      async () =>
        (
          await db.query(
            `SELECT actor_id FROM marketplace.outbox WHERE type = 'marketplace.need.posted' AND payload->>'needId' = $1`,
            [posted.id],
          )
        ).rows,
      (r) => r.length > 0,
    );
    expect(outbox).toEqual([{ actor_id: apiKey.id }]);
    const listed = (await ok(LIST, { o: orgId }, owner.token)).apiKeys.find(
      (k: { id: string }) => k.id === apiKey.id,
    );
    expect(listed.lastUsedAt).toEqual(expect.any(String));

    // Outside its organization, or beyond its role, or for people's own business: refused.
    expect(codeOf(await gql(POST_NEED, { i: need(otherOrgId) }, secret))).toBe('FORBIDDEN');
    expect(codeOf(await gql(JOIN, { u: umbrellaId, o: orgId }, secret))).toBe('FORBIDDEN');
    expect(codeOf(await gql(CREATE, { o: orgId, n: 'Child key', r: 'MEMBER' }, secret))).toBe('FORBIDDEN');
    expect(codeOf(await gql('mutation { signOutEverywhere }', {}, secret))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await gql(
          'mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e, role: MEMBER) { id } }',
          { o: orgId, e: 'x@e2e.lattice.test' },
          secret,
        ),
      ),
    ).toBe('FORBIDDEN');

    // A key with a wrong secret, or a made-up one, is not a credential.
    const tampered = `${secret.slice(0, -4)}${secret.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(codeOf(await gql(POST_NEED, { i: need(orgId) }, tampered))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(POST_NEED, { i: need(orgId) }, 'lat_000000000000_' + 'A'.repeat(43)))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('records keys created, revoked and used in the audit log, and a revoked key stops working', async () => {
    const { secret, apiKey } = (
      await ok(CREATE, { o: orgId, n: 'Admin integration', r: 'ADMIN' }, owner.token)
    ).createApiKey;
    expect((await ok(JOIN, { u: umbrellaId, o: orgId }, secret)).joinUmbrella.status).toBe('PENDING');

    const revoked = (await ok(REVOKE, { id: apiKey.id }, owner.token)).revokeApiKey;
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect(codeOf(await gql(REVOKE, { id: apiKey.id }, owner.token))).toBe('FAILED_PRECONDITION');
    // The gateway may still hold a token for it: the subgraphs refuse it (the revocation moment is shared, cached 2 s).
    const refused = await eventually(
      () => gql(POST_NEED, { i: need(orgId) }, secret),
      (r) => codeOf(r) === 'UNAUTHENTICATED',
      6_000,
    );
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');

    const entries = (await ok(AUDIT, { o: orgId }, owner.token)).auditLog.edges.map(
      (e: { node: Record<string, unknown> }) => e.node,
    );
    expect(entries[0]).toMatchObject({
      action: 'api_key.revoked',
      actorKind: 'USER',
      actorId: owner.userId,
      targetId: apiKey.id,
    });
    expect(entries[1]).toMatchObject({
      action: 'umbrella.join_requested',
      actorKind: 'API_KEY',
      actorId: apiKey.id,
      targetId: umbrellaId,
    });
    expect(entries[2]).toMatchObject({
      action: 'api_key.created',
      actorKind: 'USER',
      targetId: apiKey.id,
      details: { role: 'ADMIN', prefix: apiKey.prefix },
    });
    expect(JSON.stringify(entries)).not.toContain(secret.slice(17));
  });
});
