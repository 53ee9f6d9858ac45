import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { regionAndDescendants } from '@lattice/shared-util-regions';
import { CapabilityProfileEntity, MARKETPLACE_SCHEMA, MarketplaceRepository, ProfileSkillEntity } from '@lattice/marketplace-data-access';
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
      throw MarketplaceErrors.of('NOT_AN_INSTITUTION', `${organization.name} is not an institution; only institutions publish capability profiles.`, { field: 'organizationId' });
    }
    if (command.regions.length === 0) throw MarketplaceErrors.of('INVALID_REGION', 'Name at least one region served.', { field: 'regions' });
    const regions = [...new Set(command.regions.map((region) => requireRegion(region, 'regions')))];
    const skills = await resolveSkillLevels(this.repository, command.skills);
    const regionCover = [...new Set(regions.flatMap((region) => regionAndDescendants(region)))];
    return inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager }) => {
      await manager.query(
        `INSERT INTO "marketplace"."capability_profiles" ("organization_id", "regions", "region_cover", "delivery_modes", "annual_capacity", "updated_by")
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ("organization_id") DO UPDATE SET "regions" = EXCLUDED."regions", "region_cover" = EXCLUDED."region_cover",
           "delivery_modes" = EXCLUDED."delivery_modes", "annual_capacity" = EXCLUDED."annual_capacity",
           "updated_by" = EXCLUDED."updated_by", "updated_at" = now(), "version" = "capability_profiles"."version" + 1`,
        [organization.id, regions, regionCover, [...new Set(command.deliveryModes)], command.annualCapacity, principal.userId],
      );
      await manager.delete(ProfileSkillEntity, { organizationId: organization.id });
      await manager.insert(ProfileSkillEntity, skills.map(({ skill, level }) => ({ organizationId: organization.id, skillId: skill.id, level })));
      // The groups the profile reaches into, for related-skill candidates (see the migration).
      await manager.query(`DELETE FROM "marketplace"."profile_groups" WHERE "organization_id" = $1`, [organization.id]);
      await manager.query(
        `INSERT INTO "marketplace"."profile_groups" ("organization_id", "group_id")
         SELECT DISTINCT $1::uuid, sg."group_id" FROM "marketplace"."skill_groups" sg
          WHERE sg."skill_id" = ANY($2::uuid[]) AND sg."level" >= $3`,
        [organization.id, skills.map(({ skill }) => skill.id), RELATED_GROUP_MIN_LEVEL],
      );
      return manager.findOneByOrFail(CapabilityProfileEntity, { organizationId: organization.id });
    });
  }
}
