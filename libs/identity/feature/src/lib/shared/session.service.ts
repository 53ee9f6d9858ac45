// Issues access tokens carrying the user's current memberships.
import { Inject, Injectable } from '@nestjs/common';
import { TokenIssuer } from '@lattice/shared-auth';
import { IdentityRepository } from '@lattice/identity-data-access';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options';
import { RefreshTokens } from './refresh-tokens';

@Injectable()
export class SessionService {
  private readonly issuer: TokenIssuer;

  constructor(
    @Inject(IDENTITY_OPTIONS) options: IdentityOptions,
    private readonly repository: IdentityRepository,
    private readonly refreshTokens: RefreshTokens,
  ) {
    this.issuer = new TokenIssuer(options.tokenPrivateKeyPem, {
      issuer: options.tokenIssuer,
      audience: options.tokenAudience,
      ttlSeconds: options.tokenTtlSeconds,
    });
  }

  /** An access token and a refresh token in a new family (log-in, sign-up, password change). */
  async sessionFor(user: {
    id: string;
    email: string;
    emailVerifiedAt?: Date | null;
  }): Promise<{ token: string; refreshToken: string }> {
    return { token: await this.tokenFor(user), refreshToken: await this.refreshTokens.issue(user.id) };
  }

  async tokenFor(user: { id: string; email: string; emailVerifiedAt?: Date | null }): Promise<string> {
    const memberships = await this.repository.membershipsOfUsers([user.id]);
    return this.issuer.issue({
      userId: user.id,
      email: user.email,
      emailVerified: user.emailVerifiedAt instanceof Date,
      memberships: memberships.map(({ organizationId, role, kind }) => ({ organizationId, role, kind })),
    });
  }
}
