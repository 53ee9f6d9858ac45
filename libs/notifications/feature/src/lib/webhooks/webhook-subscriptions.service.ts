// Organizations' webhook subscriptions: created by an ADMIN or OWNER, the signing secret shown
// once and kept encrypted; the delivery log and dead letters readable by the same people.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDomainEventType } from '@lattice/shared-contracts';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import type { PageRequest } from '@lattice/shared-graphql';
import { SecretBox } from '@lattice/shared-util-config';
import { inTransaction } from '@lattice/shared-data-access';
import {
  DeliveryRepository,
  NOTIFICATIONS_SCHEMA,
  type WebhookDeliveryRow,
  WebhookSubscriptionRepository,
  type WebhookSubscriptionRow,
} from '@lattice/notifications-data-access';
import { NotificationErrors } from '../inbox/inbox.service';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications-settings';
import { checkWebhookUrl } from './webhook-url';
import { newWebhookSecret } from '@lattice/notifications-domain';

export type { WebhookDeliveryRow, WebhookSubscriptionRow } from '@lattice/notifications-data-access';

const MAX_EVENTS = 100;

@Injectable()
export class WebhookSubscriptionsService {
  private readonly box: SecretBox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveryLog: DeliveryRepository,
    private readonly authorizer: Authorizer,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    this.box = new SecretBox(settings.webhookSecretKey);
  }

  async create(
    principal: Principal,
    organizationId: string,
    url: string,
    events: readonly string[],
  ): Promise<WebhookSubscriptionRow & { secret: string }> {
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    const unique = [...new Set(events.map((e) => e.trim()))];
    if (unique.length === 0 || unique.length > MAX_EVENTS)
      throw NotificationErrors.of(
        'UNKNOWN_EVENT_TYPE',
        `Name between 1 and ${MAX_EVENTS} event types, or "*".`,
      );
    const unknown = unique.filter((type) => type !== '*' && !isDomainEventType(type));
    if (unknown.length > 0)
      throw NotificationErrors.of('UNKNOWN_EVENT_TYPE', `Unknown event type(s): ${unknown.join(', ')}.`, {
        events: unknown,
      });
    const verdict = await checkWebhookUrl(url, { production: this.settings.production });
    if (!verdict.ok)
      throw NotificationErrors.of(
        'INVALID_WEBHOOK_URL',
        `This webhook URL cannot be used: ${verdict.reason}.`,
      );
    const secret = newWebhookSecret();
    const created = await inTransaction(this.dataSource, NOTIFICATIONS_SCHEMA, async ({ manager, emit }) => {
      const inserted = await this.subscriptions.create(manager, {
        organizationId,
        url: verdict.url.toString(),
        events: unique,
        secretCiphertext: this.box.seal(secret),
        createdBy: principal.userId,
      });
      // For the organization's audit log (identity, ADR 0015): the URL's origin only — a path or query may hold a secret.
      emit({
        type: 'notifications.webhook.changed',
        actorId: principal.userId,
        payload: {
          subscriptionId: inserted.id,
          organizationId,
          change: 'CREATED',
          urlOrigin: verdict.url.origin,
          events: unique,
        },
      });
      return inserted;
    });
    return { ...created, secret };
  }

  async list(principal: Principal, organizationId: string): Promise<WebhookSubscriptionRow[]> {
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    return this.subscriptions.activeOf(organizationId);
  }

  async remove(principal: Principal, id: string): Promise<boolean> {
    const subscription = await this.authorized(principal, id);
    await inTransaction(this.dataSource, NOTIFICATIONS_SCHEMA, async ({ manager, emit }) => {
      const row = await this.subscriptions.deactivate(manager, subscription.id, subscription.organization_id);
      if (!row) return;
      emit({
        type: 'notifications.webhook.changed',
        actorId: principal.userId,
        payload: {
          subscriptionId: row.id,
          organizationId: subscription.organization_id,
          change: 'DELETED',
          urlOrigin: new URL(row.url).origin,
          events: row.events,
        },
      });
    });
    return true;
  }

  /** The subscription's deliveries, newest first; `deadOnly` lists the dead letters. */
  async deliveries(
    principal: Principal,
    subscriptionId: string,
    page: PageRequest,
    deadOnly: boolean,
  ): Promise<WebhookDeliveryRow[]> {
    const subscription = await this.authorized(principal, subscriptionId);
    return this.deliveryLog.webhookDeliveries(subscription.id, page, deadOnly);
  }

  /** The subscription, if the caller administers its organization; NOT_FOUND otherwise (no probing). */
  private async authorized(principal: Principal, id: string): Promise<WebhookSubscriptionRow> {
    const subscription = await this.subscriptions.byId(id);
    if (!subscription) throw NotificationErrors.of('SUBSCRIPTION_NOT_FOUND', 'No such webhook subscription.');
    try {
      await this.authorizer.requireRole(principal, subscription.organization_id, 'ADMIN');
    } catch {
      throw NotificationErrors.of('SUBSCRIPTION_NOT_FOUND', 'No such webhook subscription.');
    }
    return subscription;
  }
}
