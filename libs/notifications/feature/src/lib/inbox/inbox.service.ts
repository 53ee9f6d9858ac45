// A person's inbox: newest first, unread count, marking read — only ever their own.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboxRepository, type InboxRow } from '@lattice/notifications-data-access';
import { defineErrors } from '@lattice/shared-util-errors';
import type { PageRequest } from '@lattice/shared-graphql';

export const NotificationErrors = defineErrors('NOTIFICATIONS', {
  NOT_YOURS: 'FORBIDDEN',
  TOO_MANY_IDS: 'BAD_USER_INPUT',
  UNKNOWN_EVENT_TYPE: 'BAD_USER_INPUT',
  UNKNOWN_CHANNEL: 'BAD_USER_INPUT',
  INVALID_PREFERENCE: 'BAD_USER_INPUT',
  INVALID_WEBHOOK_URL: 'BAD_USER_INPUT',
  SUBSCRIPTION_NOT_FOUND: 'NOT_FOUND',
});

export type { InboxRow } from '@lattice/notifications-data-access';

@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxRepository,
  ) {}

  list(userId: string, unreadOnly: boolean, page: PageRequest): Promise<InboxRow[]> {
    return this.inbox.page(userId, unreadOnly, page);
  }

  unreadCount(userId: string): Promise<number> {
    return this.inbox.unreadCount(userId);
  }

  /** Marks the caller's notifications read; any id that is not theirs refuses the whole request. */
  async markRead(userId: string, ids: readonly string[]): Promise<number> {
    if (ids.length > 500)
      throw NotificationErrors.of('TOO_MANY_IDS', 'Mark at most 500 notifications at once.');
    const unique = [...new Set(ids)];
    return this.dataSource.transaction(async (manager) => {
      const owned = await this.inbox.lockOwned(manager, userId, unique);
      if (owned.length !== unique.length)
        throw NotificationErrors.of(
          'NOT_YOURS',
          'Some of these notifications are not yours, or do not exist.',
        );
      return this.inbox.markRead(manager, unique);
    });
  }
}
