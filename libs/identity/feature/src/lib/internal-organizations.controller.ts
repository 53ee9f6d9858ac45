// Other services ask here for an organization's public facts (kind, size, region…) when they
// need them at once — e.g. credentials checking that an issuer is an institution, or marketplace
// filling its directory before identity's event arrives. Authenticated by the caller's own token.
import { Controller, Get, NotFoundException, Param, Req, UnauthorizedException } from '@nestjs/common';
import { bearerToken, TokenVerifier, type AuthenticatedRequest } from '@lattice/shared-auth';
import { isUuid } from '@lattice/shared-graphql';
import { IdentityRepository, type OrganizationEntity } from '@lattice/identity-data-access';

@Controller('internal')
export class InternalOrganizationsController {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly repository: IdentityRepository,
  ) {}

  @Get('organizations/:id')
  async organization(@Req() request: AuthenticatedRequest, @Param('id') id: string) {
    const organization = await this.authorizedLookup(request, id);
    const { name, kind, size, region, sector, verified } = organization;
    return { id: organization.id, name, kind, size, region, sector, verified };
  }

  /** The umbrella organizations it is a member of (e.g. credentials checking who may adopt a shared credential). */
  @Get('organizations/:id/umbrellas')
  async umbrellas(@Req() request: AuthenticatedRequest, @Param('id') id: string) {
    const organization = await this.authorizedLookup(request, id);
    const links = await this.repository.umbrellaLinks('organizationId', [organization.id]);
    return { id: organization.id, umbrellaIds: links.map((link) => link.umbrellaId) };
  }

  /** 401 without a valid caller token, 404 for a malformed or unknown id. */
  private async authorizedLookup(request: AuthenticatedRequest, id: string): Promise<OrganizationEntity> {
    const token = bearerToken(request);
    if (!token) throw new UnauthorizedException();
    await this.verifier.verify(token).catch(() => {
      throw new UnauthorizedException();
    });
    if (!isUuid(id)) throw new NotFoundException();
    const organization = await this.repository.organizationById(id.toLowerCase());
    if (!organization) throw new NotFoundException();
    return organization;
  }
}
