// A skill need's changes: only members of its employer; an update only while open and, when a
// version is given, only on that version; the skills replaced as a whole; closing once.
import type { Authorizer, Principal } from '@lattice/shared-auth';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  closeOpenNeed,
  deleteNeedSkills,
  insertNeedSkills,
  lockNeed,
  type MarketplaceRepository,
  needById,
  needByIdOrFail,
  type SkillNeedEntity,
  type SkillRow,
  updateNeed,
} from '@lattice/marketplace-data-access';
import { CloseSkillNeedUseCase } from '../close-skill-need/close-skill-need.use-case';
import { UpdateSkillNeedUseCase } from './update-skill-need.use-case';

jest.mock('@lattice/marketplace-data-access', () => ({
  ...jest.requireActual('@lattice/marketplace-data-access'),
  closeOpenNeed: jest.fn(),
  deleteNeedSkills: jest.fn(),
  insertNeedSkills: jest.fn(),
  lockNeed: jest.fn(),
  needById: jest.fn(),
  needByIdOrFail: jest.fn(),
  updateNeed: jest.fn(),
}));

const principal = { userId: 'person' } as Principal;
const SKILL = '11111111-1111-4111-8111-111111111111';
const need = (over: Partial<SkillNeedEntity> = {}) =>
  ({
    id: 'need',
    organizationId: 'emp',
    status: 'OPEN',
    version: 3,
    neededBy: null,
    ...over,
  }) as SkillNeedEntity;

function harness(denied = false) {
  const tx = fakeTransactions();
  const authorizer = {
    requireRole: jest.fn(async () => (denied ? Promise.reject(new Error('FORBIDDEN')) : undefined)),
  };
  const repository = {
    skillsByIds: jest.fn(async (ids: string[]) =>
      ids.map((id) => ({ id, uri: `esco:${id}`, kind: 'SKILL', labelEn: id }) as SkillRow),
    ),
    skillsByUris: jest.fn(async () => []),
  };
  return {
    tx,
    authorizer,
    update: new UpdateSkillNeedUseCase(
      tx.dataSource,
      authorizer as unknown as Authorizer,
      repository as unknown as MarketplaceRepository,
    ),
    close: new CloseSkillNeedUseCase(tx.dataSource, authorizer as unknown as Authorizer),
  };
}

describe('skill need changes', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(needById).mockResolvedValue(need());
    jest.mocked(lockNeed).mockResolvedValue(need());
    jest.mocked(needByIdOrFail).mockResolvedValue(need());
    jest.mocked(closeOpenNeed).mockResolvedValue(true);
  });

  it('updates the fields given under the lock, bumps the version, and replaces the skills', async () => {
    const { tx, authorizer, update } = harness();
    await update.execute(
      principal,
      'need',
      { title: '  Welders ', learnerCount: 12, skills: [{ skillId: SKILL, level: 2 }] },
      3,
    );
    expect(authorizer.requireRole).toHaveBeenCalledWith(principal, 'emp', 'MEMBER');
    expect(updateNeed).toHaveBeenCalledWith(
      tx.manager,
      'need',
      expect.objectContaining({ title: 'Welders', learnerCount: 12, version: 4 }),
    );
    expect(jest.mocked(updateNeed).mock.calls[0]![2]).not.toHaveProperty('region');
    expect(deleteNeedSkills).toHaveBeenCalledWith(tx.manager, 'need');
    expect(insertNeedSkills).toHaveBeenCalledWith(tx.manager, 'need', [{ skillId: SKILL, level: 2 }]);
  });

  it('leaves the skills alone when none are given', async () => {
    await harness().update.execute(principal, 'need', { learnerCount: 5 }, null);
    expect(deleteNeedSkills).not.toHaveBeenCalled();
  });

  it('refuses a stale version, a closed need, a too-short title and an unknown need; nothing is written', async () => {
    const { update } = harness();
    await expect(update.execute(principal, 'need', { learnerCount: 5 }, 2)).rejects.toMatchObject({
      code: 'MARKETPLACE.STALE_NEED',
    });
    jest.mocked(lockNeed).mockResolvedValueOnce(need({ status: 'CLOSED' }));
    await expect(update.execute(principal, 'need', { learnerCount: 5 }, null)).rejects.toMatchObject({
      code: 'MARKETPLACE.NEED_CLOSED',
    });
    await expect(update.execute(principal, 'need', { title: ' a ' }, null)).rejects.toMatchObject({
      code: 'MARKETPLACE.INVALID_INPUT',
    });
    jest.mocked(needById).mockResolvedValueOnce(null);
    await expect(update.execute(principal, 'need', { learnerCount: 5 }, null)).rejects.toMatchObject({
      code: 'MARKETPLACE.NEED_NOT_FOUND',
    });
    expect(updateNeed).not.toHaveBeenCalled();
  });

  it('a non-member changes nothing', async () => {
    const { tx, update, close } = harness(true);
    await expect(update.execute(principal, 'need', { learnerCount: 5 }, null)).rejects.toThrow('FORBIDDEN');
    await expect(close.execute(principal, 'need')).rejects.toThrow('FORBIDDEN');
    expect(tx.transactions()).toBe(0);
  });

  it('closes an open need once, announcing it; a closed one is NEED_CLOSED', async () => {
    const { tx, close } = harness();
    await close.execute(principal, 'need');
    expect(closeOpenNeed).toHaveBeenCalledWith(tx.manager, 'need', expect.any(Date));
    expect(tx.committedEvents()).toEqual(['marketplace.need.closed']);
    jest.mocked(closeOpenNeed).mockResolvedValue(false);
    await expect(close.execute(principal, 'need')).rejects.toMatchObject({ code: 'MARKETPLACE.NEED_CLOSED' });
    expect(tx.committedEvents()).toEqual(['marketplace.need.closed']);
  });
});
