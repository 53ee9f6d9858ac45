// Member changes: the caller's live role decides, only owners touch owners, the last owner stays,
// and a demoted or removed person's access tokens end; every change is announced and audited.
import type { Principal } from '@lattice/shared-auth';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  deleteMembership,
  lockOrganization,
  type MembershipEntity,
  membershipOf,
  otherOwnerCount,
  setMembershipRole,
} from '@lattice/identity-data-access';
import type { AuditTrail } from '../shared/audit-trail';
import type { SessionsEnded } from '../shared/sessions-ended';
import { ManageMembersUseCase } from './manage-members.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  lockOrganization: jest.fn(),
  membershipOf: jest.fn(),
  otherOwnerCount: jest.fn(),
  setMembershipRole: jest.fn(),
  deleteMembership: jest.fn(),
}));

const ORG = 'org-1';
const member = (userId: string, role: MembershipEntity['role']) =>
  ({ id: `m-${userId}`, userId, organizationId: ORG, role }) as MembershipEntity;
const principal = { userId: 'caller' } as Principal;

function harness(members: MembershipEntity[], otherOwners = 1) {
  jest.mocked(lockOrganization).mockResolvedValue({ id: ORG } as never);
  jest
    .mocked(membershipOf)
    .mockImplementation(async (_m, _org, userId) => members.find((m) => m.userId === userId) ?? null);
  jest.mocked(otherOwnerCount).mockResolvedValue(otherOwners);
  const tx = fakeTransactions();
  const sessions = { endAccessTokens: jest.fn(async () => undefined) };
  const audit = { record: jest.fn(async () => undefined) };
  const useCase = new ManageMembersUseCase(
    tx.dataSource,
    sessions as unknown as SessionsEnded,
    audit as unknown as AuditTrail,
  );
  return { tx, sessions, audit, useCase };
}

describe('ManageMembersUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('demotes an admin: the role changes, their access tokens end, the change is announced and audited', async () => {
    const { tx, sessions, audit, useCase } = harness([member('caller', 'OWNER'), member('ada', 'ADMIN')]);
    await expect(useCase.changeRole(principal, ORG, 'ada', 'MEMBER')).resolves.toMatchObject({
      userId: 'ada',
      role: 'MEMBER',
    });
    expect(setMembershipRole).toHaveBeenCalledWith(tx.manager, 'm-ada', 'MEMBER');
    expect(sessions.endAccessTokens).toHaveBeenCalledWith(tx.manager, 'ada');
    expect(tx.committedEvents()).toEqual(['identity.membership.role_changed']);
    expect(audit.record).toHaveBeenCalledWith(
      tx.manager,
      principal,
      ORG,
      'member.role_changed',
      { type: 'user', id: 'ada' },
      { role: 'MEMBER', previousRole: 'ADMIN' },
    );
  });

  it('promoting keeps the person’s tokens (they only gain)', async () => {
    const { sessions, useCase } = harness([member('caller', 'ADMIN'), member('ada', 'MEMBER')]);
    await useCase.changeRole(principal, ORG, 'ada', 'ADMIN');
    expect(sessions.endAccessTokens).not.toHaveBeenCalled();
  });

  it('an admin may not make an owner, nor change an owner', async () => {
    const { tx, useCase } = harness([
      member('caller', 'ADMIN'),
      member('ada', 'MEMBER'),
      member('bo', 'OWNER'),
    ]);
    await expect(useCase.changeRole(principal, ORG, 'ada', 'OWNER')).rejects.toMatchObject({
      code: 'IDENTITY.ONLY_OWNER_MAY_GRANT_OWNER',
    });
    await expect(useCase.changeRole(principal, ORG, 'bo', 'MEMBER')).rejects.toMatchObject({
      code: 'IDENTITY.ONLY_OWNER_MAY_GRANT_OWNER',
    });
    expect(setMembershipRole).not.toHaveBeenCalled();
    expect(tx.committedEvents()).toEqual([]);
  });

  it('the last owner can be neither demoted, removed, nor leave', async () => {
    const { useCase } = harness([member('caller', 'OWNER')], 0);
    await expect(useCase.changeRole(principal, ORG, 'caller', 'ADMIN')).rejects.toMatchObject({
      code: 'IDENTITY.LAST_OWNER',
    });
    await expect(useCase.remove(principal, ORG, 'caller')).rejects.toMatchObject({
      code: 'IDENTITY.LAST_OWNER',
    });
    await expect(useCase.leave(principal, ORG)).rejects.toMatchObject({ code: 'IDENTITY.LAST_OWNER' });
    expect(deleteMembership).not.toHaveBeenCalled();
  });

  it('a member below the role needed, or no member at all, is refused before anything changes', async () => {
    const { useCase } = harness([member('caller', 'MEMBER'), member('ada', 'MEMBER')]);
    await expect(useCase.remove(principal, ORG, 'ada')).rejects.toMatchObject({ code: 'COMMON.FORBIDDEN' });
    jest.mocked(lockOrganization).mockResolvedValue(null);
    await expect(useCase.leave(principal, ORG)).rejects.toMatchObject({ code: 'COMMON.FORBIDDEN' });
    expect(deleteMembership).not.toHaveBeenCalled();
  });

  it('removes a member: the row goes, their tokens end, and the event says it was a removal, not a leave', async () => {
    const { tx, sessions, useCase } = harness([member('caller', 'ADMIN'), member('ada', 'MEMBER')]);
    await useCase.remove(principal, ORG, 'ada');
    expect(deleteMembership).toHaveBeenCalledWith(tx.manager, 'm-ada');
    expect(sessions.endAccessTokens).toHaveBeenCalledWith(tx.manager, 'ada');
    expect(tx.committed()).toEqual([
      expect.objectContaining({
        type: 'identity.membership.removed',
        payload: expect.objectContaining({ userId: 'ada', left: false }),
      }),
    ]);
  });

  it('removing someone who is not a member is MEMBER_NOT_FOUND', async () => {
    const { useCase } = harness([member('caller', 'ADMIN')]);
    await expect(useCase.remove(principal, ORG, 'ghost')).rejects.toMatchObject({
      code: 'IDENTITY.MEMBER_NOT_FOUND',
    });
  });
});
