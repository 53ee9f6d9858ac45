// Asking for a fresh verification link: under the user's row lock, never for a verified address,
// at most one a minute.
import type { Principal } from '@lattice/shared-auth';
import type { RateLimiter } from '@lattice/shared-rate-limit';
import { fakeTransactions } from '@lattice/shared-testing';
import { emailVerificationsSince, lockUser, type UserEntity } from '@lattice/identity-data-access';
import type { EmailVerificationLinks } from '../shared/email-verification-links';
import { RequestEmailVerificationUseCase, RESEND_INTERVAL_MS } from './request-email-verification.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  emailVerificationsSince: jest.fn(),
  lockUser: jest.fn(),
}));

const principal = { userId: 'u1' } as Principal;

function harness(user: Partial<UserEntity> | null, recent = 0) {
  jest.mocked(lockUser).mockResolvedValue(user as UserEntity | null);
  jest.mocked(emailVerificationsSince).mockResolvedValue(recent);
  const tx = fakeTransactions();
  const links = { send: jest.fn(async () => undefined) };
  const limits = { consumeAll: jest.fn(async () => undefined) };
  return {
    tx,
    links,
    limits,
    useCase: new RequestEmailVerificationUseCase(
      tx.dataSource,
      links as unknown as EmailVerificationLinks,
      limits as unknown as RateLimiter,
    ),
  };
}

describe('RequestEmailVerificationUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('sends a link when none went out in the last minute, counting the account and the client address', async () => {
    const { tx, links, limits, useCase } = harness({
      id: 'u1',
      email: 'ada@example.org',
      emailVerifiedAt: null,
    });
    const before = Date.now();
    await useCase.execute(principal, 'ip');
    expect(limits.consumeAll).toHaveBeenCalledWith([
      ['EMAIL_VERIFICATION_ACCOUNT', 'u1'],
      ['EMAIL_VERIFICATION_ADDRESS', 'ip'],
    ]);
    expect(lockUser).toHaveBeenCalledWith(tx.manager, 'u1');
    const since = jest.mocked(emailVerificationsSince).mock.calls[0]![2];
    expect(since.getTime()).toBeGreaterThanOrEqual(before - RESEND_INTERVAL_MS);
    expect(links.send).toHaveBeenCalledWith(
      tx.manager,
      expect.any(Function),
      expect.objectContaining({ id: 'u1' }),
    );
  });

  it.each([
    ['a verified address', { id: 'u1', emailVerifiedAt: new Date() }, 0, 'IDENTITY.EMAIL_ALREADY_VERIFIED'],
    [
      'a link sent within the minute',
      { id: 'u1', emailVerifiedAt: null },
      1,
      'IDENTITY.VERIFICATION_RECENTLY_SENT',
    ],
    ['an account that is gone', null, 0, 'IDENTITY.USER_NOT_FOUND'],
  ])('refuses for %s and sends nothing', async (_what, user, recent, code) => {
    const { links, useCase } = harness(user, recent);
    await expect(useCase.execute(principal, 'ip')).rejects.toMatchObject({ code });
    expect(links.send).not.toHaveBeenCalled();
  });
});
