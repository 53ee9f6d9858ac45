// Notifications' replica of identity: people, organizations, memberships and umbrella links,
// kept current from identity's events so recipients resolve without reaching into identity.
// A batch of events is applied with one statement per run of same-type events (the later
// event wins for a key, as it would applied one by one), rows sorted by key so concurrent
// batches lock in the same order.
import type { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventType } from '@lattice/shared-contracts';

interface DirectoryUpdate<T extends DomainEventType> {
  /** The row's key (later events win) and its column values, in the order of `sql`'s arrays. */
  readonly row: (payload: DomainEvent<T>['payload']) => { key: string; values: readonly unknown[] };
  /** Takes one array parameter per column. */
  readonly sql: string;
}

/** The events that change the directory; others (invitation.accepted comes with membership.created) change nothing. */
const DIRECTORY_UPDATES: { [T in DomainEventType]?: DirectoryUpdate<T> } = {
  'identity.user.signed_up': {
    row: (p) => ({ key: p.userId, values: [p.userId, p.email, p.name, p.locale] }),
    sql: `INSERT INTO "notifications"."directory_users" ("id", "email", "name", "locale")
          SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
          ON CONFLICT ("id") DO UPDATE SET "email" = EXCLUDED."email", "name" = EXCLUDED."name", "locale" = EXCLUDED."locale"`,
  },
  'identity.user.email_verified': {
    row: (p) => ({ key: p.userId, values: [p.userId] }),
    sql: `UPDATE "notifications"."directory_users" u SET "email_verified" = true FROM unnest($1::uuid[]) AS t(id) WHERE u."id" = t.id`,
  },
  'identity.organization.created': {
    row: (p) => ({ key: p.organizationId, values: [p.organizationId, p.name, p.kind] }),
    sql: `INSERT INTO "notifications"."directory_organizations" ("id", "name", "kind")
          SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])
          ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "kind" = EXCLUDED."kind"`,
  },
  'identity.membership.created': {
    row: (p) => ({ key: `${p.userId}:${p.organizationId}`, values: [p.userId, p.organizationId, p.role] }),
    sql: `INSERT INTO "notifications"."directory_memberships" ("user_id", "organization_id", "role")
          SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])
          ON CONFLICT ("user_id", "organization_id") DO UPDATE SET "role" = EXCLUDED."role"`,
  },
  'identity.umbrella.joined': {
    row: (p) => ({ key: `${p.umbrellaId}:${p.organizationId}`, values: [p.umbrellaId, p.organizationId] }),
    sql: `INSERT INTO "notifications"."directory_umbrella_members" ("umbrella_id", "organization_id")
          SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
  },
  'identity.umbrella.member_removed': {
    row: (p) => ({ key: `${p.umbrellaId}:${p.organizationId}`, values: [p.umbrellaId, p.organizationId] }),
    sql: `DELETE FROM "notifications"."directory_umbrella_members" d USING unnest($1::uuid[], $2::uuid[]) AS t(u, o)
          WHERE d."umbrella_id" = t.u AND d."organization_id" = t.o`,
  },
  'identity.membership.role_changed': {
    row: (p) => ({ key: `${p.userId}:${p.organizationId}`, values: [p.userId, p.organizationId, p.role] }),
    sql: `UPDATE "notifications"."directory_memberships" d SET "role" = t.r
          FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(u, o, r) WHERE d."user_id" = t.u AND d."organization_id" = t.o`,
  },
  'identity.membership.removed': {
    row: (p) => ({ key: `${p.userId}:${p.organizationId}`, values: [p.userId, p.organizationId] }),
    sql: `DELETE FROM "notifications"."directory_memberships" d USING unnest($1::uuid[], $2::uuid[]) AS t(u, o)
          WHERE d."user_id" = t.u AND d."organization_id" = t.o`,
  },
};

/** Applies the directory changes of `events`, in order. */
export async function applyToDirectory(manager: EntityManager, events: readonly DomainEvent[]): Promise<void> {
  let run: { type: DomainEventType; rows: Map<string, readonly unknown[]> } | null = null;
  const flush = async () => {
    if (!run) return;
    const update = DIRECTORY_UPDATES[run.type] as DirectoryUpdate<DomainEventType>;
    const rows = [...run.rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, values]) => values);
    const columns = rows[0]!.map((_value, column) => rows.map((values) => values[column]));
    await manager.query(update.sql, columns);
    run = null;
  };
  for (const event of events) {
    const update = DIRECTORY_UPDATES[event.type] as DirectoryUpdate<DomainEventType> | undefined;
    if (!update) continue;
    if (run && run.type !== event.type) await flush();
    run ??= { type: event.type, rows: new Map() };
    const { key, values } = update.row(event.payload);
    run.rows.delete(key); // re-inserted last: the later event wins
    run.rows.set(key, values);
  }
  await flush();
}
