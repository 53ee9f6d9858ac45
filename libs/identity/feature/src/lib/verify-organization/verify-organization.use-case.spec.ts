// Operators vouch for organizations: only operators, announced once per change.
import type { Authorizer, Principal } from '@lattice/shared-auth';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  lockOrganization,
  type OrganizationEntity,
  organizationByIdOrFail,
  setOrganizationVerified,
} from '@lattice/identity-data-access';
import { VerifyOrganizationUseCase } from './verify-organization.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  lockOrganization: jest.fn(),
  organizationByIdOrFail: jest.fn(),
  setOrganizationVerified: jest.fn(),
}));

const principal = { userId: 'operator' } as Principal;

function harness(found: Partial<OrganizationEntity> | null, operator = true) {
  jest.mocked(lockOrganization).mockResolvedValue(found as OrganizationEntity | null);
  jest.mocked(organizationByIdOrFail).mockResolvedValue({ ...found, verified: true } as OrganizationEntity);
  const tx = fakeTransactions();
  const authorizer = {
    requireOperator: jest.fn(async () => (operator ? undefined : Promise.reject(new Error('OPERATOR_ONLY')))),
  };
  return { tx, useCase: new VerifyOrganizationUseCase(tx.dataSource, authorizer as unknown as Authorizer) };
}

describe('VerifyOrganizationUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('verifies an unverified organization and announces it', async () => {
    const { tx, useCase } = harness({ id: 'org', verified: false });
    await expect(useCase.execute(principal, 'org', true)).resolves.toMatchObject({ verified: true });
    expect(setOrganizationVerified).toHaveBeenCalledWith(tx.manager, 'org', true, expect.any(Date));
    expect(tx.committedEvents()).toEqual(['identity.organization.verified']);
  });

  it('withdrawing verification clears its date', async () => {
    const { tx, useCase } = harness({ id: 'org', verified: true });
    await useCase.execute(principal, 'org', false);
    expect(setOrganizationVerified).toHaveBeenCalledWith(tx.manager, 'org', false, null);
  });

  it('no change, no write and no event', async () => {
    const { tx, useCase } = harness({ id: 'org', verified: true });
    await useCase.execute(principal, 'org', true);
    expect(setOrganizationVerified).not.toHaveBeenCalled();
    expect(tx.committedEvents()).toEqual([]);
  });

  it('refuses non-operators before any transaction, and an unknown organization', async () => {
    const refused = harness({ id: 'org', verified: false }, false);
    await expect(refused.useCase.execute(principal, 'org', true)).rejects.toThrow('OPERATOR_ONLY');
    expect(refused.tx.transactions()).toBe(0);
    const unknown = harness(null);
    await expect(unknown.useCase.execute(principal, 'org', true)).rejects.toMatchObject({
      code: 'IDENTITY.ORGANIZATION_NOT_FOUND',
    });
  });
});
