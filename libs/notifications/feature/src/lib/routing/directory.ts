// Notifications' replica of identity: people, organizations, memberships and umbrella links,
// kept current from identity's events so recipients resolve without reaching into identity.
import type { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventType } from '@lattice/shared-contracts';

type Apply<T extends DomainEventType> = (manager: EntityManager, payload: DomainEvent<T>['payload']) => Promise<unknown>;

/** The events that change the directory; others (invitation.accepted comes with membership.created) change nothing. */
const DIRECTORY_UPDATES: { [T in DomainEventType]?: Apply<T> } = {
  'identity.user.signed_up': (manager, p) =>
    manager.query(
      `INSERT INTO "notifications"."directory_users" ("id", "email", "name", "locale") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("id") DO UPDATE SET "email" = EXCLUDED."email", "name" = EXCLUDED."name", "locale" = EXCLUDED."locale"`,
      [p.userId, p.email, p.name, p.locale],
    ),
  'identity.organization.created': (manager, p) =>
    manager.query(
      `INSERT INTO "notifications"."directory_organizations" ("id", "name", "kind") VALUES ($1, $2, $3)
       ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "kind" = EXCLUDED."kind"`,
      [p.organizationId, p.name, p.kind],
    ),
  'identity.membership.created': (manager, p) =>
    manager.query(
      `INSERT INTO "notifications"."directory_memberships" ("user_id", "organization_id", "role") VALUES ($1, $2, $3)
       ON CONFLICT ("user_id", "organization_id") DO UPDATE SET "role" = EXCLUDED."role"`,
      [p.userId, p.organizationId, p.role],
    ),
  'identity.umbrella.joined': (manager, p) =>
    manager.query(`INSERT INTO "notifications"."directory_umbrella_members" ("umbrella_id", "organization_id") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      p.umbrellaId,
      p.organizationId,
    ]),
};

export async function applyToDirectory(manager: EntityManager, event: DomainEvent): Promise<void> {
  const apply = DIRECTORY_UPDATES[event.type] as Apply<DomainEventType> | undefined;
  if (apply) await apply(manager, event.payload);
}
