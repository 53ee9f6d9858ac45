// People's notification preferences, per event type ("*" for every type) and channel.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface PreferenceRow {
  readonly userId: string;
  readonly eventType: string;
  readonly channel: 'IN_APP' | 'EMAIL';
  readonly enabled: boolean;
  readonly emailMode: 'IMMEDIATE' | 'DAILY_DIGEST' | 'OFF' | null;
}

interface Stored {
  user_id: string;
  event_type: string;
  channel: PreferenceRow['channel'];
  enabled: boolean;
  email_mode: PreferenceRow['emailMode'];
}

const toRow = (row: Stored): PreferenceRow => ({
  userId: row.user_id,
  eventType: row.event_type,
  channel: row.channel,
  enabled: row.enabled,
  emailMode: row.email_mode,
});

@Injectable()
export class PreferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A person's stored preferences, by event type and channel. */
  async of(userId: string): Promise<PreferenceRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT "user_id", "event_type", "channel", "enabled", "email_mode" FROM "notifications"."notification_preferences" WHERE "user_id" = $1 ORDER BY "event_type", "channel"`,
      [userId],
    )) as Stored[];
    return rows.map(toRow);
  }

  /** The stored preferences of these people that bear on these event types (or on every type), in one statement. */
  async ofPeople(
    manager: EntityManager,
    userIds: readonly string[],
    eventTypes: readonly string[],
  ): Promise<PreferenceRow[]> {
    if (userIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT "user_id", "event_type", "channel", "enabled", "email_mode" FROM "notifications"."notification_preferences"
        WHERE "user_id" = ANY($1::uuid[]) AND ("event_type" = ANY($2::text[]) OR "event_type" = '*')`,
      [[...userIds], [...eventTypes]],
    )) as Stored[];
    return rows.map(toRow);
  }

  /** Stores one preference, replacing the one for the same event type and channel. */
  async save(
    manager: EntityManager,
    userId: string,
    preference: Omit<PreferenceRow, 'userId'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "notifications"."notification_preferences" ("user_id", "event_type", "channel", "enabled", "email_mode", "updated_at")
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT ("user_id", "event_type", "channel") DO UPDATE SET "enabled" = EXCLUDED."enabled", "email_mode" = EXCLUDED."email_mode", "updated_at" = now()`,
      [userId, preference.eventType, preference.channel, preference.enabled, preference.emailMode],
    );
  }
}
