// Other services ask here for the skills behind Lattice skill ids when they need them at once —
// e.g. credentials aligning an awarded achievement with its design's ESCO and Skills for Success
// skills. Authenticated by the caller's own token. Unknown ids are simply left out.
import { BadRequestException, Controller, Get, Query, Req, UnauthorizedException } from '@nestjs/common';
import { bearerToken, TokenVerifier, type AuthenticatedRequest } from '@lattice/shared-auth';
import { isUuid } from '@lattice/shared-graphql';
import { MarketplaceRepository } from '@lattice/marketplace-data-access';

export const MAX_INTERNAL_SKILL_IDS = 200;

@Controller('internal')
export class InternalSkillsController {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly repository: MarketplaceRepository,
  ) {}

  /** `GET /internal/skills?ids=<uuid>,<uuid>…` (at most 200): 401 without a valid caller token, 400 for too many ids. */
  @Get('skills')
  async skills(@Req() request: AuthenticatedRequest, @Query('ids') ids: unknown) {
    const token = bearerToken(request);
    if (!token) throw new UnauthorizedException();
    await this.verifier.verify(token).catch(() => {
      throw new UnauthorizedException();
    });
    const requested =
      typeof ids === 'string'
        ? ids
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
        : [];
    if (requested.length > MAX_INTERNAL_SKILL_IDS)
      throw new BadRequestException(`At most ${MAX_INTERNAL_SKILL_IDS} ids.`);
    // A malformed id cannot name a skill: it is left out like an unknown one.
    const wanted = [...new Set(requested.filter(isUuid).map((id) => id.toLowerCase()))];
    const rows = wanted.length ? await this.repository.skillsByIds(wanted) : [];
    return {
      skills: rows.map((skill) => ({
        id: skill.id,
        uri: skill.uri,
        label: skill.labelEn,
        framework: skill.framework,
      })),
    };
  }
}
