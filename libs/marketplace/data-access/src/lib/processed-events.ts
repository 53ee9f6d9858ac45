// Consumers record each event they have applied in the same transaction as its effect, so a
// job delivered twice changes nothing the second time.
import type { EntityManager } from 'typeorm';
import { MARKETPLACE_SCHEMA } from './marketplace.entities';

/** True when this consumer has not seen the event before (and now has). */
export async function claimEvent(
  manager: EntityManager,
  eventId: string,
  consumer: string,
): Promise<boolean> {
  const rows = (await manager.query(
    `INSERT INTO "${MARKETPLACE_SCHEMA}"."processed_events" ("event_id", "consumer") VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING "event_id"`,
    [eventId, consumer],
  )) as unknown[];
  return rows.length === 1;
}
