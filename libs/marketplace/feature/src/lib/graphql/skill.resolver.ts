import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthGuard, Public } from '@lattice/shared-auth';
import { type GraphQLRequestContext, pageRequest, ParseIdPipe, toConnection } from '@lattice/shared-graphql';
import { MarketplaceRepository } from '@lattice/marketplace-data-access';
import { ListSkillsUseCase } from '../list-skills/list-skills.use-case';
import { marketplaceLoaders } from './marketplace.loaders';
import { SkillConnectionModel, SkillModel, toSkillModel } from './marketplace.models';

/** The taxonomy is public reference data: anyone may browse it. */
@Resolver(() => SkillModel)
@UseGuards(AuthGuard)
export class SkillResolver {
  constructor(
    private readonly repository: MarketplaceRepository,
    private readonly listSkillsUseCase: ListSkillsUseCase,
  ) {}

  @Public()
  @Query(() => SkillConnectionModel, {
    description:
      'Searches labels and alternative labels (English and French), tolerant of typos and word order, best first.',
  })
  async skills(
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('framework', {
      type: () => String,
      nullable: true,
      description: 'ESCO or SFS (Skills for Success).',
    })
    framework: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('includeGroups', {
      type: () => Boolean,
      defaultValue: false,
      description: 'Also list ESCO skill groups.',
    })
    includeGroups: boolean,
  ): Promise<SkillConnectionModel> {
    const page = pageRequest(first, after);
    const rows = await this.listSkillsUseCase.execute({ search, framework, includeGroups }, page);
    return toConnection(rows, page, (row) => [row.sortKey, row.id], toSkillModel);
  }

  @Public()
  @Query(() => SkillModel, { nullable: true })
  async skill(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Context() context: GraphQLRequestContext,
  ): Promise<SkillModel | null> {
    const skill = await marketplaceLoaders(context.loaders, this.repository).skill.load(id);
    return skill ? toSkillModel(skill) : null;
  }

  @ResolveField(() => [SkillModel], {
    description: 'The nearest broader concepts (skill groups or broader skills).',
  })
  async broader(
    @Parent() skill: SkillModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<SkillModel[]> {
    return (await marketplaceLoaders(context.loaders, this.repository).broader.load(skill.id)).map(
      toSkillModel,
    );
  }

  @ResolveField(() => [SkillModel])
  async narrower(
    @Parent() skill: SkillModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<SkillModel[]> {
    return (await marketplaceLoaders(context.loaders, this.repository).narrower.load(skill.id)).map(
      toSkillModel,
    );
  }
}
