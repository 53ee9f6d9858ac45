// Resetting a password with the e-mailed link: once, briefly, for the address the account still
// uses; every other link of the account is spent, the address counts as proven, sessions end.
import type { RateLimiter } from '@lattice/shared-rate-limit';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  lockPasswordReset,
  markPasswordResetsOfUserUsed,
  markPasswordResetUsed,
  type PasswordResetEntity,
  passwordResetByHash,
  resetPassword,
  type UserEntity,
  userById,
  userByIdOrFail,
} from '@lattice/identity-data-access';
import { hashSecretToken } from '../shared/email-verification-links';
import type { PasswordHasher } from '../shared/password-hasher';
import type { SessionsEnded } from '../shared/sessions-ended';
import { ResetPasswordUseCase } from './reset-password.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  lockPasswordReset: jest.fn(),
  markPasswordResetsOfUserUsed: jest.fn(),
  markPasswordResetUsed: jest.fn(),
  passwordResetByHash: jest.fn(),
  resetPassword: jest.fn(),
  userById: jest.fn(),
  userByIdOrFail: jest.fn(),
}));

const TOKEN = 'r'.repeat(43);
const HASH = hashSecretToken(TOKEN);
const NEW = 'a much longer passphrase 42';
const link = (over: Partial<PasswordResetEntity> = {}) =>
  ({
    tokenHash: HASH,
    userId: 'u1',
    email: 'ada@example.org',
    usedAt: null,
    expiresAt: new Date(Date.now() + 60_000),
    ...over,
  }) as PasswordResetEntity;
const user = (over: Partial<UserEntity> = {}) =>
  ({
    id: 'u1',
    email: 'ada@example.org',
    name: 'Ada',
    locale: 'en',
    emailVerifiedAt: null,
    ...over,
  }) as UserEntity;

function harness(found = link(), locked: PasswordResetEntity | null = found, current = user()) {
  jest.mocked(passwordResetByHash).mockResolvedValue(found);
  jest.mocked(userById).mockResolvedValue(user());
  jest.mocked(lockPasswordReset).mockResolvedValue(locked);
  jest.mocked(userByIdOrFail).mockResolvedValue(current);
  const tx = fakeTransactions();
  const hasher = { hash: jest.fn(async (plain: string) => `hash:${plain}`) };
  const sessions = { endAll: jest.fn(async () => new Date()) };
  const limits = { consume: jest.fn(async () => undefined) };
  return {
    tx,
    sessions,
    useCase: new ResetPasswordUseCase(
      tx.dataSource,
      hasher as unknown as PasswordHasher,
      sessions as unknown as SessionsEnded,
      limits as unknown as RateLimiter,
    ),
  };
}

describe('ResetPasswordUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('spends the link and the account’s other links, sets the password, proves the address and ends every session', async () => {
    const { tx, sessions, useCase } = harness();
    await useCase.execute(TOKEN, NEW, 'ip');
    expect(markPasswordResetUsed).toHaveBeenCalledWith(tx.manager, HASH, expect.any(Date));
    expect(markPasswordResetsOfUserUsed).toHaveBeenCalledWith(tx.manager, 'u1', expect.any(Date));
    expect(resetPassword).toHaveBeenCalledWith(tx.manager, 'u1', `hash:${NEW}`, expect.any(Date));
    expect(sessions.endAll).toHaveBeenCalledWith(tx.manager, 'u1');
    expect(tx.committed()).toEqual([
      expect.objectContaining({
        type: 'identity.password.changed',
        payload: expect.objectContaining({ via: 'RESET' }),
      }),
    ]);
  });

  it('an address proven already keeps its date', async () => {
    const { tx, useCase } = harness(link(), link(), user({ emailVerifiedAt: new Date(0) }));
    await useCase.execute(TOKEN, NEW, 'ip');
    expect(resetPassword).toHaveBeenCalledWith(tx.manager, 'u1', `hash:${NEW}`, null);
  });

  it.each([
    ['malformed', 'x', link(), user(), 'IDENTITY.RESET_LINK_NOT_FOUND'],
    ['used (seen under the lock)', TOKEN, link({ usedAt: new Date() }), user(), 'IDENTITY.RESET_LINK_USED'],
    ['expired', TOKEN, link({ expiresAt: new Date(Date.now() - 1) }), user(), 'IDENTITY.RESET_LINK_EXPIRED'],
    [
      'for an address the account left',
      TOKEN,
      link(),
      user({ email: 'new@example.org' }),
      'IDENTITY.RESET_LINK_EXPIRED',
    ],
  ])('refuses a %s link and changes nothing', async (_what, token, locked, current, code) => {
    const { tx, sessions, useCase } = harness(link(), locked, current);
    await expect(useCase.execute(token, NEW, 'ip')).rejects.toMatchObject({ code });
    expect(resetPassword).not.toHaveBeenCalled();
    expect(sessions.endAll).not.toHaveBeenCalled();
    expect(tx.committedEvents()).toEqual([]);
  });

  it('an unknown link is RESET_LINK_NOT_FOUND before any transaction', async () => {
    const { tx, useCase } = harness();
    jest.mocked(passwordResetByHash).mockResolvedValue(null);
    await expect(useCase.execute(TOKEN, NEW, 'ip')).rejects.toMatchObject({
      code: 'IDENTITY.RESET_LINK_NOT_FOUND',
    });
    expect(tx.transactions()).toBe(0);
  });
});
