// Issue 12: owners and admins change roles and remove members, a member leaves, the last owner
// stays (also when two owners demote each other at once), a removed member's tokens stop working
// for the organization; every such action is in the organization's append-only audit log.
import { Client } from 'pg';
import { codeOf, createOrganization, gql, inviteAndAccept, ok, signUp, type Session } from './support/client';

jest.setTimeout(90_000);

const ROLE =
  'mutation($o: ID!, $u: ID!, $r: Role!) { changeMemberRole(organizationId: $o, userId: $u, role: $r) { role user { id } } }';
const REMOVE = 'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }';
const LEAVE = 'mutation($o: ID!) { leaveOrganization(organizationId: $o) }';
const MEMBERS = 'query($id: ID!) { organization(id: $id) { members { role user { id } } } }';
const AUDIT =
  'query($o: ID!, $f: Int, $a: String) { auditLog(organizationId: $o, first: $f, after: $a) { edges { node { action actorKind actorId targetId details source } } pageInfo { hasNextPage endCursor } } }';
const CSV = 'query($o: ID!) { auditLogCsv(organizationId: $o) }';
const LOG_IN = 'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }';

const rolesOf = async (organizationId: string, session: Session) =>
  Object.fromEntries(
    (
      (await ok(MEMBERS, { id: organizationId }, session.token)).organization.members as Array<{
        role: string;
        user: { id: string };
      }>
    ).map((m) => [m.user.id, m.role]),
  );

