import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import { RateLimiter } from '@lattice/shared-rate-limit';
import {
  IDENTITY_SCHEMA,
  lockPasswordReset,
  markPasswordResetsOfUserUsed,
  markPasswordResetUsed,
  passwordResetByHash,
  resetPassword,
  userById,
  userByIdOrFail,
} from '@lattice/identity-data-access';
import { hashSecretToken } from '../shared/email-verification-links';
import { IdentityErrors } from '../shared/identity.errors';
import { PasswordHasher } from '../shared/password-hasher';
import { assertAcceptablePassword } from '../shared/password-policy';
import { SessionsEnded } from '../shared/sessions-ended';

/**
 * Sets a new password with the link from the reset e-mail. The link works once and briefly;
 * every session the account had is ended. It logs nobody in: the person logs in with the new password.
 */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessionsEnded: SessionsEnded,
    private readonly limits: RateLimiter,
  ) {}

  async execute(token: string, newPassword: string, clientAddress: string): Promise<void> {
    await this.limits.consume('PASSWORD_RESET_ADDRESS', clientAddress);
    const trimmed = token.trim();
    const notFound = () =>
      IdentityErrors.of(
        'RESET_LINK_NOT_FOUND',
        'This reset link is not valid. Use the link from the latest e-mail, or ask for a new one.',
        { field: 'token' },
      );
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(trimmed)) throw notFound();
    const link = await passwordResetByHash(this.dataSource.manager, hashSecretToken(trimmed));
    if (!link) throw notFound();
    const user = await userById(this.dataSource.manager, link.userId);
    if (!user) throw notFound();
    assertAcceptablePassword(newPassword, user);
    const passwordHash = await this.hasher.hash(newPassword);
    await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      // Lock the link: two uses race to one reset.
      const locked = await lockPasswordReset(manager, link.tokenHash);
      if (!locked) throw notFound();
      if (locked.usedAt)
        throw IdentityErrors.of(
          'RESET_LINK_USED',
          'This reset link has already been used. Ask for a new one if you need to.',
        );
      if (locked.expiresAt.getTime() <= Date.now())
        throw IdentityErrors.of('RESET_LINK_EXPIRED', 'This reset link has expired. Ask for a new one.');
      const current = await userByIdOrFail(manager, user.id);
      if (current.email.toLowerCase() !== locked.email.toLowerCase())
        throw IdentityErrors.of(
          'RESET_LINK_EXPIRED',
          'This link was sent to an address the account no longer uses.',
        );
      const now = new Date();
      await markPasswordResetUsed(manager, locked.tokenHash, now);
      // Other links of the account stop working too.
      await markPasswordResetsOfUserUsed(manager, user.id, now);
      // The reset e-mail reached this address: that proves it as the verification link would.
      await resetPassword(manager, user.id, passwordHash, current.emailVerifiedAt ? null : now);
      emit({
        type: 'identity.password.changed',
        actorId: user.id,
        payload: {
          userId: user.id,
          email: current.email,
          name: current.name,
          locale: current.locale,
          via: 'RESET',
        },
      });
      await this.sessionsEnded.endAll(manager, user.id);
    });
  }
}
