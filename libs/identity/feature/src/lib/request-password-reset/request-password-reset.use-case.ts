import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import { RateLimiter } from '@lattice/shared-rate-limit';
import { IDENTITY_SCHEMA, UserEntity } from '@lattice/identity-data-access';
import { PasswordResetLinks } from '../shared/password-reset-links';

/**
 * E-mails a reset link when the address has an account. The answer is the same either way, so
 * the form cannot be used to learn who has an account; the limits count the address asked for
 * whether it exists or not.
 */
@Injectable()
export class RequestPasswordResetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PasswordResetLinks,
    private readonly limits: RateLimiter,
  ) {}

  async execute(email: string, clientAddress: string): Promise<void> {
    const address = email.trim().toLowerCase();
    await this.limits.consumeAll([
      ['PASSWORD_RESET_ACCOUNT', address],
      ['PASSWORD_RESET_ADDRESS', clientAddress],
    ]);
    if (!/^[^\s@]+@[^\s@]+$/.test(address) || address.length > 254) return;
    await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      const user = await manager
        .createQueryBuilder(UserEntity, 'u')
        .where('lower(u.email) = :address', { address })
        .getOne();
      if (user) await this.links.send(manager, emit, user);
    });
  }
}
