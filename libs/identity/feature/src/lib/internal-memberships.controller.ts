// Other services ask here for a caller's live memberships when the token's are not enough
// (a membership gained after the token was issued). Authenticated by the caller's own token.
import { Controller, Get, Req, UnauthorizedException } from '@nestjs/common';
import { bearerToken, TokenVerifier, type AuthenticatedRequest } from '@lattice/shared-auth';
import { IdentityRepository } from '@lattice/identity-data-access';

@Controller('internal')
export class InternalMembershipsController {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly repository: IdentityRepository,
  ) {}

  @Get('memberships')
  async memberships(@Req() request: AuthenticatedRequest) {
    const token = bearerToken(request);
    if (!token) throw new UnauthorizedException();
    const principal = await this.verifier.verify(token).catch(() => {
      throw new UnauthorizedException();
    });
    const rows = await this.repository.membershipsOfUsers([principal.userId]);
    return { memberships: rows.map(({ organizationId, role, kind }) => ({ organizationId, role, kind })) };
  }
}
