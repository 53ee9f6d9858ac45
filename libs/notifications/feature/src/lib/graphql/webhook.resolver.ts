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
import { Connection, pageRequest, ParseIdPipe, toConnection } from '@lattice/shared-graphql';
import {
  WebhookSubscriptionsService,
  type WebhookDeliveryRow,
  type WebhookSubscriptionRow,
} from '../webhooks/webhook-subscriptions.service';

@ObjectType('WebhookSubscription')
export class WebhookSubscriptionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field() url: string;
  @Field(() => [String]) events: string[];
  @Field(() => String, {
    nullable: true,
    description: 'The signing secret: only in the createWebhookSubscription response, never again.',
  })
  secret: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryModel {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field() eventType: string;
  @Field({ description: 'PENDING, SENDING, SENT, SKIPPED or DEAD (retries exhausted).' }) status: string;
  @Field(() => Int) attempts: number;
  @Field(() => Int, { nullable: true }) lastStatusCode: number | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) deliveredAt: Date | null;
}

@ObjectType('WebhookDeliveryConnection')
export class WebhookDeliveryConnectionModel extends Connection(WebhookDeliveryModel, 'WebhookDelivery') {}

const toSubscription = (
  row: WebhookSubscriptionRow,
  secret: string | null = null,
): WebhookSubscriptionModel => ({
  id: row.id,
  organizationId: row.organization_id,
  url: row.url,
  events: row.events,
  secret,
  createdAt: row.created_at,
});

const toDelivery = (row: WebhookDeliveryRow): WebhookDeliveryModel => ({
  id: row.id,
  eventId: row.event_id,
  eventType: row.event_type,
  status: row.status,
  attempts: row.attempts,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deliveredAt: row.sent_at,
});

@Resolver(() => WebhookSubscriptionModel)
@UseGuards(AuthGuard)
export class WebhookResolver {
  constructor(private readonly webhooks: WebhookSubscriptionsService) {}

  @Mutation(() => WebhookSubscriptionModel, {
    description: 'Organization ADMIN or OWNER. Returns the signing secret once.',
  })
  async createWebhookSubscription(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('url') url: string,
    @Args('events', { type: () => [String] }) events: string[],
  ): Promise<WebhookSubscriptionModel> {
    const created = await this.webhooks.create(principal, organizationId, url, events);
    return toSubscription(created, created.secret);
  }

  @Mutation(() => Boolean, { description: 'Stops deliveries to this subscription.' })
  deleteWebhookSubscription(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<boolean> {
    return this.webhooks.remove(principal, id);
  }

  @Query(() => [WebhookSubscriptionModel], {
    description: "An organization's active webhook subscriptions (ADMIN or OWNER).",
  })
  async webhookSubscriptions(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<WebhookSubscriptionModel[]> {
    return (await this.webhooks.list(principal, organizationId)).map((row) => toSubscription(row));
  }

  @Query(() => WebhookDeliveryConnectionModel, {
    description: "A subscription's delivery log, newest first; deadOnly lists the dead letters.",
  })
  async webhookDeliveries(
    @CurrentPrincipal() principal: Principal,
    @Args('subscriptionId', { type: () => ID }, ParseIdPipe) subscriptionId: string,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('deadOnly', { type: () => Boolean, nullable: true }) deadOnly: boolean | null,
  ): Promise<WebhookDeliveryConnectionModel> {
    const page = pageRequest(first, after);
    const rows = await this.webhooks.deliveries(principal, subscriptionId, page, deadOnly ?? false);
    return toConnection(rows, page, (row) => [row.cursor_at, row.id], toDelivery);
  }
}
