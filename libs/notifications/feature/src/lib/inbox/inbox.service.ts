// A person's inbox: newest first, unread count, marking read — only ever their own.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

export interface InboxRow {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
  /** created_at as Postgres prints it (microseconds), so cursors compare exactly. */
  cursor_at: string;
}

@Injectable()
export class InboxService {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string, unreadOnly: boolean, page: PageRequest): Promise<InboxRow[]> {
    const params: unknown[] = [userId, page.limit + 1];
    let where = `"user_id" = $1`;
    if (unreadOnly) where += ` AND "read_at" IS NULL`;
    if (page.after) {
      params.push(String(page.after[0]), page.after[1]);
      where += ` AND ("created_at", "id") < ($3::timestamptz, $4::uuid)`;
    }
    return (await this.dataSource.query(
      `SELECT "id", "type", "title", "body", "link", "read_at", "created_at", "created_at"::text AS "cursor_at"
         FROM "notifications"."notifications" WHERE ${where}
        ORDER BY "created_at" DESC, "id" DESC LIMIT $2`,
      params,
    )) as InboxRow[];
  }

  async unreadCount(userId: string): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT count(*)::int AS n FROM "notifications"."notifications" WHERE "user_id" = $1 AND "read_at" IS NULL`, [userId])) as Array<{ n: number }>;
    return rows[0]?.n ?? 0;
  }

  /** Marks the caller's notifications read; any id that is not theirs refuses the whole request. */
  async markRead(userId: string, ids: readonly string[]): Promise<number> {
    if (ids.length > 500) throw NotificationErrors.of('TOO_MANY_IDS', 'Mark at most 500 notifications at once.');
    const unique = [...new Set(ids)];
    return this.dataSource.transaction(async (manager) => {
      const owned = (await manager.query(`SELECT "id" FROM "notifications"."notifications" WHERE "id" = ANY($1::uuid[]) AND "user_id" = $2 FOR UPDATE`, [unique, userId])) as Array<{ id: string }>;
      if (owned.length !== unique.length) throw NotificationErrors.of('NOT_YOURS', 'Some of these notifications are not yours, or do not exist.');
      const updated = (await manager.query(
        `UPDATE "notifications"."notifications" SET "read_at" = now() WHERE "id" = ANY($1::uuid[]) AND "read_at" IS NULL RETURNING "id"`,
        [unique],
      )) as [unknown[], number];
      return Array.isArray(updated[0]) ? updated[0].length : 0;
    });
  }
}
