// Consumers record each event they have applied in the same transaction as its effect, so a
// job delivered twice (retry, relay replay, worker crash) changes nothing the second time.
import type { EntityManager } from 'typeorm';
import { NOTIFICATIONS_SCHEMA } from './notifications.entities';

/** The ids among `eventIds` this consumer had not seen before (and now has), in one statement. */
export async function claimEvents(
  manager: EntityManager,
  eventIds: readonly string[],
  consumer: string,
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = (await manager.query(
    `INSERT INTO "${NOTIFICATIONS_SCHEMA}"."processed_events" ("event_id", "consumer")
     SELECT id, $2 FROM unnest($1::uuid[]) AS id ORDER BY id ON CONFLICT DO NOTHING RETURNING "event_id"`,
    [eventIds, consumer],
  )) as Array<{ event_id: string }>;
  return new Set(rows.map((row) => row.event_id));
}
