// Marketplace's directory of organizations (kind, size, region, sector) for authorization and
// matching. It is fed by identity's organization events through the worker
// (MarketplaceDirectoryHandlers). Decision: a user who creates an organization and posts a need
// at once can beat the event (relayed within ~200 ms), so when an organization is missing here we
// ask identity directly — GET /internal/organizations/:id, authenticated by the caller's own token
// — and upsert what it says. The event, when it lands, upserts the same facts: both paths are
// idempotent, and no request ever fails only because an event is still in flight.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { DirectoryOrganizationEntity } from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from './marketplace.errors';
import { MARKETPLACE_OPTIONS, type MarketplaceOptions } from './marketplace.options';

export interface IdentityOrganization {
  id: string;
  name: string;
  kind: string;
  size: string;
  region: string | null;
  sector: string | null;
  verified: boolean;
}

@Injectable()
export class OrganizationDirectory {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKETPLACE_OPTIONS) private readonly options: MarketplaceOptions,
  ) {}

  /** The organization, from the directory or (when missing) from identity; NOT_FOUND otherwise. */
  async require(principal: Principal, id: string): Promise<DirectoryOrganizationEntity> {
    const known = await this.dataSource.getRepository(DirectoryOrganizationEntity).findOneBy({ id });
    if (known) return known;
    const fetched = await this.fetchFromIdentity(principal, id);
    if (!fetched) throw MarketplaceErrors.of('ORGANIZATION_NOT_FOUND', 'No such organization.', { organizationId: id });
    await upsertDirectoryOrganization(this.dataSource, fetched);
    return this.dataSource.getRepository(DirectoryOrganizationEntity).findOneByOrFail({ id });
  }

  private async fetchFromIdentity(principal: Principal, id: string): Promise<IdentityOrganization | null> {
    const response = await fetch(new URL(`/internal/organizations/${encodeURIComponent(id)}`, this.options.identityUrl), {
      headers: { authorization: `Bearer ${principal.token}` },
      signal: AbortSignal.timeout(3_000),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`identity answered ${response.status} for organization ${id}`);
    return (await response.json()) as IdentityOrganization;
  }
}

type Writer = Pick<DataSource, 'query'>;

export async function upsertDirectoryOrganization(writer: Writer, organization: Omit<IdentityOrganization, 'verified'> & { verified?: boolean }): Promise<void> {
  await writer.query(
    `INSERT INTO "marketplace"."organizations" ("id", "name", "kind", "size", "region", "sector", "verified")
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "kind" = EXCLUDED."kind", "size" = EXCLUDED."size",
       "region" = EXCLUDED."region", "sector" = EXCLUDED."sector",
       "verified" = "organizations"."verified" OR EXCLUDED."verified", "updated_at" = now()`,
    [organization.id, organization.name, organization.kind, organization.size, organization.region, organization.sector, organization.verified ?? false],
  );
}
