// Marketplace's facts about organizations (kind, size, region, sector) come from the one
// directory of organizations (ADR 0011, libs/shared/organization-directory): its copy in the
// marketplace schema, fed by identity's events in the worker, with identity asked directly when
// an organization created a moment ago is not in the copy yet. This names marketplace's tables
// and turns "no such organization" into marketplace's coded error.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import {
  type DirectoryOrganization,
  type DirectoryTables,
  OrganizationDirectory as SharedDirectory,
} from '@lattice/shared-organization-directory';
import { MARKETPLACE_SCHEMA } from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from './marketplace.errors';
import { MARKETPLACE_OPTIONS, type MarketplaceOptions } from './marketplace.options';

/** Marketplace's copy: its tables predate the shared directory and keep their names. */
export const MARKETPLACE_DIRECTORY_TABLES: DirectoryTables = {
  schema: MARKETPLACE_SCHEMA,
  organizations: 'organizations',
  umbrellaMembers: 'umbrella_members',
  processedEvents: 'processed_events',
};

@Injectable()
export class OrganizationDirectory {
  readonly directory: SharedDirectory;

  constructor(dataSource: DataSource, @Inject(MARKETPLACE_OPTIONS) options: MarketplaceOptions) {
    this.directory = new SharedDirectory(dataSource, MARKETPLACE_DIRECTORY_TABLES, {
      identityUrl: options.identityUrl,
    });
  }

  /** The organization, from the copy or (when missing) from identity; ORGANIZATION_NOT_FOUND otherwise. */
  async require(principal: Principal, id: string): Promise<DirectoryOrganization> {
    const found = await this.directory.find(principal, id);
    if (!found)
      throw MarketplaceErrors.of('ORGANIZATION_NOT_FOUND', 'No such organization.', { organizationId: id });
    return found;
  }
}
