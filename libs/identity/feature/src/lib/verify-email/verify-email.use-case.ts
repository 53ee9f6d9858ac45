import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import { RateLimiter } from '@lattice/shared-rate-limit';
import {
  IDENTITY_SCHEMA,
  lockEmailVerification,
  markEmailVerificationUsed,
  markEmailVerified,
  type UserEntity,
  userById,
  userByIdOrFail,
} from '@lattice/identity-data-access';
import { hashSecretToken } from '../shared/email-verification-links';
import { IdentityErrors } from '../shared/identity.errors';

/**
 * Whoever holds the link from the e-mail proves the address; no session is needed (the link is
 * often opened on another device). It does not log anyone in: the link is not a password.
 */
@Injectable()
export class VerifyEmailUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: RateLimiter,
  ) {}

  async execute(token: string, clientAddress: string): Promise<UserEntity> {
    await this.limits.consume('EMAIL_VERIFICATION_ADDRESS', clientAddress);
    const trimmed = token.trim();
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(trimmed))
      throw IdentityErrors.of('VERIFICATION_LINK_NOT_FOUND', 'This verification link is not valid.', {
        field: 'token',
      });
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      // Lock the link: two clicks race to one verification.
      const link = await lockEmailVerification(manager, hashSecretToken(trimmed));
      if (!link)
        throw IdentityErrors.of('VERIFICATION_LINK_NOT_FOUND', 'This verification link is not valid.', {
          field: 'token',
        });
      if (link.usedAt)
        throw IdentityErrors.of('VERIFICATION_LINK_USED', 'This verification link has already been used.');
      if (link.expiresAt.getTime() <= Date.now())
        throw IdentityErrors.of(
          'VERIFICATION_LINK_EXPIRED',
          'This verification link has expired. Ask for a new one.',
        );
      const user = await userById(manager, link.userId);
      if (!user || user.email.toLowerCase() !== link.email.toLowerCase()) {
        throw IdentityErrors.of(
          'VERIFICATION_LINK_EXPIRED',
          'This link was sent to an address the account no longer uses.',
        );
      }
      const now = new Date();
      await markEmailVerificationUsed(manager, link.tokenHash, now);
      if (!user.emailVerifiedAt) {
        await markEmailVerified(manager, user.id, now);
        emit({
          type: 'identity.user.email_verified',
          actorId: user.id,
          payload: { userId: user.id, email: user.email },
        });
      }
      return userByIdOrFail(manager, user.id);
    });
  }
}
