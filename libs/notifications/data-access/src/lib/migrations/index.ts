import { NotificationsInitial1764300000100 } from './1764300000100-notifications-initial';

export const NOTIFICATIONS_MIGRATIONS = [NotificationsInitial1764300000100];
