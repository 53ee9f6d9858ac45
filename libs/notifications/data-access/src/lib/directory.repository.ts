// Notifications' replica of identity's people and memberships, kept current from identity's
// events so recipients resolve without reaching into identity. Organizations and umbrella links
// are the shared directory of organizations' copy (ADR 0011); audiences join its tables.
// A batch of events is applied with one statement per run of same-type events (the later
// event wins for a key, as it would applied one by one), rows sorted by key so concurrent
// batches lock in the same order. Recipients of a whole routing batch resolve in one statement.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventType } from '@lattice/shared-contracts';
import type { DirectoryPerson } from './delivery.repository';

interface DirectoryUpdate<T extends DomainEventType> {
  /** The row's key (later events win) and its column values, in the order of `sql`'s arrays. */
  readonly row: (payload: DomainEvent<T>['payload']) => { key: string; values: readonly unknown[] };
  /** Takes one array parameter per column. */
  readonly sql: string;
}

/** The events that change people and memberships; others (invitation.accepted comes with membership.created) change nothing. */
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
  'identity.membership.created': {
    row: (p) => ({ key: `${p.userId}:${p.organizationId}`, values: [p.userId, p.organizationId, p.role] }),
    sql: `INSERT INTO "notifications"."directory_memberships" ("user_id", "organization_id", "role")
          SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])
          ON CONFLICT ("user_id", "organization_id") DO UPDATE SET "role" = EXCLUDED."role"`,
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

/** Whether the event changes who the directory says a person is or where they belong. */
export function changesDirectory(event: Pick<DomainEvent, 'type'>): boolean {
  return event.type in DIRECTORY_UPDATES;
}

/**
 * The audience targets of a routing batch, grouped by kind, each under its key (the caller's
 * name for the target, returned with every person it reaches).
 */
export interface AudienceLookup {
  readonly users: ReadonlyArray<{ key: string; userId: string }>;
  /** By address, verified or not. */
  readonly emails: ReadonlyArray<{ key: string; email: string }>;
  /** By address, once its owner proved it. */
  readonly verifiedEmails: ReadonlyArray<{ key: string; email: string }>;
  readonly members: ReadonlyArray<{ key: string; organizationId: string; roles: readonly string[] }>;
  /** The owners and admins of every umbrella the organization belongs to. */
  readonly umbrellaAdmins: ReadonlyArray<{ key: string; organizationId: string }>;
}

@Injectable()
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Applies the directory changes of `events`, in order: one statement per run of same-type events. */
  async apply(manager: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    let run: { type: DomainEventType; rows: Map<string, readonly unknown[]> } | null = null;
    const flush = async () => {
      if (!run) return;
      const update = DIRECTORY_UPDATES[run.type] as DirectoryUpdate<DomainEventType>;
      const rows = [...run.rows.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, values]) => values);
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

  async person(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DirectoryPerson | null> {
    const rows = (await manager.query(
      `SELECT "id", "email", "name", "locale" FROM "notifications"."directory_users" WHERE "id" = $1`,
      [userId],
    )) as DirectoryPerson[];
    return rows[0] ?? null;
  }

  /** The people every target reaches, in one statement: one row per (target key, person). */
  async audiences(
    manager: EntityManager,
    lookup: AudienceLookup,
  ): Promise<Array<{ key: string; id: string; locale: string }>> {
    return (await manager.query(
      `SELECT t.key, u."id", u."locale" FROM unnest($1::text[], $2::uuid[]) AS t(key, user_id)
         JOIN "notifications"."directory_users" u ON u."id" = t.user_id
       UNION ALL
       SELECT t.key, u."id", u."locale" FROM unnest($3::text[], $4::text[]) AS t(key, email)
         JOIN "notifications"."directory_users" u ON lower(u."email") = lower(t.email)
       UNION ALL
       SELECT t.key, u."id", u."locale" FROM unnest($5::text[], $6::uuid[], $7::text[]) AS t(key, organization_id, roles)
         JOIN "notifications"."directory_memberships" m ON m."organization_id" = t.organization_id AND m."role" = ANY(string_to_array(t.roles, ','))
         JOIN "notifications"."directory_users" u ON u."id" = m."user_id"
       UNION ALL
       SELECT DISTINCT t.key, u."id", u."locale" FROM unnest($8::text[], $9::uuid[]) AS t(key, organization_id)
         JOIN "notifications"."directory_umbrella_members" um ON um."organization_id" = t.organization_id AND um."member"
         JOIN "notifications"."directory_memberships" m ON m."organization_id" = um."umbrella_id" AND m."role" IN ('OWNER', 'ADMIN')
         JOIN "notifications"."directory_users" u ON u."id" = m."user_id"
       UNION ALL
       SELECT t.key, u."id", u."locale" FROM unnest($10::text[], $11::text[]) AS t(key, email)
         JOIN "notifications"."directory_users" u ON lower(u."email") = lower(t.email) AND u."email_verified"`,
      [
        lookup.users.map((t) => t.key),
        lookup.users.map((t) => t.userId),
        lookup.emails.map((t) => t.key),
        lookup.emails.map((t) => t.email),
        lookup.members.map((t) => t.key),
        lookup.members.map((t) => t.organizationId),
        lookup.members.map((t) => t.roles.join(',')),
        lookup.umbrellaAdmins.map((t) => t.key),
        lookup.umbrellaAdmins.map((t) => t.organizationId),
        lookup.verifiedEmails.map((t) => t.key),
        lookup.verifiedEmails.map((t) => t.email),
      ],
    )) as Array<{ key: string; id: string; locale: string }>;
  }
}
