// A partnership's life: either side proposes on an open need; the side that did not propose
// accepts or declines; the proposer withdraws. Each answer lands once (the row must still be
// PROPOSED), and each step is announced with the organization that acted.
import type { Authorizer, Principal } from '@lattice/shared-auth';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  answerProposal,
  insertPartnership,
  needById,
  needByIdOrFail,
  type PartnershipEntity,
  partnershipById,
  partnershipByIdOrFail,
  type SkillNeedEntity,
} from '@lattice/marketplace-data-access';
import type { OrganizationDirectory } from './organization-directory';
import { ProposePartnershipUseCase } from '../propose-partnership/propose-partnership.use-case';
import { RespondToPartnershipUseCase } from '../respond-to-partnership/respond-to-partnership.use-case';
import { WithdrawPartnershipUseCase } from '../withdraw-partnership/withdraw-partnership.use-case';

jest.mock('@lattice/marketplace-data-access', () => ({
  ...jest.requireActual('@lattice/marketplace-data-access'),
  answerProposal: jest.fn(),
  insertPartnership: jest.fn(),
  needById: jest.fn(),
  needByIdOrFail: jest.fn(),
  partnershipById: jest.fn(),
  partnershipByIdOrFail: jest.fn(),
}));

const principal = { userId: 'person' } as Principal;
const need = (over: Partial<SkillNeedEntity> = {}) =>
  ({ id: 'need', organizationId: 'emp', title: 'Welders', status: 'OPEN', ...over }) as SkillNeedEntity;
const proposal = {
  id: 'p',
  needId: 'need',
  employerId: 'emp',
  institutionId: 'col',
  proposedByOrganizationId: 'emp',
  state: 'PROPOSED',
} as PartnershipEntity;

/** The caller is a member of these organizations. */
function harness(memberOf: string[]) {
  const tx = fakeTransactions();
  const authorizer = { isMember: jest.fn(async (_p: Principal, org: string) => memberOf.includes(org)) };
  const directory = {
    require: jest.fn(async (_p: Principal, id: string) => ({
      id,
      name: id === 'col' ? 'College' : 'Employer',
      kind: id === 'col' ? 'INSTITUTION' : 'EMPLOYER',
    })),
  };
  const auth = authorizer as unknown as Authorizer;
  return {
    tx,
    propose: new ProposePartnershipUseCase(
      tx.dataSource,
      auth,
      directory as unknown as OrganizationDirectory,
    ),
    respond: new RespondToPartnershipUseCase(tx.dataSource, auth),
    withdraw: new WithdrawPartnershipUseCase(tx.dataSource, auth),
  };
}

describe('partnership use cases', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(needById).mockResolvedValue(need());
    jest.mocked(needByIdOrFail).mockResolvedValue(need());
    jest.mocked(partnershipById).mockResolvedValue(proposal);
    jest.mocked(answerProposal).mockResolvedValue(true);
    jest
      .mocked(partnershipByIdOrFail)
      .mockImplementation(async (_m, id) => ({ ...proposal, id }) as PartnershipEntity);
  });

  it('the institution proposes on an open need: the proposer is the institution', async () => {
    const { tx, propose } = harness(['col']);
    await propose.execute(principal, { needId: 'need', institutionId: 'col', message: '  We can  ' });
    expect(insertPartnership).toHaveBeenCalledWith(
      tx.manager,
      expect.objectContaining({
        employerId: 'emp',
        institutionId: 'col',
        proposedByOrganizationId: 'col',
        state: 'PROPOSED',
        message: 'We can',
      }),
    );
    expect(tx.committedEvents()).toEqual(['marketplace.partnership.proposed']);
  });

  it('refuses an outsider, a closed need, and a second open proposal', async () => {
    await expect(
      harness([]).propose.execute(principal, { needId: 'need', institutionId: 'col' }),
    ).rejects.toMatchObject({ code: 'COMMON.FORBIDDEN' });
    jest.mocked(needById).mockResolvedValue(need({ status: 'CLOSED' }));
    await expect(
      harness(['emp']).propose.execute(principal, { needId: 'need', institutionId: 'col' }),
    ).rejects.toMatchObject({ code: 'MARKETPLACE.NEED_CLOSED' });
    jest.mocked(needById).mockResolvedValue(need());
    jest.mocked(insertPartnership).mockRejectedValueOnce({ code: '23505' });
    await expect(
      harness(['emp']).propose.execute(principal, { needId: 'need', institutionId: 'col' }),
    ).rejects.toMatchObject({ code: 'MARKETPLACE.PARTNERSHIP_EXISTS' });
  });

  it('the recipient accepts: the answer lands on a PROPOSED row and is announced by the recipient', async () => {
    const { tx, respond } = harness(['col']);
    await respond.execute(principal, 'p', true, '  Yes ');
    expect(answerProposal).toHaveBeenCalledWith(tx.manager, 'p', {
      state: 'ACCEPTED',
      responseMessage: 'Yes',
      respondedBy: 'person',
      respondedAt: expect.any(Date),
    });
    expect(tx.committed()).toEqual([
      expect.objectContaining({
        type: 'marketplace.partnership.accepted',
        payload: expect.objectContaining({ actingOrganizationId: 'col', message: 'Yes' }),
      }),
    ]);
  });

  it('the proposer cannot answer its own proposal, nor an outsider; an answered one is not answered again', async () => {
    await expect(harness(['emp']).respond.execute(principal, 'p', true, null)).rejects.toMatchObject({
      code: 'MARKETPLACE.OWN_PROPOSAL',
    });
    await expect(harness([]).respond.execute(principal, 'p', true, null)).rejects.toMatchObject({
      code: 'MARKETPLACE.NOT_A_PARTY',
    });
    jest.mocked(answerProposal).mockResolvedValue(false);
    const { tx, respond } = harness(['col']);
    await expect(respond.execute(principal, 'p', false, null)).rejects.toMatchObject({
      code: 'MARKETPLACE.PARTNERSHIP_NOT_OPEN',
    });
    expect(tx.committedEvents()).toEqual([]);
  });

  it('only the proposer withdraws, once', async () => {
    await expect(harness(['col']).withdraw.execute(principal, 'p')).rejects.toMatchObject({
      code: 'MARKETPLACE.NOT_A_PARTY',
    });
    const { tx, withdraw } = harness(['emp']);
    await withdraw.execute(principal, 'p');
    expect(answerProposal).toHaveBeenCalledWith(tx.manager, 'p', {
      state: 'WITHDRAWN',
      respondedBy: 'person',
      respondedAt: expect.any(Date),
    });
    expect(tx.committedEvents()).toEqual(['marketplace.partnership.withdrawn']);
    jest.mocked(answerProposal).mockResolvedValue(false);
    await expect(withdraw.execute(principal, 'p')).rejects.toMatchObject({
      code: 'MARKETPLACE.PARTNERSHIP_NOT_OPEN',
    });
  });

  it('an unknown partnership is PARTNERSHIP_NOT_FOUND', async () => {
    jest.mocked(partnershipById).mockResolvedValue(null);
    await expect(harness(['col']).respond.execute(principal, 'x', true, null)).rejects.toMatchObject({
      code: 'MARKETPLACE.PARTNERSHIP_NOT_FOUND',
    });
    await expect(harness(['emp']).withdraw.execute(principal, 'x')).rejects.toMatchObject({
      code: 'MARKETPLACE.PARTNERSHIP_NOT_FOUND',
    });
  });
});
