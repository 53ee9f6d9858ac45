import { UseGuards } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { Authorizer, AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import {
  type GraphQLRequestContext,
  pageRequest,
  ParseIdPipe,
  RoleEnum,
  toConnection,
} from '@lattice/shared-graphql';
import { IdentityRepository } from '@lattice/identity-data-access';
import { AcceptInvitationUseCase } from '../accept-invitation/accept-invitation.use-case';
import { CreateOrganizationUseCase } from '../create-organization/create-organization.use-case';
import { InviteMemberUseCase } from '../invite-member/invite-member.use-case';
import { JoinUmbrellaUseCase } from '../join-umbrella/join-umbrella.use-case';
import { ListOrganizationsUseCase } from '../list-organizations/list-organizations.use-case';
import { VerifyOrganizationUseCase } from '../verify-organization/verify-organization.use-case';
import { IdentityErrors } from '../shared/identity.errors';
import { identityLoaders } from './identity.loaders';
import { CreateOrganizationInput, OrganizationFilter } from './identity.inputs';
import {
  InvitationModel,
  MembershipModel,
  MembershipStatusEnum,
  toUmbrellaJoinRequestModel,
  UmbrellaJoinRequestModel,
  OrganizationConnectionModel,
  OrganizationModel,
  toInvitationModel,
  toOrganizationModel,
  toUserModel,
  UserModel,
} from './identity.models';
import { requireHuman } from '../api-keys/api-keys.use-case';

@Resolver(() => OrganizationModel)
@UseGuards(AuthGuard)
export class OrganizationResolver {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly authorizer: Authorizer,
    private readonly createOrganizationUseCase: CreateOrganizationUseCase,
    private readonly listOrganizationsUseCase: ListOrganizationsUseCase,
    private readonly inviteMemberUseCase: InviteMemberUseCase,
    private readonly acceptInvitationUseCase: AcceptInvitationUseCase,
    private readonly joinUmbrellaUseCase: JoinUmbrellaUseCase,
    private readonly verifyOrganizationUseCase: VerifyOrganizationUseCase,
  ) {}

  @Query(() => OrganizationModel, { nullable: true })
  async organization(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationModel | null> {
    const organization = await identityLoaders(context.loaders, this.repository).organization.load(id);
    return organization ? toOrganizationModel(organization) : null;
  }

  @Query(() => OrganizationConnectionModel, { description: 'The directory of organizations, alphabetical.' })
  async organizations(
    @Args('filter', { type: () => OrganizationFilter, nullable: true }) filter: OrganizationFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<OrganizationConnectionModel> {
    const page = pageRequest(first, after);
    const { rows, total } = await this.listOrganizationsUseCase.execute(filter ?? {}, page);
    return toConnection(rows, page, (o) => [o.name, o.id], toOrganizationModel, total);
  }

  @Mutation(() => OrganizationModel, { description: 'The creator becomes its OWNER.' })
  async createOrganization(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<OrganizationModel> {
    requireHuman(principal);
    return toOrganizationModel(await this.createOrganizationUseCase.execute(principal, input));
  }

  @Mutation(() => OrganizationModel, { description: 'Operators only.' })
  async verifyOrganization(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('verified', { type: () => Boolean, defaultValue: true }) verified: boolean,
  ): Promise<OrganizationModel> {
    requireHuman(principal);
    return toOrganizationModel(await this.verifyOrganizationUseCase.execute(principal, id, verified));
  }

  @Mutation(() => InvitationModel, {
    description: 'Owners and admins invite by e-mail; the token is shown once.',
  })
  async inviteMember(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('email') email: string,
    @Args('role', { type: () => RoleEnum }) role: RoleEnum,
  ): Promise<InvitationModel> {
    requireHuman(principal);
    assertEmail(email);
    const issued = await this.inviteMemberUseCase.execute(principal, organizationId, email, role);
    return toInvitationModel(issued.invitation, { token: issued.token, acceptUrl: issued.acceptUrl });
  }

  @Mutation(() => MembershipModel)
  async acceptInvitation(
    @CurrentPrincipal() principal: Principal,
    @Args('token') token: string,
  ): Promise<MembershipModel> {
    requireHuman(principal);
    if (token.length < 20 || token.length > 200)
      throw IdentityErrors.of('INVITATION_NOT_FOUND', 'This invitation link is not valid.');
    const membership = await this.acceptInvitationUseCase.execute(principal, token);
    return {
      role: membership.role as RoleEnum,
      joinedAt: membership.createdAt ?? new Date(),
      organizationId: membership.organizationId,
      userId: membership.userId,
      memberOrganizationId: null,
    };
  }

  @Mutation(() => MembershipModel, {
    description:
      "Asks for an organization to become a member of an umbrella (its admins only): the answer is a PENDING membership whose organization is the umbrella; the umbrella's owners and admins are notified and accept or decline it with respondToUmbrellaJoinRequest. Nothing is shared until then.",
  })
  async joinUmbrella(
    @CurrentPrincipal() principal: Principal,
    @Args('umbrellaId', { type: () => ID }, ParseIdPipe) umbrellaId: string,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<MembershipModel> {
    const request = await this.joinUmbrellaUseCase.execute(principal, umbrellaId, organizationId);
    return {
      role: RoleEnum.MEMBER,
      joinedAt: request.createdAt,
      status: MembershipStatusEnum.PENDING,
      joinRequest: toUmbrellaJoinRequestModel(request),
      organizationId: request.umbrellaId,
      userId: null,
      memberOrganizationId: request.organizationId,
    };
  }

  @Mutation(() => UmbrellaJoinRequestModel, {
    description:
      "The umbrella's owners and admins accept (the organization becomes a member) or decline a pending request to join.",
  })
  async respondToUmbrellaJoinRequest(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('accept', { type: () => Boolean }) accept: boolean,
  ): Promise<UmbrellaJoinRequestModel> {
    return toUmbrellaJoinRequestModel(await this.joinUmbrellaUseCase.respond(principal, id, accept));
  }

  @Mutation(() => Boolean, {
    description:
      "An umbrella's owners and admins remove a member organization; adoptions it made stay, new ones through the umbrella are refused.",
  })
  async removeUmbrellaMember(
    @CurrentPrincipal() principal: Principal,
    @Args('umbrellaId', { type: () => ID }, ParseIdPipe) umbrellaId: string,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<boolean> {
    await this.joinUmbrellaUseCase.remove(principal, umbrellaId, organizationId);
    return true;
  }

  @ResolveField(() => [UmbrellaJoinRequestModel], {
    description:
      "Pending requests to join this umbrella, newest first; visible to the umbrella's owners and admins.",
  })
  async umbrellaJoinRequests(
    @Parent() organization: OrganizationModel,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UmbrellaJoinRequestModel[]> {
    return (await this.joinUmbrellaUseCase.pendingFor(principal, organization.id)).map(
      toUmbrellaJoinRequestModel,
    );
  }

  @ResolveField(() => [MembershipModel], {
    description: 'People in the organization; visible to its members.',
  })
  async members(
    @Parent() organization: OrganizationModel,
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphQLRequestContext,
  ): Promise<MembershipModel[]> {
    if (!(await this.authorizer.isMember(principal, organization.id))) return [];
    const rows = await identityLoaders(context.loaders, this.repository).membersOfOrganization.load(
      organization.id,
    );
    return rows.map((m) => ({
      role: m.role as RoleEnum,
      joinedAt: m.createdAt,
      organizationId: m.organizationId,
      userId: m.userId,
      memberOrganizationId: null,
    }));
  }

  @ResolveField(() => [InvitationModel], {
    description: 'Pending invitations; visible to owners and admins.',
  })
  async invitations(
    @Parent() organization: OrganizationModel,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InvitationModel[]> {
    try {
      return (await this.inviteMemberUseCase.pending(principal, organization.id)).map((i) =>
        toInvitationModel(i),
      );
    } catch {
      return [];
    }
  }

  @ResolveField(() => [OrganizationModel], { description: 'Umbrella organizations this one belongs to.' })
  async umbrellas(
    @Parent() organization: OrganizationModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationModel[]> {
    const loaders = identityLoaders(context.loaders, this.repository);
    const links = await loaders.umbrellasOf.load(organization.id);
    const rows = await loaders.organization.loadMany(links.map((l) => l.umbrellaId));
    return rows.flatMap((row) => (row && !(row instanceof Error) ? [toOrganizationModel(row)] : []));
  }

  @ResolveField(() => [OrganizationModel], { description: "An umbrella's member organizations." })
  async memberOrganizations(
    @Parent() organization: OrganizationModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationModel[]> {
    const loaders = identityLoaders(context.loaders, this.repository);
    const links = await loaders.membersOfUmbrella.load(organization.id);
    const rows = await loaders.organization.loadMany(links.map((l) => l.organizationId));
    return rows.flatMap((row) => (row && !(row instanceof Error) ? [toOrganizationModel(row)] : []));
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationModel | null> {
    const organization = await identityLoaders(context.loaders, this.repository).organization.load(
      reference.id,
    );
    return organization ? toOrganizationModel(organization) : null;
  }
}

@Resolver(() => MembershipModel)
@UseGuards(AuthGuard)
export class MembershipResolver {
  constructor(private readonly repository: IdentityRepository) {}

  @ResolveField(() => MembershipStatusEnum, {
    description: 'PENDING while an umbrella has not accepted the request to join; otherwise ACTIVE.',
  })
  status(@Parent() membership: MembershipModel): MembershipStatusEnum {
    return membership.status ?? MembershipStatusEnum.ACTIVE;
  }

  @ResolveField(() => OrganizationModel)
  async organization(
    @Parent() membership: MembershipModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationModel> {
    const organization = await identityLoaders(context.loaders, this.repository).organization.load(
      membership.organizationId,
    );
    if (!organization) throw IdentityErrors.of('ORGANIZATION_NOT_FOUND', 'No such organization.');
    return toOrganizationModel(organization);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'The person, for a person’s membership.' })
  async user(
    @Parent() membership: MembershipModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<UserModel | null> {
    if (!membership.userId) return null;
    const user = await identityLoaders(context.loaders, this.repository).user.load(membership.userId);
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description: 'The member organization, for an umbrella membership.',
  })
  async memberOrganization(
    @Parent() membership: MembershipModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationModel | null> {
    if (!membership.memberOrganizationId) return null;
    const organization = await identityLoaders(context.loaders, this.repository).organization.load(
      membership.memberOrganizationId,
    );
    return organization ? toOrganizationModel(organization) : null;
  }
}

@Resolver(() => UmbrellaJoinRequestModel)
@UseGuards(AuthGuard)
export class UmbrellaJoinRequestResolver {
  constructor(private readonly repository: IdentityRepository) {}

  @ResolveField(() => OrganizationModel, { description: 'The umbrella asked to.' })
  async umbrella(
    @Parent() request: UmbrellaJoinRequestModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationModel> {
    return this.load(request.umbrellaId, context);
  }

  @ResolveField(() => OrganizationModel, { description: 'The organization asking to join.' })
  async organization(
    @Parent() request: UmbrellaJoinRequestModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationModel> {
    return this.load(request.organizationId, context);
  }

  private async load(id: string, context: GraphQLRequestContext): Promise<OrganizationModel> {
    const organization = await identityLoaders(context.loaders, this.repository).organization.load(id);
    if (!organization) throw IdentityErrors.of('ORGANIZATION_NOT_FOUND', 'No such organization.');
    return toOrganizationModel(organization);
  }
}

@Resolver(() => InvitationModel)
@UseGuards(AuthGuard)
export class InvitationResolver {
  constructor(private readonly repository: IdentityRepository) {}

  @ResolveField(() => OrganizationModel)
  async organization(
    @Parent() invitation: InvitationModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationModel> {
    const organization = await identityLoaders(context.loaders, this.repository).organization.load(
      invitation.organizationId,
    );
    if (!organization) throw IdentityErrors.of('ORGANIZATION_NOT_FOUND', 'No such organization.');
    return toOrganizationModel(organization);
  }
}

function assertEmail(email: string): void {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw IdentityErrors.of('INVALID_INPUT', 'email must be an e-mail address', { field: 'email' });
  }
}
