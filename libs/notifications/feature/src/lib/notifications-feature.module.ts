import { type DynamicModule, Module } from '@nestjs/common';
import { QUEUE_PORT, type QueuePort } from '@lattice/shared-queue';
import {
  DeliveryRepository,
  DirectoryRepository,
  InboxRepository,
  PreferenceRepository,
  WebhookSubscriptionRepository,
} from '@lattice/notifications-data-access';
import { NotificationResolver } from './graphql/notification.resolver';
import { PreferencesResolver } from './graphql/preferences.resolver';
import { WebhookResolver } from './graphql/webhook.resolver';
import { InboxService } from './inbox/inbox.service';
import { PreferencesService } from './preferences/preferences.service';
import { WebhookSubscriptionsService } from './webhooks/webhook-subscriptions.service';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications-settings';
import { NotificationRouter } from './routing/notification-router';
import { DeliveryStore } from './delivery/delivery-store';
import { InAppDelivery } from './delivery/in-app.delivery';
import { DeliverySweep } from './delivery/delivery-sweep';
import { EmailDelivery } from './email/email.delivery';
import { Mailer } from './email/mailer';
import { WebhookDelivery } from './webhooks/webhook.delivery';
import { NotificationJobs } from './notification-jobs';

/** The notifications subgraph: inbox, preferences, webhook subscriptions. */
@Module({})
export class NotificationsFeatureModule {
  static forRoot(settings: NotificationsSettings): DynamicModule {
    return {
      module: NotificationsFeatureModule,
      providers: [
        { provide: NOTIFICATIONS_SETTINGS, useValue: settings },
        InboxRepository,
        PreferenceRepository,
        WebhookSubscriptionRepository,
        DeliveryRepository,
        InboxService,
        PreferencesService,
        WebhookSubscriptionsService,
        NotificationResolver,
        PreferencesResolver,
        WebhookResolver,
      ],
      exports: [InboxService],
    };
  }
}

/** The notifications jobs the worker runs: routing, in-app, e-mail, webhooks, digest, sweep. */
@Module({})
export class NotificationsJobsModule {
  static forRoot(options: {
    settings: NotificationsSettings;
    queue: QueuePort;
    mailer: Mailer;
  }): DynamicModule {
    return {
      module: NotificationsJobsModule,
      providers: [
        { provide: NOTIFICATIONS_SETTINGS, useValue: options.settings },
        { provide: QUEUE_PORT, useValue: options.queue },
        { provide: Mailer, useValue: options.mailer },
        DeliveryRepository,
        DirectoryRepository,
        InboxRepository,
        PreferenceRepository,
        WebhookSubscriptionRepository,
        NotificationRouter,
        DeliveryStore,
        InAppDelivery,
        EmailDelivery,
        WebhookDelivery,
        DeliverySweep,
        NotificationJobs,
      ],
      exports: [NotificationJobs],
    };
  }
}
