// Single-use links that prove a person reads mail at an address. The link leaves identity only
// sealed, inside the event the worker opens for the e-mail to that address; identity keeps a hash.
import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UnitOfWork } from '@lattice/shared-data-access';
import { SecretBox } from '@lattice/shared-util-config';
import { insertEmailVerification, type UserEntity } from '@lattice/identity-data-access';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options';

export const EMAIL_VERIFICATION_TTL_HOURS = 48;

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class EmailVerificationLinks {
  constructor(@Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions) {}

  linkFor(token: string): string {
    return `${this.options.publicBaseUrl.replace(/\/$/, '')}/verify-email?token=${token}`;
  }

  /** Records a new link for the user's current address and announces it, inside the caller's transaction. */
  async send(manager: EntityManager, emit: UnitOfWork['emit'], user: UserEntity): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + EMAIL_VERIFICATION_TTL_HOURS * 3_600_000);
    await insertEmailVerification(manager, {
      tokenHash: hashSecretToken(token),
      userId: user.id,
      email: user.email,
      expiresAt,
      usedAt: null,
    });
    emit({
      type: 'identity.email_verification.requested',
      actorId: user.id,
      payload: {
        userId: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale,
        expiresAt: expiresAt.toISOString(),
        ...(this.options.invitationLinkKey
          ? { sealedVerifyUrl: new SecretBox(this.options.invitationLinkKey).seal(this.linkFor(token)) }
          : {}),
      },
    });
  }
}
