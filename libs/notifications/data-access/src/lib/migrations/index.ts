import { NotificationsInitial1764300000100 } from './1764300000100-notifications-initial';
import { NotificationsDeliveries1764300000200 } from './1764300000200-notifications-deliveries';
import { NotificationsOutboxRepublish1764400000000 } from './1764400000000-notifications-outbox-republish';
import { NotificationsDeliveryVariant1764500000000 } from './1764500000000-notifications-delivery-variant';
import { NotificationsDirectoryEmailVerified1765000000000 } from './1765000000000-notifications-directory-email-verified';
import { NotificationsOutboxMetadata1765200000000 } from './1765200000000-notifications-outbox-metadata';
import { NotificationsInboxCodeParams1767700000000 } from './1767700000000-notifications-inbox-code-params';
import { NotificationsOrganizationDirectory1768000000100 } from './1768000000100-notifications-organization-directory';

export const NOTIFICATIONS_MIGRATIONS = [
  NotificationsInitial1764300000100,
  NotificationsDeliveries1764300000200,
  NotificationsOutboxRepublish1764400000000,
  NotificationsDeliveryVariant1764500000000,
  NotificationsDirectoryEmailVerified1765000000000,
  NotificationsOutboxMetadata1765200000000,
  NotificationsInboxCodeParams1767700000000,
  NotificationsOrganizationDirectory1768000000100,
];
