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

/** Rows of one write, by key: the newest statement about each row (the later one on a tie). */
class Rows {
  private readonly byKey = new Map<string, { at: number; values: unknown[] }>();

  keep(key: string, at: string, values: unknown[]): void {
    const held = this.byKey.get(key);
    const stated = Date.parse(at);
    if (!held || held.at <= stated) this.byKey.set(key, { at: stated, values });
  }

  get size(): number {
    return this.byKey.size;
  }

  /** One array per column, rows sorted by key so concurrent batches lock rows in the same order. */
  columns(): unknown[][] {
    const rows = [...this.byKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row.values);
    return rows[0]!.map((_value, column) => rows.map((values) => values[column]));
  }
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

  /**
   * Applies the directory's events among `events`; other types are skipped. Claims nothing. At
   * most three statements for the whole batch (facts, flags, memberships): every write keeps the
   * newest statement, so of several events about one row only the newest needs writing, and the
   * order of the three writes does not matter.
   */
  async apply(runner: Runner, events: readonly DomainEvent[]): Promise<void> {
    const facts = new Rows();
    const flags = new Rows();
    const memberships = new Rows();
    for (const event of events) {
      if (!isOrganizationDirectoryEvent(event.type)) continue;
      const { type, payload, occurredAt: at } = event as DomainEvent<OrganizationDirectoryEvent>;
      if (type === 'identity.organization.created') {
        const p = payload as DomainEvent<'identity.organization.created'>['payload'];
        facts.keep(p.organizationId, at, [p.organizationId, p.name, p.kind, p.size, p.region, p.sector, at]);
      } else if (type === 'identity.organization.verified') {
        const p = payload as DomainEvent<'identity.organization.verified'>['payload'];
        flags.keep(p.organizationId, at, [p.organizationId, p.verified, at]);
      } else {
        const p = payload as DomainEvent<
          'identity.umbrella.joined' | 'identity.umbrella.member_removed'
        >['payload'];
        memberships.keep(`${p.umbrellaId}:${p.organizationId}`, at, [
          p.umbrellaId,
          p.organizationId,
          type === 'identity.umbrella.joined',
          at,
        ]);
      }
    }
    if (facts.size > 0) await this.writeFacts(runner, facts.columns());
    if (flags.size > 0) await this.writeFlags(runner, flags.columns());
    if (memberships.size > 0) await this.writeMemberships(runner, memberships.columns());
  }

  /** Stores what identity said when asked directly (`at`: when it was asked): facts, flag and umbrellas. */
  async store(
    runner: Runner,
    organization: DirectoryOrganization,
    umbrellaIds: readonly string[],
    at: string,
  ): Promise<void> {
    const o = organization;
    await this.writeFacts(runner, [[o.id], [o.name], [o.kind], [o.size], [o.region], [o.sector], [at]]);
    await this.writeFlags(runner, [[o.id], [o.verified], [at]]);
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

  /** Columns: ids, names, kinds, sizes, regions, sectors, stated-at. */
  private async writeFacts(runner: Runner, columns: unknown[][]): Promise<void> {
    await runner.query(
      `INSERT INTO ${this.organizations} ("id", "name", "kind", "size", "region", "sector", "facts_as_of")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
       ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "kind" = EXCLUDED."kind", "size" = EXCLUDED."size",
         "region" = EXCLUDED."region", "sector" = EXCLUDED."sector", "facts_as_of" = EXCLUDED."facts_as_of"
       WHERE ${this.organizations}."facts_as_of" IS NULL OR ${this.organizations}."facts_as_of" <= EXCLUDED."facts_as_of"`,
      columns,
    );
  }

  /** Columns: ids, flags, stated-at. A flag for an organization not known yet leaves a stub (no kind) its creation completes. */
  private async writeFlags(runner: Runner, columns: unknown[][]): Promise<void> {
    await runner.query(
      `INSERT INTO ${this.organizations} ("id", "verified", "verified_as_of")
       SELECT * FROM unnest($1::uuid[], $2::boolean[], $3::timestamptz[])
       ON CONFLICT ("id") DO UPDATE SET "verified" = EXCLUDED."verified", "verified_as_of" = EXCLUDED."verified_as_of"
       WHERE ${this.organizations}."verified_as_of" IS NULL OR ${this.organizations}."verified_as_of" <= EXCLUDED."verified_as_of"`,
      columns,
    );
  }

  /** Columns: umbrella ids, organization ids, member or not, stated-at. */
  private async writeMemberships(runner: Runner, columns: unknown[][]): Promise<void> {
    await runner.query(
      `INSERT INTO ${this.members} ("umbrella_id", "organization_id", "member", "as_of")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::timestamptz[])
       ON CONFLICT ("umbrella_id", "organization_id") DO UPDATE SET "member" = EXCLUDED."member", "as_of" = EXCLUDED."as_of"
       WHERE ${this.members}."as_of" IS NULL OR ${this.members}."as_of" <= EXCLUDED."as_of"`,
      columns,
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
    const rows = (await runner.query(
      `SELECT "umbrella_id" FROM ${this.members} WHERE "organization_id" = $1 AND "member" ORDER BY "umbrella_id"`,
      [organizationId],
    )) as Array<{ umbrella_id: string }>;
    return rows.map((row) => row.umbrella_id);
  }
}
