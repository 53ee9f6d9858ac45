// Refresh tokens: opaque, high-entropy, kept as SHA-256, rotated on every use within a family.
// A token that comes back after it was used (or revoked) was copied: the whole family is revoked,
// so neither the thief nor the victim can go on with it — the person logs in again.
import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import {
  IDENTITY_SCHEMA,
  insertRefreshToken,
  lockRefreshToken,
  markRefreshTokenUsed,
  revokeRefreshTokenFamily,
  type UserEntity,
  userById,
} from '@lattice/identity-data-access';
import { hashSecretToken } from './email-verification-links';
import { IdentityErrors } from './identity.errors';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options';

export const REFRESH_TOKEN_PREFIX = 'lrt_';

@Injectable()
export class RefreshTokens {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /** A new token, in a new family unless one is given. */
  async issue(
    userId: string,
    familyId: string = randomUUID(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const token = `${REFRESH_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    await insertRefreshToken(manager, {
      tokenHash: hashSecretToken(token),
      familyId,
      userId,
      expiresAt: new Date(Date.now() + this.options.refreshTokenTtlDays * 86_400_000),
      usedAt: null,
      revokedAt: null,
    });
    return token;
  }

  /** Spends `token` for its successor; the user it belongs to. */
  async rotate(token: string): Promise<{ user: UserEntity; refreshToken: string }> {
    const invalid = () => IdentityErrors.of('REFRESH_TOKEN_INVALID', 'This session has ended. Log in again.');
    if (!token.startsWith(REFRESH_TOKEN_PREFIX) || token.length > 100) throw invalid();
    const outcome = await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager }) => {
      const row = await lockRefreshToken(manager, hashSecretToken(token));
      if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now())
        return { refused: 'INVALID' as const };
      if (row.usedAt) {
        // Reuse: revoke the family, and commit that even though the caller is refused.
        await revokeRefreshTokenFamily(manager, row.familyId, new Date());
        return { refused: 'REUSED' as const };
      }
      const user = await userById(manager, row.userId);
      if (!user) return { refused: 'INVALID' as const };
      await markRefreshTokenUsed(manager, row.tokenHash, new Date());
      return { user, refreshToken: await this.issue(user.id, row.familyId, manager) };
    });
    if ('refused' in outcome) {
      if (outcome.refused === 'REUSED')
        throw IdentityErrors.of(
          'REFRESH_TOKEN_REUSED',
          'This session was used from somewhere else, so it has been ended everywhere it was used. Log in again.',
        );
      throw invalid();
    }
    return outcome;
  }
}
