import { Injectable } from '@nestjs/common';
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
  ) {}

  async execute(email: string, password: string): Promise<{ token: string; user: UserEntity }> {
    const user = await this.repository.userByEmail(email.trim());
    // Same work and same answer whether the account is unknown or the password wrong.
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) throw IdentityErrors.of('INVALID_CREDENTIALS', 'The e-mail or password is not right.');
    return { token: await this.sessions.tokenFor(user), user };
  }
}
