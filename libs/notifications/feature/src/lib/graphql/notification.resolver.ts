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
import { Connection, GraphQLJSON, pageRequest, ParseIdPipe, toConnection } from '@lattice/shared-graphql';
import { InboxService, type InboxRow } from '../inbox/inbox.service';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field({ description: 'The event type, e.g. partnership.proposed.' }) type: string;
  @Field({
    description: 'In the recipient’s language when it was delivered; code and params say the same as data.',
  })
  title: string;
  @Field({
    description: 'In the recipient’s language when it was delivered; code and params say the same as data.',
  })
  body: string;
  @Field(() => String, {
    nullable: true,
    description:
      'What title and body say, as a code: the event type in capitals (MARKETPLACE_PARTNERSHIP_PROPOSED), then a variant’s name when some recipients get other words (CREDENTIALS_DESIGN_REVIEW_REQUESTED_ISSUER); null for notifications delivered before codes.',
  })
  code: string | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'The parameters of code: the payload fields the text uses (needTitle, title, version, reviewDueAt, credentialTitle, role, message, …) and organization names (proposer, acting, issuer, reviewer, endorser, organization, umbrella).',
  })
  params: Record<string, unknown> | null;
  @Field() read: boolean;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => String, { nullable: true }) link: string | null;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionModel extends Connection(NotificationModel, 'Notification') {}

const toModel = (row: InboxRow): NotificationModel => ({
  id: row.id,
  type: row.type,
  title: row.title,
  body: row.body,
  read: row.read_at !== null,
  createdAt: row.created_at,
  link: row.link,
  code: row.code,
  params: row.params,
});

@Resolver(() => NotificationModel)
@UseGuards(AuthGuard)
export class NotificationResolver {
  constructor(private readonly inbox: InboxService) {}

  @Query(() => NotificationConnectionModel, { description: 'Your inbox, newest first.' })
  async notifications(
    @CurrentPrincipal() principal: Principal,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly: boolean | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<NotificationConnectionModel> {
    const page = pageRequest(first, after);
    const rows = await this.inbox.list(principal.userId, unreadOnly ?? false, page);
    return toConnection(rows, page, (row) => [row.cursor_at, row.id], toModel);
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentPrincipal() principal: Principal): Promise<number> {
    return this.inbox.unreadCount(principal.userId);
  }

  @Mutation(() => Int, { description: 'Marks your notifications read; returns how many changed.' })
  markNotificationsRead(
    @CurrentPrincipal() principal: Principal,
    @Args('ids', { type: () => [ID] }, ParseIdPipe) ids: string[],
  ): Promise<number> {
    return this.inbox.markRead(principal.userId, ids);
  }
}
