// Single-use password reset links, sealed into the event like e-mail verification links: the
// outbox, the queue and the notifications schema hold only the sealed form; identity keeps a hash.
import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UnitOfWork } from '@lattice/shared-data-access';
import { SecretBox } from '@lattice/shared-util-config';
import { PasswordResetEntity, type UserEntity } from '@lattice/identity-data-access';
import { hashSecretToken } from './email-verification-links';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options';

/** Short: the link opens an account. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

@Injectable()
export class PasswordResetLinks {
  constructor(@Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions) {}

  linkFor(token: string): string {
    return `${this.options.publicBaseUrl.replace(/\/$/, '')}/reset-password?token=${token}`;
  }

  async send(manager: EntityManager, emit: UnitOfWork['emit'], user: UserEntity): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60_000);
    await manager.insert(PasswordResetEntity, {
      tokenHash: hashSecretToken(token),
      userId: user.id,
      email: user.email,
      expiresAt,
      usedAt: null,
    });
    emit({
      type: 'identity.password_reset.requested',
      actorId: user.id,
      payload: {
        userId: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale,
        expiresAt: expiresAt.toISOString(),
        ...(this.options.invitationLinkKey
          ? { sealedResetUrl: new SecretBox(this.options.invitationLinkKey).seal(this.linkFor(token)) }
          : {}),
      },
    });
  }
}
