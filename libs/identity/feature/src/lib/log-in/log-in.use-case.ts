import { Injectable } from '@nestjs/common';
import { RateLimiter } from '@lattice/shared-rate-limit';
import { IdentityRepository, type UserEntity } from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';
import { PasswordHasher } from '../shared/password-hasher';
import { SessionService } from '../shared/session.service';

@Injectable()
export class LogInUseCase {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly limits: RateLimiter,
  ) {}

  async execute(
    email: string,
    password: string,
    clientAddress: string,
  ): Promise<{ token: string; refreshToken: string; user: UserEntity }> {
    const account = email.trim().toLowerCase();
    // Every attempt counts, per account and per address, before the password is checked.
    await this.limits.consumeAll([
      ['LOGIN_ACCOUNT', account],
      ['LOGIN_ADDRESS', clientAddress],
    ]);
    const user = await this.repository.userByEmail(email.trim());
    // Same work and same answer whether the account is unknown or the password wrong.
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) throw IdentityErrors.of('INVALID_CREDENTIALS', 'The e-mail or password is not right.');
    await this.limits.reset('LOGIN_ACCOUNT', account);
    return { ...(await this.sessions.sessionFor(user)), user };
  }
}
