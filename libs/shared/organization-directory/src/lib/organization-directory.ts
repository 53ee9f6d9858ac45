// The one way a service reads facts about organizations identity owns (ADR 0011): from its own
// copy, fed by identity's events (OrganizationDirectoryConsumer). One fallback covers the moment
// before an event lands (an organization created a second ago, an umbrella just joined): ask
// identity directly — GET /internal/organizations/:id with the caller's own token, which answers
// the facts and the umbrella memberships — and store what it says in the copy. The event, when
// it lands, states the same facts; both writes keep the newest statement, so neither path ever
// undoes the other and no request fails only because an event is still in flight.
import type { DataSource } from 'typeorm';
import type { DirectoryOrganization, DirectoryTables } from './directory-tables';
import { OrganizationReadModel } from './organization-read-model';

/** Who asks: identity's internal endpoints take the caller's own token. */
export interface DirectoryCaller {
  readonly token: string;
}

/** Identity did not answer (down, slow, or an unexpected status); the caller decides what that means. */
export class DirectoryUnavailableError extends Error {
  constructor(
    readonly organizationId: string,
    cause?: unknown,
  ) {
    super(`identity could not be asked about organization ${organizationId}`, { cause });
    this.name = 'DirectoryUnavailableError';
  }
}

export interface OrganizationDirectoryOptions {
  /** Identity's base URL (its internal endpoints). */
  readonly identityUrl: string;
  /** How long the fallback lookup may take. */
  readonly timeoutMs?: number;
}

interface IdentityAnswer extends DirectoryOrganization {
  readonly umbrellaIds?: readonly string[];
}

export class OrganizationDirectory {
  readonly readModel: OrganizationReadModel;

  constructor(
    private readonly dataSource: DataSource,
    tables: DirectoryTables,
    private readonly options: OrganizationDirectoryOptions,
  ) {
    this.readModel = new OrganizationReadModel(tables);
  }

  /**
   * The organization, or null when identity has none with that id. From the copy; when the copy
   * does not know it, from identity (stored). Throws DirectoryUnavailableError when it must ask
   * identity and identity does not answer.
   */
  async find(caller: DirectoryCaller, id: string): Promise<DirectoryOrganization | null> {
    const known = (await this.readModel.find(this.dataSource, [id])).get(id);
    if (known) return known;
    return (await this.lookUp(caller, id))?.organization ?? null;
  }

  /** Organizations the copy knows, by id, without asking identity (names in lists, routing). */
  known(ids: readonly string[]): Promise<Map<string, DirectoryOrganization>> {
    return this.readModel.find(this.dataSource, ids);
  }

  /**
   * The umbrellas the organization is a member of. The copy's answer stands when it names one of
   * `hoped` (or, with no `hoped`, any umbrella); otherwise identity confirms it first (the join may
   * be a moment old) and what identity says is stored. A refusal is never given from the copy alone.
   */
  async umbrellasOf(
    caller: DirectoryCaller,
    organizationId: string,
    hoped?: readonly string[],
  ): Promise<string[]> {
    const known = await this.readModel.umbrellasOf(this.dataSource, organizationId);
    if (hoped ? known.some((id) => hoped.includes(id)) : known.length > 0) return known;
    return (await this.lookUp(caller, organizationId))?.umbrellaIds ?? [];
  }

  /** The fallback: asks identity once and stores the answer. Null when identity has no such organization. */
  private async lookUp(
    caller: DirectoryCaller,
    id: string,
  ): Promise<{ organization: DirectoryOrganization; umbrellaIds: string[] } | null> {
    const asked = new Date().toISOString();
    const response = await fetch(
      new URL(`/internal/organizations/${encodeURIComponent(id)}`, this.options.identityUrl),
      {
        headers: { authorization: `Bearer ${caller.token}` },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
      },
    ).catch((error: unknown) => {
      throw new DirectoryUnavailableError(id, error);
    });
    if (response.status === 404) return null;
    if (!response.ok)
      throw new DirectoryUnavailableError(id, new Error(`identity answered ${response.status}`));
    const body = (await response.json()) as IdentityAnswer;
    const organization: DirectoryOrganization = {
      id: body.id,
      name: body.name,
      kind: body.kind,
      size: body.size ?? null,
      region: body.region ?? null,
      sector: body.sector ?? null,
      verified: body.verified ?? false,
    };
    if (!body.umbrellaIds) throw new DirectoryUnavailableError(id, new Error('identity named no umbrellas'));
    const umbrellaIds = [...body.umbrellaIds];
    await this.dataSource.transaction((manager) =>
      this.readModel.store(manager, organization, umbrellaIds, asked),
    );
    return { organization, umbrellaIds };
  }
}
