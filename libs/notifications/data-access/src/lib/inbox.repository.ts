// A person's inbox: the notifications table. In-app deliveries write their rows here, keyed by
// (event, person) so the inbox gets each event at most once whatever the queue repeats.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { KeysetPage } from './delivery.repository';

export interface InboxRow {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  /** The text as data (null on rows written before it was kept): see NewInboxEntry. */
  code: string | null;
  params: Record<string, unknown> | null;
  read_at: Date | null;
  created_at: Date;
  /** created_at as Postgres prints it (microseconds), so cursors compare exactly. */
  cursor_at: string;
}

/** One inbox entry to write. */
export interface NewInboxEntry {
  readonly userId: string;
  readonly eventId: string;
  readonly type: string;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
  /** What title and body say, as a code and its parameters, for the app to word in the reader's language. */
  readonly code: string;
  readonly params: Record<string, unknown>;
}

@Injectable()
export class InboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The person's notifications, newest first, one more than the page (to tell whether another follows). */
  async page(userId: string, unreadOnly: boolean, page: KeysetPage): Promise<InboxRow[]> {
    const params: unknown[] = [userId, page.limit + 1];
    let where = `"user_id" = $1`;
    if (unreadOnly) where += ` AND "read_at" IS NULL`;
    if (page.after) {
      params.push(String(page.after[0]), page.after[1]);
      where += ` AND ("created_at", "id") < ($3::timestamptz, $4::uuid)`;
    }
    return (await this.dataSource.query(
      `SELECT "id", "type", "title", "body", "link", "code", "params", "read_at", "created_at", "created_at"::text AS "cursor_at"
         FROM "notifications"."notifications" WHERE ${where}
        ORDER BY "created_at" DESC, "id" DESC LIMIT $2`,
      params,
    )) as InboxRow[];
  }

  async unreadCount(userId: string): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM "notifications"."notifications" WHERE "user_id" = $1 AND "read_at" IS NULL`,
      [userId],
    )) as Array<{ n: number }>;
    return rows[0]?.n ?? 0;
  }

  /** Which of these notifications are the person's, locked until the transaction ends. */
  async lockOwned(manager: EntityManager, userId: string, ids: readonly string[]): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT "id" FROM "notifications"."notifications" WHERE "id" = ANY($1::uuid[]) AND "user_id" = $2 FOR UPDATE`,
      [[...ids], userId],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Marks unread notifications read; returns how many changed. */
  async markRead(manager: EntityManager, ids: readonly string[]): Promise<number> {
    const updated = (await manager.query(
      `UPDATE "notifications"."notifications" SET "read_at" = now() WHERE "id" = ANY($1::uuid[]) AND "read_at" IS NULL RETURNING "id"`,
      [[...ids]],
    )) as [unknown[], number];
    return Array.isArray(updated[0]) ? updated[0].length : 0;
  }

  /** Writes the entries (one statement); an (event, person) already in the inbox is left alone. */
  async add(manager: EntityManager, entries: readonly NewInboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO "notifications"."notifications" ("id", "user_id", "event_id", "type", "title", "body", "link", "code", "params")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
       ON CONFLICT ("event_id", "user_id") DO NOTHING`,
      [
        entries.map(() => randomUUID()),
        entries.map((e) => e.userId),
        entries.map((e) => e.eventId),
        entries.map((e) => e.type),
        entries.map((e) => e.title),
        entries.map((e) => e.body),
        entries.map((e) => e.link),
        entries.map((e) => e.code),
        entries.map((e) => JSON.stringify(e.params)),
      ],
    );
  }
}
