// Organization governance: members' roles, removals and leaving; the audit log (issue 12).
import { UseGuards } from '@nestjs/common';
import {
  Args,
  Field,
  GraphQLISODateTime,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import {
  Connection,
  GraphQLJSON,
  pageRequest,
  ParseIdPipe,
  RoleEnum,
  toConnection,
} from '@lattice/shared-graphql';
import type { ApiKeyEntity, AuditActorKind, AuditLogEntity } from '@lattice/identity-data-access';
import { API_KEY_PREFIX, ApiKeysUseCase, requireHuman } from '../api-keys/api-keys.use-case';
import { ManageMembersUseCase } from '../manage-members/manage-members.use-case';
import { ReadAuditLogUseCase } from '../audit-log/read-audit-log.use-case';
import { IdentityErrors } from '../shared/identity.errors';
import { MembershipModel } from './identity.models';

@ObjectType('AuditEntry', {
  description: 'One security-relevant action in an organization; the log is append-only.',
})
export class AuditEntryModel {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) occurredAt: Date;
  @Field({
    description: 'e.g. member.role_changed, api_key.created, credentials.award.revoked, webhook.created',
  })
  action: string;
  @Field({ description: 'USER, API_KEY or SYSTEM' }) actorKind: string;
  @Field(() => ID, { nullable: true, description: 'The person or the API key that acted.' }) actorId:
    string | null;
  @Field(() => String, { nullable: true }) targetType: string | null;
  @Field(() => String, { nullable: true }) targetId: string | null;
  @Field(() => GraphQLJSON) details: unknown;
  @Field({ description: 'The service where it happened.' }) source: string;
  @Field(() => String, {
    nullable: true,
    description: 'The request id (x-request-id), to find it in the logs.',
  })
  requestId: string | null;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnectionModel extends Connection(AuditEntryModel, 'AuditEntry') {}

const toAuditEntry = (row: AuditLogEntity): AuditEntryModel => ({
  id: row.id,
  occurredAt: row.occurredAt,
  action: row.action,
  actorKind: row.actorKind,
  actorId: row.actorId,
  targetType: row.targetType,
  targetId: row.targetId,
  details: row.details,
  source: row.source,
  requestId: row.requestId,
});

@Resolver()
@UseGuards(AuthGuard)
export class GovernanceResolver {
  constructor(
    private readonly members: ManageMembersUseCase,
    private readonly auditLogUseCase: ReadAuditLogUseCase,
  ) {}

  @Mutation(() => MembershipModel, {
    description:
      'Owners and admins change a member’s role; only an owner grants OWNER or changes an owner’s role; the last owner is never demoted. The person’s older access tokens stop working.',
  })
  async changeMemberRole(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('userId', { type: () => ID }, ParseIdPipe) userId: string,
    @Args('role', { type: () => RoleEnum }) role: RoleEnum,
  ): Promise<MembershipModel> {
    requireHuman(principal);
    const membership = await this.members.changeRole(principal, organizationId, userId, role);
    return {
      role: membership.role as RoleEnum,
      joinedAt: membership.createdAt,
      organizationId,
      userId,
      memberOrganizationId: null,
    };
  }

  @Mutation(() => Boolean, {
    description:
      'Owners and admins remove a member (an owner only by an owner; never the last owner). Their access tokens stop working for it at once.',
  })
  async removeMember(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('userId', { type: () => ID }, ParseIdPipe) userId: string,
  ): Promise<boolean> {
    requireHuman(principal);
    await this.members.remove(principal, organizationId, userId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'The caller leaves the organization; the last owner cannot.' })
  async leaveOrganization(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<boolean> {
    requireHuman(principal);
    await this.members.leave(principal, organizationId);
    return true;
  }

  @Query(() => AuditEntryConnectionModel, {
    description: 'The organization’s audit log, newest first; its owners and admins, and operators.',
  })
  async auditLog(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('action', {
      type: () => String,
      nullable: true,
      description: 'Only this action, e.g. member.role_changed.',
    })
    action: string | null,
    @Args('actorKind', {
      type: () => String,
      nullable: true,
      description: 'Only entries whose actor is of this kind: USER, API_KEY or SYSTEM.',
    })
    actorKind: string | null,
  ): Promise<AuditEntryConnectionModel> {
    const page = pageRequest(first, after);
    const beforeSeq = page.after ? String(page.after[0]) : null;
    if (beforeSeq !== null && !/^\d{1,19}$/.test(beforeSeq))
      throw IdentityErrors.of('INVALID_INPUT', 'after is not a cursor of this list.', { field: 'after' });
    const rows = await this.auditLogUseCase.page(principal, organizationId, page.limit + 1, beforeSeq, {
      action,
      actorKind: actorKind as AuditActorKind | null,
    });
    return toConnection(rows, page, (r) => [r.seq, r.id], toAuditEntry);
  }

  @Query(() => String, {
    description:
      'The newest 10 000 entries of the audit log as CSV (RFC 4180; cells that would start a formula are prefixed with an apostrophe), with the same filters as auditLog.',
  })
  async auditLogCsv(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('action', { type: () => String, nullable: true }) action: string | null,
    @Args('actorKind', { type: () => String, nullable: true }) actorKind: string | null,
  ): Promise<string> {
    return this.auditLogUseCase.csv(principal, organizationId, {
      action,
      actorKind: actorKind as AuditActorKind | null,
    });
  }
}

@ObjectType('ApiKey', {
  description: 'An organization’s key for an integrator. The secret is shown once, when it is created.',
})
export class ApiKeyModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => RoleEnum) role: RoleEnum;
  @Field({ description: 'The visible start of the key, e.g. lat_k3x9…: tells keys apart in lists and logs.' })
  prefix: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => ID, { description: 'The person who created it.' }) createdBy: string;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Last use, to the minute.' })
  lastUsedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyModel {
  @Field(() => ApiKeyModel) apiKey: ApiKeyModel;
  @Field({ description: 'The whole key (lat_…), shown only here: send it as Authorization: Bearer <key>.' })
  secret: string;
}

const toApiKey = (row: ApiKeyEntity): ApiKeyModel => ({
  id: row.id,
  name: row.name,
  role: row.role as RoleEnum,
  prefix: `${API_KEY_PREFIX}${row.publicId}`,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
});

@Resolver()
@UseGuards(AuthGuard)
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeysUseCase) {}

  @Mutation(() => CreatedApiKeyModel, {
    description:
      'Owners and admins create a key (role MEMBER or ADMIN; expires in 90 days unless expiresAt says otherwise, at most 366).',
  })
  async createApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('name') name: string,
    @Args('role', { type: () => RoleEnum }) role: RoleEnum,
    @Args('expiresAt', { type: () => GraphQLISODateTime, nullable: true }) expiresAt: Date | null,
  ): Promise<CreatedApiKeyModel> {
    const created = await this.keys.create(principal, organizationId, name, role, expiresAt ?? null);
    return { apiKey: toApiKey(created.apiKey), secret: created.secret };
  }

  @Query(() => [ApiKeyModel], {
    description: 'The organization’s keys, newest first (never their secrets); owners and admins.',
  })
  async apiKeys(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<ApiKeyModel[]> {
    return (await this.keys.list(principal, organizationId)).map(toApiKey);
  }

  @Mutation(() => ApiKeyModel, {
    description: 'Owners and admins revoke a key; tokens already issued for it stop working at once.',
  })
  async revokeApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<ApiKeyModel> {
    return toApiKey(await this.keys.revoke(principal, id));
  }
}
