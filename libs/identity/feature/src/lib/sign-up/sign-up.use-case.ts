import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, isUniqueViolation } from '@lattice/shared-data-access';
import { RateLimiter } from '@lattice/shared-rate-limit';
import { IDENTITY_SCHEMA, insertUser, type Locale, UserEntity } from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';
import { PasswordHasher } from '../shared/password-hasher';
import { assertAcceptablePassword } from '../shared/password-policy';
import { EmailVerificationLinks } from '../shared/email-verification-links';
import { SessionService } from '../shared/session.service';

export interface SignUpCommand {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly locale: Locale;
}

@Injectable()
export class SignUpUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly verificationLinks: EmailVerificationLinks,
    private readonly limits: RateLimiter,
  ) {}

  async execute(
    command: SignUpCommand,
    clientAddress: string,
  ): Promise<{ token: string; refreshToken: string; user: UserEntity }> {
    await this.limits.consume('SIGNUP_ADDRESS', clientAddress);
    const email = command.email.trim();
    assertAcceptablePassword(command.password, { email, name: command.name });
    const passwordHash = await this.hasher.hash(command.password);
    try {
      const user = await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
        const user = manager.create(UserEntity, {
          id: randomUUID(),
          email,
          name: command.name.trim(),
          passwordHash,
          locale: command.locale,
        });
        await insertUser(manager, user);
        emit({
          type: 'identity.user.signed_up',
          actorId: user.id,
          payload: { userId: user.id, email, name: user.name, locale: user.locale },
        });
        await this.verificationLinks.send(manager, emit, user);
        return user;
      });
      return { ...(await this.sessions.sessionFor(user)), user };
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw IdentityErrors.of(
          'EMAIL_TAKEN',
          'An account with this e-mail already exists. Log in instead.',
          { field: 'email' },
        );
      }
      throw error;
    }
  }
}
