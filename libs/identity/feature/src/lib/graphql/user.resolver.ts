import { UseGuards } from '@nestjs/common';
import { Context, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { AuthGuard, CurrentPrincipal, OptionalPrincipal, type Principal } from '@lattice/shared-auth';
import type { GraphQLRequestContext } from '@lattice/shared-graphql';
import { IdentityRepository } from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';
import { identityLoaders } from './identity.loaders';
import { MembershipModel, toUserModel, UserModel } from './identity.models';
import { type RoleEnum } from '@lattice/shared-graphql';

@Resolver(() => UserModel)
@UseGuards(AuthGuard)
export class UserResolver {
  constructor(private readonly repository: IdentityRepository) {}

  @Query(() => UserModel, { description: 'The logged-in user, with their memberships.' })
  async me(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphQLRequestContext,
  ): Promise<UserModel> {
    const user = await identityLoaders(context.loaders, this.repository).user.load(principal.userId);
    if (!user) throw IdentityErrors.of('USER_NOT_FOUND', 'Your account no longer exists.');
    return toUserModel(user);
  }

  @ResolveField(() => [MembershipModel], { description: "Only a user's own memberships are shown." })
  async memberships(
    @Parent() user: UserModel,
    @OptionalPrincipal() principal: Principal | null,
    @Context() context: GraphQLRequestContext,
  ): Promise<MembershipModel[]> {
    if (principal?.userId !== user.id) return [];
    const rows = await identityLoaders(context.loaders, this.repository).membershipsOfUser.load(user.id);
    return rows.map((row) => ({
      role: row.role as RoleEnum,
      joinedAt: row.joinedAt,
      organizationId: row.organizationId,
      userId: user.id,
      memberOrganizationId: null,
    }));
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: GraphQLRequestContext,
  ): Promise<UserModel | null> {
    const user = await identityLoaders(context.loaders, this.repository).user.load(reference.id);
    return user ? toUserModel(user) : null;
  }
}
