// Verifying an address with the link from the e-mail: once, before it expires, and only while the
// account still uses the address the link was sent to.
import type { RateLimiter } from '@lattice/shared-rate-limit';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  type EmailVerificationEntity,
  lockEmailVerification,
  markEmailVerificationUsed,
  markEmailVerified,
  type UserEntity,
  userById,
  userByIdOrFail,
} from '@lattice/identity-data-access';
import { hashSecretToken } from '../shared/email-verification-links';
import { VerifyEmailUseCase } from './verify-email.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  lockEmailVerification: jest.fn(),
  markEmailVerificationUsed: jest.fn(),
  markEmailVerified: jest.fn(),
  userById: jest.fn(),
  userByIdOrFail: jest.fn(),
}));

const TOKEN = 'a'.repeat(43);
const link = (over: Partial<EmailVerificationEntity> = {}) =>
  ({
    tokenHash: hashSecretToken(TOKEN),
    userId: 'u1',
    email: 'ada@example.org',
    usedAt: null,
    expiresAt: new Date(Date.now() + 60_000),
    ...over,
  }) as EmailVerificationEntity;
const user = (over: Partial<UserEntity> = {}) =>
  ({ id: 'u1', email: 'Ada@example.org', emailVerifiedAt: null, ...over }) as UserEntity;

function harness(found: EmailVerificationEntity | null, owner: UserEntity | null = user()) {
  jest.mocked(lockEmailVerification).mockResolvedValue(found);
  jest.mocked(userById).mockResolvedValue(owner);
  jest.mocked(userByIdOrFail).mockResolvedValue({ ...owner!, emailVerifiedAt: new Date() });
  const tx = fakeTransactions();
  const limits = { consume: jest.fn(async () => undefined) };
  return { tx, limits, useCase: new VerifyEmailUseCase(tx.dataSource, limits as unknown as RateLimiter) };
}

describe('VerifyEmailUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('spends the link, verifies the address and announces it, counting the attempt against the client address', async () => {
    const { tx, limits, useCase } = harness(link());
    await useCase.execute(` ${TOKEN} `, '203.0.113.7');
    expect(limits.consume).toHaveBeenCalledWith('EMAIL_VERIFICATION_ADDRESS', '203.0.113.7');
    expect(lockEmailVerification).toHaveBeenCalledWith(tx.manager, hashSecretToken(TOKEN));
    expect(markEmailVerificationUsed).toHaveBeenCalledWith(
      tx.manager,
      hashSecretToken(TOKEN),
      expect.any(Date),
    );
    expect(markEmailVerified).toHaveBeenCalledWith(tx.manager, 'u1', expect.any(Date));
    expect(tx.committedEvents()).toEqual(['identity.user.email_verified']);
  });

  it('an address verified already is not announced twice (the link is still spent)', async () => {
    const { tx, useCase } = harness(link(), user({ emailVerifiedAt: new Date() }));
    await useCase.execute(TOKEN, 'ip');
    expect(markEmailVerificationUsed).toHaveBeenCalled();
    expect(markEmailVerified).not.toHaveBeenCalled();
    expect(tx.committedEvents()).toEqual([]);
  });

  it.each([
    ['malformed', 'short', link(), user(), 'IDENTITY.VERIFICATION_LINK_NOT_FOUND'],
    ['unknown', TOKEN, null, user(), 'IDENTITY.VERIFICATION_LINK_NOT_FOUND'],
    ['used', TOKEN, link({ usedAt: new Date() }), user(), 'IDENTITY.VERIFICATION_LINK_USED'],
    [
      'expired',
      TOKEN,
      link({ expiresAt: new Date(Date.now() - 1) }),
      user(),
      'IDENTITY.VERIFICATION_LINK_EXPIRED',
    ],
    [
      'sent to an address the account left',
      TOKEN,
      link(),
      user({ email: 'new@example.org' }),
      'IDENTITY.VERIFICATION_LINK_EXPIRED',
    ],
  ])('refuses a %s link and verifies nothing', async (_what, token, found, owner, code) => {
    const { tx, useCase } = harness(found, owner);
    await expect(useCase.execute(token, 'ip')).rejects.toMatchObject({ code });
    expect(markEmailVerified).not.toHaveBeenCalled();
    expect(tx.committedEvents()).toEqual([]);
  });
});
