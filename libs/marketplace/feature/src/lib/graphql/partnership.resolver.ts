import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Authorizer, AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { type GraphQLRequestContext, pageRequest, ParseIdPipe, toConnection } from '@lattice/shared-graphql';
import { MarketplaceRepository, partnershipById } from '@lattice/marketplace-data-access';
import { ListPartnershipsUseCase } from '../list-partnerships/list-partnerships.use-case';
import { ProposePartnershipUseCase } from '../propose-partnership/propose-partnership.use-case';
import { RespondToPartnershipUseCase } from '../respond-to-partnership/respond-to-partnership.use-case';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { sideOf } from '../shared/partnership-parties';
import { WithdrawPartnershipUseCase } from '../withdraw-partnership/withdraw-partnership.use-case';
import { marketplaceLoaders } from './marketplace.loaders';
import { PartnershipFilter, ProposePartnershipInput } from './marketplace.inputs';
import {
  PartnershipConnectionModel,
  PartnershipModel,
  SkillNeedModel,
  toPartnershipModel,
  toSkillNeedModel,
} from './marketplace.models';

@Resolver(() => PartnershipModel)
@UseGuards(AuthGuard)
export class PartnershipResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: MarketplaceRepository,
    private readonly proposePartnershipUseCase: ProposePartnershipUseCase,
    private readonly respondToPartnershipUseCase: RespondToPartnershipUseCase,
    private readonly withdrawPartnershipUseCase: WithdrawPartnershipUseCase,
    private readonly listPartnershipsUseCase: ListPartnershipsUseCase,
  ) {}

  @Query(() => PartnershipConnectionModel, {
    description: 'An organization’s partnerships (either side), newest first; for its members.',
  })
  async partnerships(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('filter', { type: () => PartnershipFilter, nullable: true }) filter: PartnershipFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PartnershipConnectionModel> {
    const page = pageRequest(first, after);
    const { rows, total } = await this.listPartnershipsUseCase.execute(
      principal,
      { organizationId, state: filter?.state ?? null, direction: filter?.direction ?? null },
      page,
    );
    return toConnection(
      rows,
      page,
      (row) => [row.createdAt.toISOString(), row.id],
      toPartnershipModel,
      total,
    );
  }

  @Query(() => PartnershipModel, { nullable: true, description: 'Visible to members of either party.' })
  async partnership(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<PartnershipModel | null> {
    const partnership = await partnershipById(this.dataSource.manager, id);
    if (!partnership || (await sideOf(this.authorizer, principal, partnership)) === 'NONE') return null;
    return toPartnershipModel(partnership);
  }

  @Mutation(() => PartnershipModel, {
    description: 'Either side proposes; one open proposal per need and institution.',
  })
  async proposePartnership(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ProposePartnershipInput,
  ): Promise<PartnershipModel> {
    return toPartnershipModel(
      await this.proposePartnershipUseCase.execute(principal, {
        ...input,
        needId: input.needId.toLowerCase(),
        institutionId: input.institutionId.toLowerCase(),
      }),
    );
  }

  @Mutation(() => PartnershipModel, {
    description: 'The side that did not propose accepts or declines, once.',
  })
  async respondToPartnership(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('accept', { type: () => Boolean }) accept: boolean,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<PartnershipModel> {
    if (message && message.length > 2000)
      throw MarketplaceErrors.of('INVALID_INPUT', 'message must be at most 2000 characters', {
        field: 'message',
      });
    return toPartnershipModel(await this.respondToPartnershipUseCase.execute(principal, id, accept, message));
  }

  @Mutation(() => PartnershipModel, { description: 'The proposing side takes back an unanswered proposal.' })
  async withdrawPartnership(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<PartnershipModel> {
    return toPartnershipModel(await this.withdrawPartnershipUseCase.execute(principal, id));
  }

  @ResolveField(() => SkillNeedModel)
  async need(
    @Parent() partnership: PartnershipModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<SkillNeedModel> {
    const need = await marketplaceLoaders(context.loaders, this.repository).need.load(partnership.needId);
    if (!need) throw MarketplaceErrors.of('NEED_NOT_FOUND', 'No such skill need.');
    return toSkillNeedModel(need);
  }
}
