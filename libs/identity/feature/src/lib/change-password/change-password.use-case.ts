import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { RateLimiter } from '@lattice/shared-rate-limit';
import {
  changePasswordAtVersion,
  IDENTITY_SCHEMA,
  type UserEntity,
  userById,
  userByIdOrFail,
} from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';
import { PasswordHasher } from '../shared/password-hasher';
import { assertAcceptablePassword } from '../shared/password-policy';
import { SessionsEnded } from '../shared/sessions-ended';

/** A signed-in person changes their password, proving the current one; every other session ends. */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessionsEnded: SessionsEnded,
    private readonly limits: RateLimiter,
  ) {}

  async execute(principal: Principal, currentPassword: string, newPassword: string): Promise<UserEntity> {
    await this.limits.consume('PASSWORD_CHANGE_ACCOUNT', principal.userId);
    const user = await userById(this.dataSource.manager, principal.userId);
    if (!user) throw IdentityErrors.of('USER_NOT_FOUND', 'Your account no longer exists.');
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw IdentityErrors.of('WRONG_PASSWORD', 'Your current password is not right.', {
        field: 'currentPassword',
      });
    }
    assertAcceptablePassword(newPassword, user);
    const passwordHash = await this.hasher.hash(newPassword);
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      // Expected version: a concurrent change (another tab, a reset) is not silently overwritten.
      if (!(await changePasswordAtVersion(manager, user.id, user.version, passwordHash)))
        throw IdentityErrors.of('WRONG_PASSWORD', 'Your password was changed meanwhile. Log in again.', {
          field: 'currentPassword',
        });
      emit({
        type: 'identity.password.changed',
        actorId: user.id,
        payload: { userId: user.id, email: user.email, name: user.name, locale: user.locale, via: 'CHANGE' },
      });
      await this.sessionsEnded.endAll(manager, user.id);
      return userByIdOrFail(manager, user.id);
    });
  }
}
