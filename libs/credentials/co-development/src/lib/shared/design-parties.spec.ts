import { MembershipSource, type Principal } from '@lattice/shared-auth';
import { DesignParties } from './design-parties';

const ISSUER = 'issuer-org';
const PARTNER = 'partner-org';
const design = { issuerId: ISSUER, partnerIds: [PARTNER] };

/** Fails the test on any call it was not told to expect. */
function strictSource(answer?: Principal['memberships']) {
  const membershipsOf = jest.fn(async () => {
    if (!answer) throw new Error('unexpected call to the membership source');
    return answer;
  });
  return { source: { membershipsOf } as unknown as MembershipSource, membershipsOf };
}

const principal = (memberships: Principal['memberships']): Principal => ({
  userId: 'u',
  email: 'u@example.org',
  memberships,
  token: 't',
});

describe('DesignParties', () => {
  it('answers from the token without asking identity', async () => {
    const { source, membershipsOf } = strictSource();
    const parties = new DesignParties(source);
    await expect(
      parties.requireParty(
        principal([{ organizationId: PARTNER, role: 'MEMBER', kind: 'EMPLOYER' }]),
        design,
      ),
    ).resolves.toEqual([PARTNER]);
    expect(membershipsOf).not.toHaveBeenCalled();
  });

  it('asks identity once when the token does not show a party, and finds a membership gained since', async () => {
    const { source, membershipsOf } = strictSource([
      { organizationId: ISSUER, role: 'ADMIN', kind: 'INSTITUTION' },
    ]);
    await expect(new DesignParties(source).requireParty(principal([]), design, 'ADMIN')).resolves.toEqual([
      ISSUER,
    ]);
    expect(membershipsOf).toHaveBeenCalledTimes(1);
  });

  it('refuses non-parties and members below the role asked for with FORBIDDEN', async () => {
    const { source } = strictSource([{ organizationId: 'elsewhere', role: 'OWNER', kind: 'EMPLOYER' }]);
    await expect(new DesignParties(source).requireParty(principal([]), design)).rejects.toMatchObject({
      category: 'FORBIDDEN',
      code: 'CREDENTIALS.NOT_A_PARTY',
    });
    const { source: memberOnly } = strictSource([
      { organizationId: PARTNER, role: 'MEMBER', kind: 'EMPLOYER' },
    ]);
    await expect(
      new DesignParties(memberOnly).requireParty(
        principal([{ organizationId: PARTNER, role: 'MEMBER', kind: 'EMPLOYER' }]),
        design,
        'ADMIN',
      ),
    ).rejects.toMatchObject({
      category: 'FORBIDDEN',
    });
  });
});
