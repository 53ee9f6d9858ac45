import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { regionAndDescendants } from '@lattice/shared-util-regions';
import {
  type CapabilityProfileEntity,
  capabilityProfileOfOrFail,
  deleteProfileGroups,
  deleteProfileSkills,
  insertProfileGroups,
  insertProfileSkills,
  MARKETPLACE_SCHEMA,
  MarketplaceRepository,
  upsertCapabilityProfile,
} from '@lattice/marketplace-data-access';
import { RELATED_GROUP_MIN_LEVEL } from '@lattice/marketplace-domain';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { OrganizationDirectory } from '../shared/organization-directory';
import { requireRegion } from '../shared/regions';
import { resolveSkillLevels, type SkillLevelInput } from '../shared/skill-references';
import { type DeliveryMode } from '@lattice/shared-contracts';

export interface CapabilityProfileCommand {
  readonly organizationId: string;
  readonly skills: readonly SkillLevelInput[];
  readonly regions: readonly string[];
  readonly deliveryModes: readonly DeliveryMode[];
  readonly annualCapacity: number;
}

/** What an institution can teach, where, how and for how many; replaces the previous profile. */
@Injectable()
export class UpsertCapabilityProfileUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly directory: OrganizationDirectory,
    private readonly repository: MarketplaceRepository,
  ) {}

  async execute(principal: Principal, command: CapabilityProfileCommand): Promise<CapabilityProfileEntity> {
    await this.authorizer.requireRole(principal, command.organizationId, 'ADMIN');
    const organization = await this.directory.require(principal, command.organizationId);
    if (organization.kind !== 'INSTITUTION') {
      throw MarketplaceErrors.of(
        'NOT_AN_INSTITUTION',
        `${organization.name} is not an institution; only institutions publish capability profiles.`,
        { field: 'organizationId' },
      );
    }
    if (command.regions.length === 0)
      throw MarketplaceErrors.of('INVALID_REGION', 'Name at least one region served.', { field: 'regions' });
    const regions = [...new Set(command.regions.map((region) => requireRegion(region, 'regions')))];
    const skills = await resolveSkillLevels(this.repository, command.skills);
    const regionCover = [...new Set(regions.flatMap((region) => regionAndDescendants(region)))];
    return inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager }) => {
      await upsertCapabilityProfile(manager, {
        organizationId: organization.id,
        regions,
        regionCover,
        deliveryModes: [...new Set(command.deliveryModes)],
        annualCapacity: command.annualCapacity,
        updatedBy: principal.userId,
      });
      await deleteProfileSkills(manager, organization.id);
      await insertProfileSkills(
        manager,
        organization.id,
        skills.map(({ skill, level }) => ({ skillId: skill.id, level })),
      );
      // The groups the profile reaches into, for related-skill candidates (see the migration).
      await deleteProfileGroups(manager, organization.id);
      await insertProfileGroups(
        manager,
        organization.id,
        skills.map(({ skill }) => skill.id),
        RELATED_GROUP_MIN_LEVEL,
      );
      return capabilityProfileOfOrFail(manager, organization.id);
    });
  }
}