describe('organization members and the audit log', () => {
  let owner: Session;
  let admin: Session;
  let other: Session;
  let member: Session;
  let orgId: string;
  let db: Client;

  beforeAll(async () => {
    [owner, admin, other, member] = await Promise.all([
      signUp('mem-owner'),
      signUp('mem-admin'),
      signUp('mem-other'),
      signUp('mem-member'),
    ]);
    orgId = await createOrganization(owner, {
      name: 'Members Mill',
      kind: 'EMPLOYER',
      size: 'SMALL',
      sector: '332',
    });
    await inviteAndAccept(owner, orgId, admin, 'ADMIN');
    await inviteAndAccept(owner, orgId, other, 'ADMIN');
    await inviteAndAccept(owner, orgId, member, 'MEMBER');
    db = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
  });

  it('lets only owners and admins change roles, only owners touch owners, and never leaves no owner', async () => {
    const before = await rolesOf(orgId, owner);
    expect(codeOf(await gql(ROLE, { o: orgId, u: other.userId, r: 'MEMBER' }, member.token))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await gql(ROLE, { o: orgId, u: member.userId, r: 'OWNER' }, admin.token))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await gql(ROLE, { o: orgId, u: owner.userId, r: 'ADMIN' }, admin.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(ROLE, { o: orgId, u: owner.userId, r: 'ADMIN' }, owner.token))).toBe(
      'FAILED_PRECONDITION',
    );
    expect(codeOf(await gql(REMOVE, { o: orgId, u: owner.userId }, owner.token))).toBe('FAILED_PRECONDITION');
    expect(codeOf(await gql(LEAVE, { o: orgId }, owner.token))).toBe('FAILED_PRECONDITION');
    expect(codeOf(await gql(ROLE, { o: orgId, u: 'nope', r: 'ADMIN' }, owner.token))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await gql(ROLE, { o: orgId, u: '00000000-0000-4000-8000-000000000000', r: 'ADMIN' }, owner.token),
      ),
    ).toBe('NOT_FOUND');
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(
      codeOf(await gql(ROLE, { o: orgId, u: member.userId, r: 'KING' }, owner.token)),
    );
    expect(await rolesOf(orgId, owner)).toEqual(before);

    const promoted = (await ok(ROLE, { o: orgId, u: other.userId, r: 'MEMBER' }, admin.token))
      .changeMemberRole;
    expect(promoted).toEqual({ role: 'MEMBER', user: { id: other.userId } });
    await ok(ROLE, { o: orgId, u: other.userId, r: 'ADMIN' }, owner.token);
    // Demoted, their older access tokens were ended: they log in again.
    expect(codeOf(await gql(MEMBERS, { id: orgId }, other.token))).toBe('UNAUTHENTICATED');
    other.token = (await ok(LOG_IN, { e: other.email, p: 'correct horse battery' })).logIn.token;
  });

  it('keeps an owner when two owners demote each other at the same moment', async () => {
    await ok(ROLE, { o: orgId, u: admin.userId, r: 'OWNER' }, owner.token);
    const adminToken = (await ok(LOG_IN, { e: admin.email, p: 'correct horse battery' })).logIn
      .token as string;
    const outcomes = await Promise.all([
      gql(ROLE, { o: orgId, u: admin.userId, r: 'ADMIN' }, owner.token),
      gql(ROLE, { o: orgId, u: owner.userId, r: 'ADMIN' }, adminToken),
    ]);
    const succeeded = outcomes.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    // The loser is refused by the owner rule, or — when the winner's demotion committed first — its
    // token is already ended (a demoted owner's earlier tokens stop working).
    expect(['FAILED_PRECONDITION', 'FORBIDDEN', 'UNAUTHENTICATED']).toContain(
      codeOf(outcomes.find((r) => r.errors)!),
    );
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM identity.memberships WHERE organization_id = $1 AND role = 'OWNER'`,
      [orgId],
    );
    expect(rows[0].n).toBe(1);
    // Whoever stayed owner restores the starting point.
    const stillOwner = outcomes[0]!.errors ? admin : owner;
    const stillOwnerToken = (await ok(LOG_IN, { e: stillOwner.email, p: 'correct horse battery' })).logIn
      .token as string;
    if (stillOwner === admin) {
      await ok(ROLE, { o: orgId, u: owner.userId, r: 'OWNER' }, stillOwnerToken);
    }
    owner.token = (await ok(LOG_IN, { e: owner.email, p: 'correct horse battery' })).logIn.token;
    await ok(ROLE, { o: orgId, u: admin.userId, r: 'ADMIN' }, owner.token);
    admin.token = (await ok(LOG_IN, { e: admin.email, p: 'correct horse battery' })).logIn.token;
  });

  it('removes a member, whose old token stops working for the organization; a member leaves', async () => {
    const oldToken = member.token;
    expect(codeOf(await gql(REMOVE, { o: orgId, u: member.userId }, other.token))).toBe(undefined);
    expect(codeOf(await gql(MEMBERS, { id: orgId }, oldToken))).toBe('UNAUTHENTICATED');
    const fresh = (await ok(LOG_IN, { e: member.email, p: 'correct horse battery' })).logIn.token as string;
    expect((await ok(MEMBERS, { id: orgId }, fresh)).organization.members).toEqual([]);
    expect(codeOf(await gql(REMOVE, { o: orgId, u: member.userId }, owner.token))).toBe('NOT_FOUND');
    expect(codeOf(await gql(LEAVE, { o: orgId }, fresh))).toBe('FORBIDDEN');

    expect((await ok(LEAVE, { o: orgId }, other.token)).leaveOrganization).toBe(true);
    expect(Object.keys(await rolesOf(orgId, owner)).sort()).toEqual([owner.userId, admin.userId].sort());
  });

  it('records every action in an append-only audit log its admins read, page by page and as CSV', async () => {
    const first = (await ok(AUDIT, { o: orgId, f: 3 }, owner.token)).auditLog;
    expect(first.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual([
      'member.left',
      'member.removed',
      'member.role_changed',
    ]);
    expect(first.edges[0].node).toMatchObject({
      actorKind: 'USER',
      actorId: other.userId,
      targetId: other.userId,
      source: 'identity',
    });
    expect(first.edges[1].node).toMatchObject({
      actorId: other.userId,
      targetId: member.userId,
      details: { role: 'MEMBER' },
    });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        edges: Array<{ node: { action: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      } = (await ok(AUDIT, { o: orgId, f: 5, a: after }, owner.token)).auditLog;
      all.push(...page.edges.map((e) => e.node.action));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(all.filter((a) => a === 'invitation.created')).toHaveLength(3);
    expect(all.filter((a) => a === 'invitation.accepted')).toHaveLength(3);
    expect(all.filter((a) => a === 'member.role_changed').length).toBeGreaterThanOrEqual(4);

    const csv = (await ok(CSV, { o: orgId }, admin.token)).auditLogCsv as string;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'occurred_at,action,actor_kind,actor_id,target_type,target_id,details,source,request_id,id',
    );
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT[^,]+,member\.left,USER,/);
    expect(lines.filter(Boolean)).toHaveLength(all.length + 1);

    // Filtered by action and by kind of actor, across the whole log; the CSV takes the same filters.
    const FILTERED =
      'query($o: ID!, $action: String, $kind: String) { auditLog(organizationId: $o, first: 100, action: $action, actorKind: $kind) { edges { node { action actorKind } } } }';
    const roleChanges = (
      await ok(FILTERED, { o: orgId, action: 'member.role_changed' }, owner.token)
    ).auditLog.edges.map((e: { node: { action: string } }) => e.node.action);
    expect(roleChanges).toEqual(all.filter((a) => a === 'member.role_changed'));
    expect((await ok(FILTERED, { o: orgId, kind: 'API_KEY' }, owner.token)).auditLog.edges).toEqual([]);
    expect(
      (await ok(FILTERED, { o: orgId, action: 'member.left', kind: 'USER' }, owner.token)).auditLog.edges,
    ).toHaveLength(1);
    const filteredCsv = (
      await ok(
        'query($o: ID!, $action: String) { auditLogCsv(organizationId: $o, action: $action) }',
        { o: orgId, action: 'invitation.created' },
        owner.token,
      )
    ).auditLogCsv as string;
    expect(filteredCsv.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(codeOf(await gql(FILTERED, { o: orgId, kind: 'ROBOT' }, owner.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(FILTERED, { o: orgId, action: "x' OR 1=1 --" }, owner.token))).toBe(
      'BAD_USER_INPUT',
    );

    // Members, removed members and outsiders read nothing.
    const outsider = await signUp('mem-outsider');
    for (const token of [outsider.token, member.token]) {
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(codeOf(await gql(AUDIT, { o: orgId }, token)));
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(codeOf(await gql(CSV, { o: orgId }, token)));
    }
    expect(codeOf(await gql(AUDIT, { o: orgId, a: 'bm90IGEgY3Vyc29y' }, owner.token))).toBe('BAD_USER_INPUT');

    // Append-only: the database itself refuses to change or delete an entry.
    await expect(
      db.query(`UPDATE identity.audit_log SET action = 'x' WHERE organization_id = $1`, [orgId]),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.query(`DELETE FROM identity.audit_log WHERE organization_id = $1`, [orgId]),
    ).rejects.toThrow(/append-only/);
  });
});
