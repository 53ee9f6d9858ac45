import { Authorizer, MembershipSource } from './authorizer';
import type { Principal, PrincipalMembership } from './principal';

class StrictSource extends MembershipSource {
  calls = 0;
  constructor(private readonly live: PrincipalMembership[] | null) {
    super();
  }
  async membershipsOf(): Promise<readonly PrincipalMembership[]> {
    this.calls++;
    if (this.live === null) throw new Error('unexpected call to the membership source');
    return this.live;
  }
}

const principal = (memberships: PrincipalMembership[]): Principal => ({
  userId: 'u1',
  email: 'u1@x.org',
  memberships,
  token: 't',
});

describe('Authorizer', () => {
  it('answers from the token without asking the source', async () => {
    const source = new StrictSource(null);
    const membership = await new Authorizer(source).requireRole(
      principal([{ organizationId: 'o1', role: 'ADMIN', kind: 'EMPLOYER' }]),
      'o1',
      'ADMIN',
    );
    expect(membership.role).toBe('ADMIN');
    expect(source.calls).toBe(0);
  });

  it('falls back to live memberships for one gained after the token was issued', async () => {
    const source = new StrictSource([{ organizationId: 'o2', role: 'OWNER', kind: 'INSTITUTION' }]);
    await expect(new Authorizer(source).requireRole(principal([]), 'o2', 'ADMIN')).resolves.toMatchObject({
      organizationId: 'o2',
    });
    expect(source.calls).toBe(1);
  });

  it('refuses a role below the minimum and another tenant', async () => {
    const source = new StrictSource([{ organizationId: 'o1', role: 'MEMBER', kind: 'EMPLOYER' }]);
    const authorizer = new Authorizer(source);
    const caller = principal([{ organizationId: 'o1', role: 'MEMBER', kind: 'EMPLOYER' }]);
    await expect(authorizer.requireRole(caller, 'o1', 'ADMIN')).rejects.toMatchObject({
      category: 'FORBIDDEN',
    });
    await expect(authorizer.requireRole(caller, 'o9')).rejects.toMatchObject({ category: 'FORBIDDEN' });
  });

  it('accepts a membership in any of several organizations, asking the source at most once', async () => {
    const token = new StrictSource(null);
    await expect(
      new Authorizer(token).requireRoleInAny(
        principal([{ organizationId: 'o2', role: 'MEMBER', kind: 'UMBRELLA' }]),
        ['o1', 'o2'],
      ),
    ).resolves.toMatchObject({ organizationId: 'o2' });
    expect(token.calls).toBe(0);
    const live = new StrictSource([{ organizationId: 'o3', role: 'MEMBER', kind: 'INSTITUTION' }]);
    await expect(new Authorizer(live).requireRoleInAny(principal([]), ['o1', 'o3'])).resolves.toMatchObject({
      organizationId: 'o3',
    });
    await expect(new Authorizer(live).requireRoleInAny(principal([]), ['o1', 'o2'])).rejects.toMatchObject({
      category: 'FORBIDDEN',
    });
    expect(live.calls).toBe(2);
  });

  it('recognizes operators only as owners or admins of an operator organization', async () => {
    const authorizer = new Authorizer(new StrictSource([]));
    await expect(
      authorizer.requireOperator(principal([{ organizationId: 'op', role: 'ADMIN', kind: 'OPERATOR' }])),
    ).resolves.toBeUndefined();
    await expect(
      authorizer.requireOperator(principal([{ organizationId: 'op', role: 'MEMBER', kind: 'OPERATOR' }])),
    ).rejects.toMatchObject({ category: 'FORBIDDEN' });
  });
});
