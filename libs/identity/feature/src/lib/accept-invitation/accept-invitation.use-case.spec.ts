// Accepting an invitation: the token's invitation, locked, unused, unexpired and for the caller's
// address, becomes one membership, announced and audited; anything else is refused and nothing is written.
import type { Principal } from '@lattice/shared-auth';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  insertMembership,
  type InvitationEntity,
  lockInvitation,
  markInvitationAccepted,
} from '@lattice/identity-data-access';
import type { AuditTrail } from '../shared/audit-trail';
import { hashInvitationToken } from '../invite-member/invite-member.use-case';
import { AcceptInvitationUseCase } from './accept-invitation.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  lockInvitation: jest.fn(),
  insertMembership: jest.fn(),
  markInvitationAccepted: jest.fn(),
}));

const principal = { userId: 'user-1', email: 'Ada@Example.org' } as Principal;
const invitation = (over: Partial<InvitationEntity> = {}) =>
  ({
    id: 'inv-1',
    organizationId: 'org-1',
    email: 'ada@example.org',
    role: 'ADMIN',
    acceptedAt: null,
    expiresAt: new Date(Date.now() + 60_000),
    ...over,
  }) as InvitationEntity;

function harness(found: InvitationEntity | null) {
  jest.mocked(lockInvitation).mockResolvedValue(found);
  const tx = fakeTransactions();
  const audit = { record: jest.fn(async () => undefined) };
  return { tx, audit, useCase: new AcceptInvitationUseCase(tx.dataSource, audit as unknown as AuditTrail) };
}

describe('AcceptInvitationUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('locks the invitation by the token’s hash and makes the caller a member with its role', async () => {
    const { tx, audit, useCase } = harness(invitation());
    const membership = await useCase.execute(principal, '  the-token ');
    expect(lockInvitation).toHaveBeenCalledWith(tx.manager, hashInvitationToken('the-token'));
    expect(membership).toMatchObject({ userId: 'user-1', organizationId: 'org-1', role: 'ADMIN' });
    expect(insertMembership).toHaveBeenCalledWith(tx.manager, membership);
    expect(markInvitationAccepted).toHaveBeenCalledWith(tx.manager, 'inv-1', 'user-1', expect.any(Date));
    expect(tx.committedEvents()).toEqual(['identity.membership.created', 'identity.invitation.accepted']);
    expect(audit.record).toHaveBeenCalledWith(
      tx.manager,
      principal,
      'org-1',
      'invitation.accepted',
      { type: 'user', id: 'user-1' },
      { invitationId: 'inv-1', role: 'ADMIN' },
    );
  });

  it.each([
    ['no such token', null, 'IDENTITY.INVITATION_NOT_FOUND'],
    ['used', invitation({ acceptedAt: new Date() }), 'IDENTITY.INVITATION_USED'],
    ['expired', invitation({ expiresAt: new Date(Date.now() - 1) }), 'IDENTITY.INVITATION_EXPIRED'],
    ['for another address', invitation({ email: 'bo@example.org' }), 'IDENTITY.INVITATION_FOR_ANOTHER_EMAIL'],
  ])('refuses an invitation %s and writes nothing', async (_what, found, code) => {
    const { tx, useCase } = harness(found);
    await expect(useCase.execute(principal, 'the-token')).rejects.toMatchObject({ code });
    expect(insertMembership).not.toHaveBeenCalled();
    expect(tx.committedEvents()).toEqual([]);
  });

  it('a caller already in the organization (the unique key) is ALREADY_MEMBER', async () => {
    const { useCase } = harness(invitation());
    jest
      .mocked(insertMembership)
      .mockRejectedValue({ driverError: { code: '23505', constraint: 'memberships_user_org_key' } });
    await expect(useCase.execute(principal, 'the-token')).rejects.toMatchObject({
      code: 'IDENTITY.ALREADY_MEMBER',
    });
  });
});
