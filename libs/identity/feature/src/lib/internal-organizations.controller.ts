// The directory of organizations' one fallback (ADR 0011): a service whose copy does not know an
// organization yet (created or joined an umbrella a moment ago, its event still in flight) asks
// here for its public facts and umbrella memberships, and stores the answer in its copy.
// Authenticated by the caller's own token.
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
    const links = await this.repository.umbrellaLinks('organizationId', [organization.id]);
    return {
      id: organization.id,
      name,
      kind,
      size,
      region,
      sector,
      verified,
      umbrellaIds: links.map((link) => link.umbrellaId),
    };
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
