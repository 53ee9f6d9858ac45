import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { regionAndAncestors } from '@lattice/shared-util-regions';
import {
  insertNeed,
  insertNeedSkills,
  MARKETPLACE_SCHEMA,
  MarketplaceRepository,
  needByIdOrFail,
  type SkillNeedEntity,
} from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { OrganizationDirectory } from '../shared/organization-directory';
import { requireRegion } from '../shared/regions';
import { requireNeededByNotPast } from '../shared/needed-by';
import { resolveSkillLevels, type SkillLevelInput } from '../shared/skill-references';
import { type CareerStage, type DeliveryMode } from '@lattice/shared-contracts';

export interface PostSkillNeedCommand {
  readonly organizationId: string;
  readonly title: string;
  readonly description?: string | null;
  readonly skills: readonly SkillLevelInput[];
  readonly region: string;
  readonly deliveryModes: readonly DeliveryMode[];
  readonly learnerCount: number;
  readonly careerStage: CareerStage;
  readonly neededBy?: string | null;
}

@Injectable()
export class PostSkillNeedUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly directory: OrganizationDirectory,
    private readonly repository: MarketplaceRepository,
  ) {}

  async execute(principal: Principal, command: PostSkillNeedCommand): Promise<SkillNeedEntity> {
    await this.authorizer.requireRole(principal, command.organizationId, 'MEMBER');
    const organization = await this.directory.require(principal, command.organizationId);
    if (organization.kind !== 'EMPLOYER')
      throw MarketplaceErrors.of(
        'NOT_AN_EMPLOYER',
        `${organization.name} is not an employer; only employers post skill needs.`,
        { field: 'organizationId' },
      );
    const region = requireRegion(command.region, 'region');
    requireNeededByNotPast(command.neededBy);
    const skills = await resolveSkillLevels(this.repository, command.skills);
    return inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager, emit }) => {
      const id = randomUUID();
      await insertNeed(manager, {
        id,
        organizationId: organization.id,
        title: command.title.trim(),
        description: command.description?.trim() || null,
        region,
        regionWithin: regionAndAncestors(region),
        sector: organization.sector,
        deliveryModes: [...new Set(command.deliveryModes)],
        learnerCount: command.learnerCount,
        careerStage: command.careerStage,
        neededBy: command.neededBy ?? null,
        status: 'OPEN',
        createdBy: principal.userId,
        updatedAt: new Date(),
        closedAt: null,
        version: 1,
      });
      await insertNeedSkills(
        manager,
        id,
        skills.map(({ skill, level }) => ({ skillId: skill.id, level })),
      );
      emit({
        type: 'marketplace.need.posted',
        actorId: principal.userId,
        payload: {
          needId: id,
          organizationId: organization.id,
          title: command.title.trim(),
          region,
          skillIds: skills.map(({ skill }) => skill.id),
          learnerCount: command.learnerCount,
        },
      });
      return needByIdOrFail(manager, id);
    });
  }
}
