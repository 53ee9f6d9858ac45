// Identity's GraphQL types. They are not the ORM entities: mappers copy the fields a client may see.
import { Directive, Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, OrgKindEnum, OrgSizeEnum, RoleEnum } from '@lattice/shared-graphql';
import type {
  InvitationEntity,
  OrganizationEntity,
  UmbrellaJoinRequestEntity,
  UserEntity,
} from '@lattice/identity-data-access';

export enum MembershipStatusEnum {
  ACTIVE = 'ACTIVE',
  PENDING = 'PENDING',
}
registerEnumType(MembershipStatusEnum, {
  name: 'MembershipStatus',
  description:
    'ACTIVE: a member. PENDING: an umbrella membership asked for and not yet accepted by the umbrella’s admins.',
});

export enum UmbrellaJoinRequestStateEnum {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(UmbrellaJoinRequestStateEnum, { name: 'UmbrellaJoinRequestState' });

@ObjectType('UmbrellaJoinRequest', {
  description:
    'An organization asking to join an umbrella; the umbrella’s owners and admins accept or decline it.',
})
export class UmbrellaJoinRequestModel {
  @Field(() => ID) id: string;
  @Field(() => UmbrellaJoinRequestStateEnum) state: UmbrellaJoinRequestStateEnum;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  umbrellaId: string;
  organizationId: string;
}

export function toUmbrellaJoinRequestModel(request: UmbrellaJoinRequestEntity): UmbrellaJoinRequestModel {
  return {
    id: request.id,
    state: request.state as UmbrellaJoinRequestStateEnum,
    requestedAt: request.createdAt,
    decidedAt: request.decidedAt,
    umbrellaId: request.umbrellaId,
    organizationId: request.organizationId,
  };
}

@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field({ description: 'en or fr' }) locale: string;
  @Field(() => Boolean, {
    description:
      'Whether the user proved they read mail at this address (the link in the verification e-mail).',
  })
  emailVerified: boolean;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrgKindEnum) kind: OrgKindEnum;
  @Field(() => OrgSizeEnum) size: OrgSizeEnum;
  @Field(() => String, { nullable: true, description: 'A region code such as ON-Toronto.' }) region:
    string | null;
  @Field(() => String, { nullable: true, description: 'NAICS code, for employers.' }) sector: string | null;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field({ description: 'An operator has confirmed the organization is who it says it is.' })
  verified: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) verifiedAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('Membership', {
  description: "A person's place in an organization, or an organization's place in an umbrella.",
})
export class MembershipModel {
  @Field(() => RoleEnum) role: RoleEnum;
  @Field(() => GraphQLISODateTime, {
    description: 'When it began; for a pending umbrella membership, when it was asked for.',
  })
  joinedAt: Date;
  /** Resolved by MembershipResolver.status (ACTIVE unless set). */
  status?: MembershipStatusEnum;
  @Field(() => UmbrellaJoinRequestModel, {
    nullable: true,
    description: 'The request behind an umbrella membership asked for with joinUmbrella.',
  })
  joinRequest?: UmbrellaJoinRequestModel | null;
  organizationId: string;
  userId: string | null;
  memberOrganizationId: string | null;
}

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => RoleEnum) role: RoleEnum;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Only in the response that created the invitation.' })
  token: string | null;
  @Field(() => String, { nullable: true, description: 'Only in the response that created the invitation.' })
  acceptUrl: string | null;
  organizationId: string;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() token: string;
  @Field(() => String, {
    nullable: true,
    description:
      'A refresh token (log-in, sign-up, password change, refresh by refresh token): exchange it with refreshToken(refreshToken:) for a new pair. Each is good once; a reused one ends its whole family.',
  })
  refreshToken?: string | null;
  @Field(() => UserModel) user: UserModel;
}

@ObjectType('OrganizationConnection')
export class OrganizationConnectionModel extends Connection(OrganizationModel, 'Organization') {}

export function toUserModel(user: UserEntity): UserModel {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    emailVerified: user.emailVerifiedAt instanceof Date,
    createdAt: user.createdAt,
  };
}

export function toOrganizationModel(organization: OrganizationEntity): OrganizationModel {
  return {
    id: organization.id,
    name: organization.name,
    kind: organization.kind as OrgKindEnum,
    size: organization.size as OrgSizeEnum,
    region: organization.region,
    sector: organization.sector,
    website: organization.website,
    verified: organization.verified,
    verifiedAt: organization.verifiedAt,
    createdAt: organization.createdAt,
  };
}

export function toInvitationModel(
  invitation: InvitationEntity,
  secret?: { token: string; acceptUrl: string },
): InvitationModel {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role as RoleEnum,
    expiresAt: invitation.expiresAt,
    acceptedAt: invitation.acceptedAt,
    token: secret?.token ?? null,
    acceptUrl: secret?.acceptUrl ?? null,
    organizationId: invitation.organizationId,
  };
}
