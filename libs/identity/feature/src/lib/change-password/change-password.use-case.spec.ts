// Changing a password: the current one must be right, the new one acceptable, the row unchanged
// since it was read; then every session ends and the change is announced.
import type { Principal } from '@lattice/shared-auth';
import type { RateLimiter } from '@lattice/shared-rate-limit';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  changePasswordAtVersion,
  type UserEntity,
  userById,
  userByIdOrFail,
} from '@lattice/identity-data-access';
import type { PasswordHasher } from '../shared/password-hasher';
import type { SessionsEnded } from '../shared/sessions-ended';
import { ChangePasswordUseCase } from './change-password.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  changePasswordAtVersion: jest.fn(),
  userById: jest.fn(),
  userByIdOrFail: jest.fn(),
}));

const principal = { userId: 'u1' } as Principal;
const stored = {
  id: 'u1',
  email: 'ada@example.org',
  name: 'Ada',
  locale: 'en',
  passwordHash: 'hash:old',
  version: 4,
} as UserEntity;
const NEW = 'a much longer passphrase 42';

function harness(found: UserEntity | null = stored) {
  jest.mocked(userById).mockResolvedValue(found);
  jest.mocked(userByIdOrFail).mockResolvedValue(stored);
  jest.mocked(changePasswordAtVersion).mockResolvedValue(true);
  const tx = fakeTransactions();
  const hasher = {
    verify: jest.fn(async (hash: string, plain: string) => hash === `hash:${plain}`),
    hash: jest.fn(async (plain: string) => `hash:${plain}`),
  };
  const sessions = { endAll: jest.fn(async () => new Date()) };
  const limits = { consume: jest.fn(async () => undefined) };
  const useCase = new ChangePasswordUseCase(
    tx.dataSource,
    hasher as unknown as PasswordHasher,
    sessions as unknown as SessionsEnded,
    limits as unknown as RateLimiter,
  );
  return { tx, sessions, limits, useCase };
}

describe('ChangePasswordUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('sets the new hash at the version it read, ends every session and announces the change', async () => {
    const { tx, sessions, limits, useCase } = harness();
    await useCase.execute(principal, 'old', NEW);
    expect(limits.consume).toHaveBeenCalledWith('PASSWORD_CHANGE_ACCOUNT', 'u1');
    expect(changePasswordAtVersion).toHaveBeenCalledWith(tx.manager, 'u1', 4, `hash:${NEW}`);
    expect(sessions.endAll).toHaveBeenCalledWith(tx.manager, 'u1');
    expect(tx.committed()).toEqual([
      expect.objectContaining({
        type: 'identity.password.changed',
        payload: expect.objectContaining({ via: 'CHANGE' }),
      }),
    ]);
  });

  it('a wrong current password is refused before anything is written', async () => {
    const { tx, useCase } = harness();
    await expect(useCase.execute(principal, 'not it', NEW)).rejects.toMatchObject({
      code: 'IDENTITY.WRONG_PASSWORD',
    });
    expect(tx.transactions()).toBe(0);
  });

  it('a change made meanwhile (another version) is refused and no session ends', async () => {
    const { sessions, useCase, tx } = harness();
    jest.mocked(changePasswordAtVersion).mockResolvedValue(false);
    await expect(useCase.execute(principal, 'old', NEW)).rejects.toMatchObject({
      code: 'IDENTITY.WRONG_PASSWORD',
    });
    expect(sessions.endAll).not.toHaveBeenCalled();
    expect(tx.committedEvents()).toEqual([]);
  });

  it('an account that is gone is USER_NOT_FOUND', async () => {
    const { useCase } = harness(null);
    await expect(useCase.execute(principal, 'old', NEW)).rejects.toMatchObject({
      code: 'IDENTITY.USER_NOT_FOUND',
    });
  });
});
