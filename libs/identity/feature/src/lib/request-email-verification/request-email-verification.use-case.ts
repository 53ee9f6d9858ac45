import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { RateLimiter } from '@lattice/shared-rate-limit';
import {
  emailVerificationsSince,
  IDENTITY_SCHEMA,
  lockUser,
  type UserEntity,
} from '@lattice/identity-data-access';
import { EmailVerificationLinks } from '../shared/email-verification-links';
import { IdentityErrors } from '../shared/identity.errors';

/** Sends a fresh link (the e-mail went to spam, or expired); at most one a minute. */
export const RESEND_INTERVAL_MS = 60_000;

@Injectable()
export class RequestEmailVerificationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: EmailVerificationLinks,
    private readonly limits: RateLimiter,
  ) {}

  async execute(principal: Principal, clientAddress: string): Promise<UserEntity> {
    await this.limits.consumeAll([
      ['EMAIL_VERIFICATION_ACCOUNT', principal.userId],
      ['EMAIL_VERIFICATION_ADDRESS', clientAddress],
    ]);
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      // The user row lock serializes two resends, so the one-a-minute rule holds under races.
      const user = await lockUser(manager, principal.userId);
      if (!user) throw IdentityErrors.of('USER_NOT_FOUND', 'Your account no longer exists.');
      if (user.emailVerifiedAt)
        throw IdentityErrors.of('EMAIL_ALREADY_VERIFIED', `${user.email} is already verified.`);
      const recent = await emailVerificationsSince(
        manager,
        user.id,
        new Date(Date.now() - RESEND_INTERVAL_MS),
      );
      if (recent > 0)
        throw IdentityErrors.of(
          'VERIFICATION_RECENTLY_SENT',
          'A verification e-mail was sent less than a minute ago. Check your inbox, or try again shortly.',
        );
      await this.links.send(manager, emit, user);
      return user;
    });
  }
}
