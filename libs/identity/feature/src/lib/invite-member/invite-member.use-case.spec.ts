// Inviting someone: admins only, owners for owners; nobody already a member; a new invitation
// replaces the pending one; the token is shown once and only its hash stored.
import type { Authorizer, Principal } from '@lattice/shared-auth';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  expirePendingInvitations,
  type IdentityRepository,
  insertInvitation,
  type MembershipEntity,
  membershipOf,
} from '@lattice/identity-data-access';
import type { AuditTrail } from '../shared/audit-trail';
import type { IdentityOptions } from '../shared/identity.options';
import { hashInvitationToken, InviteMemberUseCase } from './invite-member.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  expirePendingInvitations: jest.fn(),
  insertInvitation: jest.fn(),
  membershipOf: jest.fn(),
}));

const principal = { userId: 'admin' } as Principal;

function harness(callerRole = 'ADMIN', invitee: { id: string } | null = null) {
  const tx = fakeTransactions();
  const authorizer = { requireRole: jest.fn(async () => ({ organizationId: 'org', role: callerRole })) };
  const repository = {
    organizationById: jest.fn(async () => ({ id: 'org', name: 'Org' })),
    userByEmail: jest.fn(async () => invitee),
  };
  const audit = { record: jest.fn(async () => undefined) };
  const options = { publicBaseUrl: 'https://lattice.test/', invitationTtlHours: 72 } as IdentityOptions;
  const useCase = new InviteMemberUseCase(
    tx.dataSource,
    authorizer as unknown as Authorizer,
    repository as unknown as IdentityRepository,
    options,
    audit as unknown as AuditTrail,
  );
  return { tx, authorizer, audit, useCase };
}

describe('InviteMemberUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('ends the pending invitation to the address, stores the new one by its token’s hash, announces and audits it', async () => {
    const { tx, authorizer, audit, useCase } = harness();
    const { invitation, token, acceptUrl } = await useCase.execute(
      principal,
      'org',
      ' ada@example.org ',
      'MEMBER',
    );
    expect(authorizer.requireRole).toHaveBeenCalledWith(principal, 'org', 'ADMIN');
    expect(expirePendingInvitations).toHaveBeenCalledWith(tx.manager, 'org', 'ada@example.org');
    expect(insertInvitation).toHaveBeenCalledWith(
      tx.manager,
      expect.objectContaining({
        email: 'ada@example.org',
        role: 'MEMBER',
        tokenHash: hashInvitationToken(token),
      }),
    );
    expect(acceptUrl).toBe(`https://lattice.test/invitations/accept?token=${token}`);
    expect(JSON.stringify(tx.committed())).not.toContain(token);
    expect(tx.committedEvents()).toEqual(['identity.invitation.created']);
    expect(audit.record).toHaveBeenCalledWith(
      tx.manager,
      principal,
      'org',
      'invitation.created',
      { type: 'invitation', id: invitation.id },
      { email: 'ada@example.org', role: 'MEMBER' },
    );
  });

  it('only an owner invites an owner', async () => {
    const { tx, useCase } = harness('ADMIN');
    await expect(useCase.execute(principal, 'org', 'ada@example.org', 'OWNER')).rejects.toMatchObject({
      code: 'IDENTITY.ONLY_OWNER_MAY_GRANT_OWNER',
    });
    expect(tx.transactions()).toBe(0);
  });

  it('someone already a member is ALREADY_MEMBER, and nothing is written', async () => {
    jest.mocked(membershipOf).mockResolvedValue({ id: 'm' } as MembershipEntity);
    const { tx, useCase } = harness('ADMIN', { id: 'ada' });
    await expect(useCase.execute(principal, 'org', 'ada@example.org', 'MEMBER')).rejects.toMatchObject({
      code: 'IDENTITY.ALREADY_MEMBER',
    });
    expect(membershipOf).toHaveBeenCalledWith(tx.manager, 'org', 'ada');
    expect(tx.transactions()).toBe(0);
  });
});
