// Single-use password reset links, sealed into the event like e-mail verification links: the
// outbox, the queue and the notifications schema hold only the sealed form; identity keeps a hash.
//
// Constant path (issue 12): asking for a reset must not tell, by its timing, whether the address
// has an account. So an unknown address goes through the same steps as a known one: a token is
// drawn and hashed, the link is sealed, the event is built, and the same two INSERTs (the outbox
// row and the reset row) run inside a savepoint, with the reset row's foreign key deferred (made
// deferrable by migration 1767201000000). For a known address the savepoint is released and the
// key is checked at commit; for an unknown one it is rolled back (its row names no user), and
// nothing is left: no row, no event, no e-mail, and no failed statement in the logs.
import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendToOutbox, type PendingEvent } from '@lattice/shared-data-access';
import { SecretBox } from '@lattice/shared-util-config';
import {
  closePasswordResetSavepoint,
  IDENTITY_SCHEMA,
  insertPasswordReset,
  openPasswordResetSavepoint,
  type PasswordResetEntity,
  type UserEntity,
} from '@lattice/identity-data-access';
import { hashSecretToken } from './email-verification-links';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options';

/** Short: the link opens an account. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

export type ResetRecipient = Pick<UserEntity, 'id' | 'email' | 'name' | 'locale'>;

/** A reset link made ready to be written: the row identity keeps and the event that mails it. */
export interface PreparedReset {
  readonly row: Pick<PasswordResetEntity, 'tokenHash' | 'userId' | 'email' | 'expiresAt' | 'usedAt'>;
  readonly event: PendingEvent;
}

@Injectable()
export class PasswordResetLinks {
  constructor(@Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions) {}

  linkFor(token: string): string {
    return `${this.options.publicBaseUrl.replace(/\/$/, '')}/reset-password?token=${token}`;
  }

  /** A stand-in for an address without an account: same shape, an id that names no user. */
  decoyFor(email: string): ResetRecipient {
    return { id: randomUUID(), email, name: email.split('@')[0] ?? '', locale: 'en' };
  }

  /** Draws the token, hashes it, seals the link and builds the event: the same work for anyone. */
  prepare(recipient: ResetRecipient): PreparedReset {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60_000);
    return {
      row: {
        tokenHash: hashSecretToken(token),
        userId: recipient.id,
        email: recipient.email,
        expiresAt,
        usedAt: null,
      },
      event: {
        type: 'identity.password_reset.requested',
        actorId: recipient.id,
        payload: {
          userId: recipient.id,
          email: recipient.email,
          name: recipient.name,
          locale: recipient.locale,
          expiresAt: expiresAt.toISOString(),
          ...(this.options.invitationLinkKey
            ? { sealedResetUrl: new SecretBox(this.options.invitationLinkKey).seal(this.linkFor(token)) }
            : {}),
        },
      },
    };
  }

  /**
   * Writes the outbox row and the reset row in a savepoint; `keep` releases it (a known address),
   * otherwise it is rolled back (a decoy: the reset row's user does not exist, and nothing stays).
   * A failure aborts the whole transaction, as any failed write does.
   */
  async write(manager: EntityManager, prepared: PreparedReset, keep: boolean): Promise<void> {
    await openPasswordResetSavepoint(manager);
    await appendToOutbox(manager, IDENTITY_SCHEMA, [prepared.event]);
    await insertPasswordReset(manager, prepared.row);
    await closePasswordResetSavepoint(manager, keep);
  }
}
