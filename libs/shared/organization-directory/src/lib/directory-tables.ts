// Where a service keeps its copy of the directory of organizations: its own schema, its own
// tables (ADR 0011). Every consuming service's migration creates the same columns:
//
//   <organizations>    id uuid PK, name text NULL, kind text NULL, size text NULL, region text NULL,
//                      sector text NULL, verified boolean NOT NULL DEFAULT false,
//                      facts_as_of timestamptz NULL, verified_as_of timestamptz NULL
//   <umbrellaMembers>  umbrella_id uuid, organization_id uuid, member boolean NOT NULL DEFAULT true,
//                      as_of timestamptz NULL, PRIMARY KEY (umbrella_id, organization_id)
//   <processedEvents>  event_id uuid, consumer text, PRIMARY KEY (event_id, consumer)
//
// A row with no kind is a stub (an event about the organization arrived before its creation):
// it is not an organization the directory knows yet. `*_as_of` is when identity stated the fact
// (the event's occurredAt, or the moment of a direct lookup); an older statement never
// overwrites a newer one, so events may arrive late, twice or out of order.
import { type OrgKind, ORGANIZATION_DIRECTORY_EVENTS } from '@lattice/shared-contracts';

export interface DirectoryTables {
  readonly schema: string;
  /** Organizations' facts (marketplace's table predates the directory and is called `organizations`). */
  readonly organizations: string;
  readonly umbrellaMembers: string;
  readonly processedEvents: string;
}

/** The tables a service created with the directory (credentials, notifications). */
export function directoryTables(schema: string): DirectoryTables {
  return {
    schema,
    organizations: 'directory_organizations',
    umbrellaMembers: 'directory_umbrella_members',
    processedEvents: 'processed_events',
  };
}

export { ORGANIZATION_DIRECTORY_EVENTS };

export type OrganizationDirectoryEvent = (typeof ORGANIZATION_DIRECTORY_EVENTS)[number];

export function isOrganizationDirectoryEvent(type: string): type is OrganizationDirectoryEvent {
  return (ORGANIZATION_DIRECTORY_EVENTS as readonly string[]).includes(type);
}

/** An organization's public facts, as identity states them. */
export interface DirectoryOrganization {
  readonly id: string;
  readonly name: string;
  /** EMPLOYER, INSTITUTION, UMBRELLA, … (identity's OrgKind). */
  readonly kind: OrgKind;
  /** SMALL, MEDIUM or LARGE; null when unknown. */
  readonly size: string | null;
  /** A region code such as ON-Toronto; null when unknown. */
  readonly region: string | null;
  /** NAICS code; null when unknown. */
  readonly sector: string | null;
  readonly verified: boolean;
}
