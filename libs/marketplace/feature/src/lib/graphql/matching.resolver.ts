import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { AuthGuard } from '@lattice/shared-auth';
import { ParseIdPipe } from '@lattice/shared-graphql';
import { MarketplaceRepository } from '@lattice/marketplace-data-access';
import { MatchNeedsUseCase } from '../match-needs/match-needs.use-case';
import { MatchPartnersUseCase } from '../match-partners/match-partners.use-case';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import {
  MatchReasonKindEnum,
  NeedMatchModel,
  PartnerMatchModel,
  toSkillNeedModel,
} from './marketplace.models';

@Resolver()
@UseGuards(AuthGuard)
export class MatchingResolver {
  constructor(
    private readonly repository: MarketplaceRepository,
    private readonly matchPartnersUseCase: MatchPartnersUseCase,
    private readonly matchNeedsUseCase: MatchNeedsUseCase,
  ) {}

  @Query(() => [PartnerMatchModel], {
    description: 'Institutions ranked for a need, each score explained by weighted reasons.',
  })
  async partnerMatches(
    @Args('needId', { type: () => ID }, ParseIdPipe) needId: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<PartnerMatchModel[]> {
    const matches = await this.matchPartnersUseCase.execute(needId, first);
    return matches.map((m) => ({
      institution: { id: m.candidateId },
      score: m.score,
      reasons: m.reasons.map((r) => ({ ...r, kind: r.kind as MatchReasonKindEnum })),
    }));
  }

  @Query(() => [NeedMatchModel], {
    description: 'Open needs ranked for an institution’s capability profile.',
  })
  async needMatches(
    @Args('institutionId', { type: () => ID }, ParseIdPipe) institutionId: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<NeedMatchModel[]> {
    const { matches, needs } = await this.matchNeedsUseCase.executeWithNeeds(institutionId, first);
    // A page served from the cache came with its needs (same statement); one computed afresh has
    // them read in one batch. Each match carries its need, so no field resolver runs per match.
    const read = new Map(
      (needs ?? (await this.repository.needsByIds(matches.map((m) => m.candidateId)))).map((need) => [
        need.id,
        need,
      ]),
    );
    return matches.map((m) => {
      const need = read.get(m.candidateId);
      if (!need)
        throw MarketplaceErrors.of('NEED_NOT_FOUND', 'No such skill need.', { needId: m.candidateId });
      return {
        need: toSkillNeedModel(need),
        score: m.score,
        reasons: m.reasons.map((r) => ({ ...r, kind: r.kind as MatchReasonKindEnum })),
      };
    });
  }
}
