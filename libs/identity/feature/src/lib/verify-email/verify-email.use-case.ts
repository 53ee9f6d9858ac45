import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import { RateLimiter } from '@lattice/shared-rate-limit';
import { EmailVerificationEntity, IDENTITY_SCHEMA, UserEntity } from '@lattice/identity-data-access';
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
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(trimmed)) throw IdentityErrors.of('VERIFICATION_LINK_NOT_FOUND', 'This verification link is not valid.', { field: 'token' });
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      // Lock the link: two clicks race to one verification.
      const link = await manager
        .createQueryBuilder(EmailVerificationEntity, 'v')
        .setLock('pessimistic_write')
        .where('v.token_hash = :hash', { hash: hashSecretToken(trimmed) })
        .getOne();
      if (!link) throw IdentityErrors.of('VERIFICATION_LINK_NOT_FOUND', 'This verification link is not valid.', { field: 'token' });
      if (link.usedAt) throw IdentityErrors.of('VERIFICATION_LINK_USED', 'This verification link has already been used.');
      if (link.expiresAt.getTime() <= Date.now()) throw IdentityErrors.of('VERIFICATION_LINK_EXPIRED', 'This verification link has expired. Ask for a new one.');
      const user = await manager.findOneBy(UserEntity, { id: link.userId });
      if (!user || user.email.toLowerCase() !== link.email.toLowerCase()) {
        throw IdentityErrors.of('VERIFICATION_LINK_EXPIRED', 'This link was sent to an address the account no longer uses.');
      }
      const now = new Date();
      await manager.update(EmailVerificationEntity, { tokenHash: link.tokenHash }, { usedAt: now });
      if (!user.emailVerifiedAt) {
        await manager.update(UserEntity, { id: user.id }, { emailVerifiedAt: now });
        emit({ type: 'identity.user.email_verified', actorId: user.id, payload: { userId: user.id, email: user.email } });
      }
      return manager.findOneByOrFail(UserEntity, { id: user.id });
    });
  }
}
