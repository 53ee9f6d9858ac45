// Issues access tokens carrying the user's current memberships.
import { Inject, Injectable } from '@nestjs/common';
import { TokenIssuer } from '@lattice/shared-auth';
import { IdentityRepository } from '@lattice/identity-data-access';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options';

@Injectable()
export class SessionService {
  private readonly issuer: TokenIssuer;

  constructor(
    @Inject(IDENTITY_OPTIONS) options: IdentityOptions,
    private readonly repository: IdentityRepository,
  ) {
    this.issuer = new TokenIssuer(options.tokenPrivateKeyPem, {
      issuer: options.tokenIssuer,
      audience: options.tokenAudience,
      ttlSeconds: options.tokenTtlSeconds,
    });
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
