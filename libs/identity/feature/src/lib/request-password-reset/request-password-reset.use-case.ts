import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateLimiter } from '@lattice/shared-rate-limit';
import { userWithLowercaseEmail } from '@lattice/identity-data-access';
import { PasswordResetLinks } from '../shared/password-reset-links';

/**
 * E-mails a reset link when the address has an account. The answer is the same either way, so
 * the form cannot be used to learn who has an account; the limits count the address asked for
 * whether it exists or not; and the work is the same either way (PasswordResetLinks: token, hash,
 * seal, the same INSERTs in a savepoint, kept only for a real account), so the time it takes does
 * not tell either.
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
    // Not an address at all: nothing to look up (this says nothing about who has an account).
    if (!/^[^\s@]+@[^\s@]+$/.test(address) || address.length > 254) return;
    await this.dataSource.transaction(async (manager) => {
      const user = await userWithLowercaseEmail(manager, address);
      const prepared = this.links.prepare(user ?? this.links.decoyFor(address));
      await this.links.write(manager, prepared, user !== null);
    });
  }
}
