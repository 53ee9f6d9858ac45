// A service's copy of the directory of organizations: every statement that reads or writes it.
// Writes are conditional on when identity stated the fact (`*_as_of`), so applying an event
// twice, late or before an earlier one leaves the newest statement in place.
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '@lattice/shared-contracts';
import {
  type DirectoryOrganization,
  type DirectoryTables,
  isOrganizationDirectoryEvent,
  type OrganizationDirectoryEvent,
} from './directory-tables';

type Runner = Pick<EntityManager, 'query'>;

interface OrganizationRow {
  id: string;
  name: string;
  kind: DirectoryOrganization['kind'];
  size: string | null;
  region: string | null;
  sector: string | null;
  verified: boolean;
}

export class OrganizationReadModel {
  private readonly organizations: string;
  private readonly members: string;
  private readonly processed: string;

  constructor(readonly tables: DirectoryTables) {
    this.organizations = `"${tables.schema}"."${tables.organizations}"`;
    this.members = `"${tables.schema}"."${tables.umbrellaMembers}"`;
    this.processed = `"${tables.schema}"."${tables.processedEvents}"`;
  }

  /** The ids of `eventIds` this consumer had not applied yet (and now has). One statement. */
  async claim(runner: Runner, eventIds: readonly string[], consumer: string): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows = (await runner.query(
      `INSERT INTO ${this.processed} ("event_id", "consumer") SELECT unnest($1::uuid[]), $2
       ON CONFLICT DO NOTHING RETURNING "event_id"`,
      [[...new Set(eventIds)], consumer],
    )) as Array<{ event_id: string }>;
    return new Set(rows.map((row) => row.event_id));
  }

  /** Applies the directory's events among `events`, in order; other types are skipped. Claims nothing. */
  async apply(runner: Runner, events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      if (isOrganizationDirectoryEvent(event.type)) await this.applyOne(runner, event as DomainEvent<OrganizationDirectoryEvent>);
    }
  }

  private async applyOne(runner: Runner, event: DomainEvent<OrganizationDirectoryEvent>): Promise<void> {
    const at = event.occurredAt;
    switch (event.type) {
      case 'identity.organization.created': {
        const p = (event as DomainEvent<'identity.organization.created'>).payload;
        await this.writeFacts(runner, { id: p.organizationId, name: p.name, kind: p.kind, size: p.size, region: p.region, sector: p.sector }, at);
        return;
      }
      case 'identity.organization.verified': {
        const p = (event as DomainEvent<'identity.organization.verified'>).payload;
        await this.writeVerified(runner, p.organizationId, p.verified, at);
        return;
      }
      case 'identity.umbrella.joined': {
        const p = (event as DomainEvent<'identity.umbrella.joined'>).payload;
        await this.writeMembership(runner, p.umbrellaId, p.organizationId, true, at);
        return;
      }
      case 'identity.umbrella.member_removed': {
        const p = (event as DomainEvent<'identity.umbrella.member_removed'>).payload;
        await this.writeMembership(runner, p.umbrellaId, p.organizationId, false, at);
        return;
      }
    }
  }

  /** Stores what identity said when asked directly (`at`: when it was asked): facts, flag and umbrellas. */
  async store(runner: Runner, organization: DirectoryOrganization, umbrellaIds: readonly string[], at: string): Promise<void> {
    await this.writeFacts(runner, organization, at);
    await this.writeVerified(runner, organization.id, organization.verified, at);
    // Identity named every umbrella it belongs to: those are joined, any other this copy holds is left.
    await runner.query(
      `INSERT INTO ${this.members} ("umbrella_id", "organization_id", "member", "as_of")
       SELECT t.u, $2::uuid, t.u = ANY($1::uuid[]), $3::timestamptz
         FROM (SELECT DISTINCT u FROM unnest($1::uuid[] || ARRAY(SELECT "umbrella_id" FROM ${this.members} WHERE "organization_id" = $2::uuid)) AS u) t
       ON CONFLICT ("umbrella_id", "organization_id") DO UPDATE SET "member" = EXCLUDED."member", "as_of" = EXCLUDED."as_of"
         WHERE ${this.members}."as_of" IS NULL OR ${this.members}."as_of" <= EXCLUDED."as_of"`,
      [[...new Set(umbrellaIds)], organization.id, at],
    );
  }

  private async writeFacts(runner: Runner, o: Omit<DirectoryOrganization, 'verified'>, at: string): Promise<void> {
    await runner.query(
      `INSERT INTO ${this.organizations} ("id", "name", "kind", "size", "region", "sector", "facts_as_of")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "kind" = EXCLUDED."kind", "size" = EXCLUDED."size",
         "region" = EXCLUDED."region", "sector" = EXCLUDED."sector", "facts_as_of" = EXCLUDED."facts_as_of"
       WHERE ${this.organizations}."facts_as_of" IS NULL OR ${this.organizations}."facts_as_of" <= EXCLUDED."facts_as_of"`,
      [o.id, o.name, o.kind, o.size, o.region, o.sector, at],
    );
  }

  /** A flag for an organization not known yet leaves a stub (no kind) that its creation completes. */
  private async writeVerified(runner: Runner, id: string, verified: boolean, at: string): Promise<void> {
    await runner.query(
      `INSERT INTO ${this.organizations} ("id", "verified", "verified_as_of") VALUES ($1, $2, $3)
       ON CONFLICT ("id") DO UPDATE SET "verified" = EXCLUDED."verified", "verified_as_of" = EXCLUDED."verified_as_of"
       WHERE ${this.organizations}."verified_as_of" IS NULL OR ${this.organizations}."verified_as_of" <= EXCLUDED."verified_as_of"`,
      [id, verified, at],
    );
  }

  private async writeMembership(runner: Runner, umbrellaId: string, organizationId: string, member: boolean, at: string): Promise<void> {
    await runner.query(
      `INSERT INTO ${this.members} ("umbrella_id", "organization_id", "member", "as_of") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("umbrella_id", "organization_id") DO UPDATE SET "member" = EXCLUDED."member", "as_of" = EXCLUDED."as_of"
       WHERE ${this.members}."as_of" IS NULL OR ${this.members}."as_of" <= EXCLUDED."as_of"`,
      [umbrellaId, organizationId, member, at],
    );
  }

  /** The organizations this copy knows among `ids` (stubs are not known). One statement. */
  async find(runner: Runner, ids: readonly string[]): Promise<Map<string, DirectoryOrganization>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = (await runner.query(
      `SELECT "id", "name", "kind", "size", "region", "sector", "verified" FROM ${this.organizations}
        WHERE "id" = ANY($1::uuid[]) AND "kind" IS NOT NULL`,
      [unique],
    )) as OrganizationRow[];
    return new Map(rows.map((row) => [row.id, { ...row }]));
  }

  /** The umbrellas the organization is a member of, as this copy knows. */
  async umbrellasOf(runner: Runner, organizationId: string): Promise<string[]> {
    const rows = (await runner.query(`SELECT "umbrella_id" FROM ${this.members} WHERE "organization_id" = $1 AND "member" ORDER BY "umbrella_id"`, [
      organizationId,
    ])) as Array<{ umbrella_id: string }>;
    return rows.map((row) => row.umbrella_id);
  }
}
