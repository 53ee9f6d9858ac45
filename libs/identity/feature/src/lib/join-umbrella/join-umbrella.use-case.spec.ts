// Joining an umbrella is a request its admins answer: the checks before asking, one decision per
// request, membership only on acceptance, and removal by the umbrella's admins.
import type { Authorizer, Principal } from '@lattice/shared-auth';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  addUmbrellaMember,
  decideJoinRequest,
  type IdentityRepository,
  insertJoinRequest,
  isUmbrellaMember,
  joinRequestByIdOrFail,
  lockJoinRequest,
  type OrganizationEntity,
  removeUmbrellaMember,
  type UmbrellaJoinRequestEntity,
} from '@lattice/identity-data-access';
import type { AuditTrail } from '../shared/audit-trail';
import { JoinUmbrellaUseCase } from './join-umbrella.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  addUmbrellaMember: jest.fn(),
  decideJoinRequest: jest.fn(),
  insertJoinRequest: jest.fn(),
  isUmbrellaMember: jest.fn(),
  joinRequestByIdOrFail: jest.fn(),
  lockJoinRequest: jest.fn(),
  removeUmbrellaMember: jest.fn(),
}));

const principal = { userId: 'admin' } as Principal;
const orgs: Record<string, OrganizationEntity> = {
  umb: { id: 'umb', name: 'Umbrella', kind: 'UMBRELLA' } as OrganizationEntity,
  col: { id: 'col', name: 'College', kind: 'INSTITUTION' } as OrganizationEntity,
  emp: { id: 'emp', name: 'Employer', kind: 'EMPLOYER' } as OrganizationEntity,
};
const request = (state: UmbrellaJoinRequestEntity['state']) =>
  ({
    id: 'req',
    umbrellaId: 'umb',
    organizationId: 'col',
    state,
    version: 2,
    requestedBy: 'col-admin',
  }) as UmbrellaJoinRequestEntity;

function harness() {
  const tx = fakeTransactions();
  const repository = {
    organizationById: jest.fn(async (id: string) => orgs[id] ?? null),
    umbrellaJoinRequest: jest.fn(async () => request('PENDING')),
  };
  const authorizer = { requireRole: jest.fn(async () => undefined) };
  const audit = { record: jest.fn(async () => undefined) };
  const useCase = new JoinUmbrellaUseCase(
    tx.dataSource,
    authorizer as unknown as Authorizer,
    repository as unknown as IdentityRepository,
    audit as unknown as AuditTrail,
  );
  return { tx, repository, authorizer, audit, useCase };
}

describe('JoinUmbrellaUseCase', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(isUmbrellaMember).mockResolvedValue(false);
    jest.mocked(removeUmbrellaMember).mockResolvedValue(true);
    jest.mocked(joinRequestByIdOrFail).mockImplementation(async () => request('PENDING'));
  });

  it('asks: a pending request, announced to the umbrella and audited; nothing is shared yet', async () => {
    const { tx, authorizer, useCase } = harness();
    await useCase.execute(principal, 'umb', 'col');
    expect(authorizer.requireRole).toHaveBeenCalledWith(principal, 'col', 'ADMIN');
    expect(insertJoinRequest).toHaveBeenCalledWith(
      tx.manager,
      expect.objectContaining({ umbrellaId: 'umb', organizationId: 'col', state: 'PENDING' }),
    );
    expect(addUmbrellaMember).not.toHaveBeenCalled();
    expect(tx.committedEvents()).toEqual(['identity.umbrella.join_requested']);
  });

  it.each([
    ['itself', 'col', 'col', 'IDENTITY.CANNOT_JOIN_ITSELF'],
    ['an organization that is no umbrella', 'emp', 'col', 'IDENTITY.NOT_AN_UMBRELLA'],
    ['an unknown umbrella', 'nope', 'col', 'IDENTITY.ORGANIZATION_NOT_FOUND'],
  ])('refuses to ask to join %s', async (_what, umbrellaId, organizationId, code) => {
    const { tx, useCase } = harness();
    await expect(useCase.execute(principal, umbrellaId, organizationId)).rejects.toMatchObject({ code });
    expect(tx.transactions()).toBe(0);
  });

  it('a member already, or a request already pending, is refused', async () => {
    const { useCase } = harness();
    jest.mocked(isUmbrellaMember).mockResolvedValueOnce(true);
    await expect(useCase.execute(principal, 'umb', 'col')).rejects.toMatchObject({
      code: 'IDENTITY.ALREADY_IN_UMBRELLA',
    });
    jest
      .mocked(insertJoinRequest)
      .mockRejectedValueOnce({ code: '23505', constraint: 'umbrella_join_requests_pending_key' });
    await expect(useCase.execute(principal, 'umb', 'col')).rejects.toMatchObject({
      code: 'IDENTITY.JOIN_REQUEST_PENDING',
    });
  });

  it('accepting decides the request at its version and makes the organization a member, announced as joined by its admin', async () => {
    const { tx, authorizer, useCase } = harness();
    jest.mocked(lockJoinRequest).mockResolvedValue(request('PENDING'));
    await useCase.respond(principal, 'req', true);
    expect(authorizer.requireRole).toHaveBeenCalledWith(principal, 'umb', 'ADMIN');
    expect(decideJoinRequest).toHaveBeenCalledWith(tx.manager, 'req', 2, true, 'admin', expect.any(Date));
    expect(addUmbrellaMember).toHaveBeenCalledWith(tx.manager, 'umb', 'col', 'col-admin');
    expect(tx.committed()).toEqual([
      expect.objectContaining({ type: 'identity.umbrella.joined', actorId: 'col-admin' }),
    ]);
  });

  it('declining adds no member', async () => {
    const { tx, useCase } = harness();
    jest.mocked(lockJoinRequest).mockResolvedValue(request('PENDING'));
    await useCase.respond(principal, 'req', false);
    expect(addUmbrellaMember).not.toHaveBeenCalled();
    expect(tx.committedEvents()).toEqual(['identity.umbrella.join_declined']);
  });

  it('a request decided already (seen under the lock) cannot be decided again', async () => {
    const { tx, useCase } = harness();
    jest.mocked(lockJoinRequest).mockResolvedValue(request('DECLINED'));
    await expect(useCase.respond(principal, 'req', true)).rejects.toMatchObject({
      code: 'IDENTITY.JOIN_REQUEST_DECIDED',
    });
    expect(decideJoinRequest).not.toHaveBeenCalled();
    expect(tx.committedEvents()).toEqual([]);
  });

  it('removing an organization that is no member is NOT_IN_UMBRELLA', async () => {
    const { tx, useCase } = harness();
    await useCase.remove(principal, 'umb', 'col');
    expect(tx.committedEvents()).toEqual(['identity.umbrella.member_removed']);
    jest.mocked(removeUmbrellaMember).mockResolvedValue(false);
    await expect(useCase.remove(principal, 'umb', 'col')).rejects.toMatchObject({
      code: 'IDENTITY.NOT_IN_UMBRELLA',
    });
  });
});
