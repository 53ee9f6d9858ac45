// Withdrawing an endorsement: only its organization's admins, once, and the catalogue follows.
import type { DataSource, EntityManager } from 'typeorm';
import type { Authorizer, Principal } from '@lattice/shared-auth';
import {
  type CatalogueRepository,
  type EndorsementEntity,
  findEndorsement,
  withdrawEndorsement,
} from '@lattice/credentials-data-access';
import { WithdrawEndorsementUseCase } from './withdraw-endorsement.use-case';

jest.mock('@lattice/credentials-data-access', () => ({
  findEndorsement: jest.fn(),
  withdrawEndorsement: jest.fn(),
}));

const principal = { userId: 'admin' } as Principal;
const endorsement = {
  id: 'e-1',
  credentialId: 'c-1',
  organizationId: 'employer',
  withdrawnAt: null,
  withdrawnBy: null,
} as EndorsementEntity;

function useCase(found: EndorsementEntity | null, denied = false) {
  const manager = {} as EntityManager;
  jest.mocked(findEndorsement).mockResolvedValue(found);
  const dataSource = {
    manager,
    transaction: jest.fn(async (work: (m: EntityManager) => Promise<unknown>) => work(manager)),
  };
  const authorizer = {
    requireRole: jest.fn(async () => (denied ? Promise.reject(new Error('FORBIDDEN')) : undefined)),
  };
  const catalogue = { refresh: jest.fn(async () => undefined) };
  return {
    catalogue,
    authorizer,
    run: new WithdrawEndorsementUseCase(
      dataSource as unknown as DataSource,
      authorizer as unknown as Authorizer,
      catalogue as unknown as CatalogueRepository,
    ),
  };
}

describe('WithdrawEndorsementUseCase', () => {
  beforeEach(() => jest.mocked(withdrawEndorsement).mockReset());

  it('withdraws a standing endorsement and refreshes the credential in the catalogue', async () => {
    jest.mocked(withdrawEndorsement).mockResolvedValue(true);
    const { run, catalogue, authorizer } = useCase(endorsement);
    const withdrawn = await run.execute(principal, 'e-1');
    expect(authorizer.requireRole).toHaveBeenCalledWith(principal, 'employer', 'ADMIN');
    expect(withdrawEndorsement).toHaveBeenCalledWith(
      expect.anything(),
      'e-1',
      withdrawn.withdrawnAt,
      'admin',
    );
    expect(withdrawn).toMatchObject({ id: 'e-1', withdrawnBy: 'admin' });
    expect(catalogue.refresh).toHaveBeenCalledWith(expect.anything(), ['c-1']);
  });

  it('refuses a second withdrawal and leaves the catalogue alone', async () => {
    jest.mocked(withdrawEndorsement).mockResolvedValue(false);
    const { run, catalogue } = useCase(endorsement);
    await expect(run.execute(principal, 'e-1')).rejects.toMatchObject({
      code: 'CREDENTIALS.ENDORSEMENT_WITHDRAWN',
    });
    expect(catalogue.refresh).not.toHaveBeenCalled();
  });

  it('answers NOT_FOUND for an unknown endorsement, and withdraws nothing for a non-admin', async () => {
    await expect(useCase(null).run.execute(principal, 'nope')).rejects.toMatchObject({
      code: 'CREDENTIALS.ENDORSEMENT_NOT_FOUND',
    });
    await expect(useCase(endorsement, true).run.execute(principal, 'e-1')).rejects.toThrow('FORBIDDEN');
    expect(withdrawEndorsement).not.toHaveBeenCalled();
  });
});
