import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorizer, AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { type GraphQLRequestContext, pageRequest, ParseIdPipe, toConnection } from '@lattice/shared-graphql';
import { MarketplaceRepository } from '@lattice/marketplace-data-access';
import { CloseSkillNeedUseCase } from '../close-skill-need/close-skill-need.use-case';
import { DetectExpiringNeedsUseCase } from '../detect-expiring-needs/detect-expiring-needs.use-case';
import { ListSkillNeedsUseCase } from '../list-skill-needs/list-skill-needs.use-case';
import { PostSkillNeedUseCase } from '../post-skill-need/post-skill-need.use-case';
import { UpdateSkillNeedUseCase } from '../update-skill-need/update-skill-need.use-case';
import { marketplaceLoaders, withSkills } from './marketplace.loaders';
import { PostSkillNeedInput, SkillNeedFilter, UpdateSkillNeedInput } from './marketplace.inputs';
import {
  NeedSkillModel,
  OrganizationRef,
  SkillNeedConnectionModel,
  SkillNeedModel,
  toSkillModel,
  toSkillNeedModel,
} from './marketplace.models';

@Resolver(() => SkillNeedModel)
@UseGuards(AuthGuard)
export class SkillNeedResolver {
  constructor(
    private readonly repository: MarketplaceRepository,
    private readonly postSkillNeedUseCase: PostSkillNeedUseCase,
    private readonly updateSkillNeedUseCase: UpdateSkillNeedUseCase,
    private readonly closeSkillNeedUseCase: CloseSkillNeedUseCase,
    private readonly listSkillNeedsUseCase: ListSkillNeedsUseCase,
    private readonly detectExpiringNeedsUseCase: DetectExpiringNeedsUseCase,
    private readonly authorizer: Authorizer,
  ) {}

  @Mutation(() => [ID], {
    description:
      'Operators: announce open needs whose needed-by date is within a week (once per need and date); returns their ids. The marketplace runs the same every minute.',
  })
  async detectExpiringNeeds(@CurrentPrincipal() principal: Principal): Promise<string[]> {
    await this.authorizer.requireOperator(principal);
    return (await this.detectExpiringNeedsUseCase.execute()).map((need) => need.needId);
  }

  @Query(() => SkillNeedConnectionModel, { description: 'Skill needs, newest first.' })
  async skillNeeds(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => SkillNeedFilter, nullable: true }) filter: SkillNeedFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<SkillNeedConnectionModel> {
    const page = pageRequest(first, after);
    const { rows, total } = await this.listSkillNeedsUseCase.execute(principal, filter ?? {}, page);
    return toConnection(rows, page, (need) => [Number(need.seq), need.id], toSkillNeedModel, total);
  }

  @Query(() => SkillNeedModel, { nullable: true })
  async skillNeed(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Context() context: GraphQLRequestContext,
  ): Promise<SkillNeedModel | null> {
    const need = await marketplaceLoaders(context.loaders, this.repository).need.load(id);
    return need ? toSkillNeedModel(need) : null;
  }

  @Mutation(() => SkillNeedModel, { description: 'Members of the employer post its needs.' })
  async postSkillNeed(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: PostSkillNeedInput,
  ): Promise<SkillNeedModel> {
    return toSkillNeedModel(await this.postSkillNeedUseCase.execute(principal, input));
  }

  @Mutation(() => SkillNeedModel, {
    description: 'Changes an open need; with expectedVersion, a stale copy fails with CONFLICT.',
  })
  async updateSkillNeed(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input') input: UpdateSkillNeedInput,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion: number | null,
  ): Promise<SkillNeedModel> {
    return toSkillNeedModel(
      await this.updateSkillNeedUseCase.execute(principal, id, input, expectedVersion ?? null),
    );
  }

  @Mutation(() => SkillNeedModel)
  async closeSkillNeed(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<SkillNeedModel> {
    return toSkillNeedModel(await this.closeSkillNeedUseCase.execute(principal, id));
  }

  @ResolveField(() => OrganizationRef, { description: 'The employer.' })
  organization(@Parent() need: SkillNeedModel): OrganizationRef {
    return { id: need.organizationId };
  }

  @ResolveField(() => [NeedSkillModel])
  async skills(
    @Parent() need: SkillNeedModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<NeedSkillModel[]> {
    const loaders = marketplaceLoaders(context.loaders, this.repository);
    return (await withSkills(loaders, await loaders.needSkills.load(need.id))).map(({ skill, level }) => ({
      skill: toSkillModel(skill),
      level,
    }));
  }
}
