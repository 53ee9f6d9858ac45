// Creating an organization: its creator owns it; a region must be one Lattice knows; only an
// operator creates another operator.
import type { Authorizer, Principal } from '@lattice/shared-auth';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  insertMembership,
  insertOrganization,
  type OrganizationEntity,
  organizationByIdOrFail,
} from '@lattice/identity-data-access';
import { CreateOrganizationUseCase } from './create-organization.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  insertMembership: jest.fn(),
  insertOrganization: jest.fn(),
  organizationByIdOrFail: jest.fn(async (_m: unknown, id: string) => ({ id }) as OrganizationEntity),
}));

const principal = { userId: 'founder' } as Principal;

function harness() {
  const tx = fakeTransactions();
  const authorizer = { requireOperator: jest.fn(async () => Promise.reject(new Error('OPERATOR_ONLY'))) };
  return {
    tx,
    authorizer,
    useCase: new CreateOrganizationUseCase(tx.dataSource, authorizer as unknown as Authorizer),
  };
}

describe('CreateOrganizationUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('creates it unverified, with its creator as owner, and announces both', async () => {
    const { tx, useCase } = harness();
    const created = await useCase.execute(principal, {
      name: '  Northern College ',
      kind: 'INSTITUTION',
      size: 'MEDIUM',
      region: 'ON-Northeast',
    });
    expect(insertOrganization).toHaveBeenCalledWith(
      tx.manager,
      expect.objectContaining({
        id: created.id,
        name: 'Northern College',
        verified: false,
        createdBy: 'founder',
      }),
    );
    expect(insertMembership).toHaveBeenCalledWith(
      tx.manager,
      expect.objectContaining({ userId: 'founder', organizationId: created.id, role: 'OWNER' }),
    );
    expect(organizationByIdOrFail).toHaveBeenCalledWith(tx.manager, created.id);
    expect(tx.committedEvents()).toEqual(['identity.organization.created', 'identity.membership.created']);
  });

  it('refuses an unknown region and, for anyone but an operator, an OPERATOR organization; nothing is written', async () => {
    const { tx, authorizer, useCase } = harness();
    await expect(
      useCase.execute(principal, { name: 'X', kind: 'EMPLOYER', size: 'SMALL', region: 'Atlantis' }),
    ).rejects.toMatchObject({ code: 'IDENTITY.INVALID_REGION' });
    await expect(useCase.execute(principal, { name: 'X', kind: 'OPERATOR', size: 'SMALL' })).rejects.toThrow(
      'OPERATOR_ONLY',
    );
    expect(authorizer.requireOperator).toHaveBeenCalledWith(principal);
    expect(tx.transactions()).toBe(0);
  });
});
