// Notifications' copy of the directory of organizations (ADR 0011, libs/shared/organization-directory):
// its own tables in the notifications schema, kept by the router in the same transaction as the
// routing of the events that change it (identity's events reach notifications on its events queue
// like every other). Messages take organizations' names from it; routing never asks identity,
// so there is no fallback here: an organization not known yet is named '—'.
import type { EntityManager } from 'typeorm';
import { directoryTables, OrganizationReadModel } from '@lattice/shared-organization-directory';
import { NOTIFICATIONS_SCHEMA } from '@lattice/notifications-data-access';

export const NOTIFICATIONS_ORGANIZATIONS = new OrganizationReadModel(directoryTables(NOTIFICATIONS_SCHEMA));

/** Organizations' names by id, from the copy (one statement; none for no ids). */
export async function organizationNames(
  manager: Pick<EntityManager, 'query'>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const known = await NOTIFICATIONS_ORGANIZATIONS.find(manager, ids);
  return new Map([...known.values()].map((organization) => [organization.id, organization.name]));
}
