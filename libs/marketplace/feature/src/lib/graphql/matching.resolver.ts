import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthGuard } from '@lattice/shared-auth';
import { type GraphQLRequestContext, ParseIdPipe } from '@lattice/shared-graphql';
import { MarketplaceRepository } from '@lattice/marketplace-data-access';
import { MatchNeedsUseCase } from '../match-needs/match-needs.use-case';
import { MatchPartnersUseCase } from '../match-partners/match-partners.use-case';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { marketplaceLoaders } from './marketplace.loaders';
import {
  MatchReasonKindEnum,
  NeedMatchModel,
  PartnerMatchModel,
  SkillNeedModel,
  toSkillNeedModel,
} from './marketplace.models';

@Resolver(() => NeedMatchModel)
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
    // A page served from the cache came with its needs (same statement): no second read for them.
    const read = needs ? new Map(needs.map((need) => [need.id, need])) : null;
    return matches.map((m) => ({
      needId: m.candidateId,
      ...(read ? { read: read.get(m.candidateId) ?? null } : {}),
      score: m.score,
      reasons: m.reasons.map((r) => ({ ...r, kind: r.kind as MatchReasonKindEnum })),
    }));
  }

  @ResolveField(() => SkillNeedModel)
  async need(
    @Parent() match: NeedMatchModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<SkillNeedModel> {
    const need =
      match.read !== undefined
        ? match.read
        : await marketplaceLoaders(context.loaders, this.repository).need.load(match.needId);
    if (!need) throw MarketplaceErrors.of('NEED_NOT_FOUND', 'No such skill need.');
    return toSkillNeedModel(need);
  }
}
