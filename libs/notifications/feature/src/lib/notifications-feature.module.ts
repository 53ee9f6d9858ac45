import { Module } from '@nestjs/common';
import { NotificationResolver } from './graphql/notification.resolver';
import { InboxService } from './inbox/inbox.service';

@Module({ providers: [InboxService, NotificationResolver], exports: [InboxService] })
export class NotificationsFeatureModule {}
