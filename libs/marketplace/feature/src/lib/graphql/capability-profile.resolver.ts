import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { type GraphQLRequestContext, ParseIdPipe } from '@lattice/shared-graphql';
import { capabilityProfileOf, MarketplaceRepository } from '@lattice/marketplace-data-access';
import { UpsertCapabilityProfileUseCase } from '../upsert-capability-profile/upsert-capability-profile.use-case';
import { marketplaceLoaders, withSkills } from './marketplace.loaders';
import { CapabilityProfileInput } from './marketplace.inputs';
import {
  CapabilityProfileModel,
  OrganizationRef,
  ProfileSkillModel,
  toCapabilityProfileModel,
  toSkillModel,
} from './marketplace.models';

@Resolver(() => CapabilityProfileModel)
@UseGuards(AuthGuard)
export class CapabilityProfileResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MarketplaceRepository,
    private readonly upsertCapabilityProfileUseCase: UpsertCapabilityProfileUseCase,
  ) {}

  @Mutation(() => CapabilityProfileModel, {
    description:
      'Owners and admins of an institution publish what it can teach; replaces the previous profile.',
  })
  async upsertCapabilityProfile(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CapabilityProfileInput,
  ): Promise<CapabilityProfileModel> {
    return toCapabilityProfileModel(await this.upsertCapabilityProfileUseCase.execute(principal, input));
  }

  @Query(() => CapabilityProfileModel, { nullable: true })
  async capabilityProfile(
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<CapabilityProfileModel | null> {
    const profile = await capabilityProfileOf(this.dataSource.manager, organizationId);
    return profile ? toCapabilityProfileModel(profile) : null;
  }

  @ResolveField(() => OrganizationRef, { description: 'The institution.' })
  organization(@Parent() profile: CapabilityProfileModel): OrganizationRef {
    return { id: profile.organizationId };
  }

  @ResolveField(() => [ProfileSkillModel])
  async skills(
    @Parent() profile: CapabilityProfileModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<ProfileSkillModel[]> {
    const loaders = marketplaceLoaders(context.loaders, this.repository);
    return (await withSkills(loaders, await loaders.profileSkills.load(profile.organizationId))).map(
      ({ skill, level }) => ({ skill: toSkillModel(skill), level }),
    );
  }
}
