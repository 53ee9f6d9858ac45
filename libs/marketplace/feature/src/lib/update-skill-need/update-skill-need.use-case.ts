import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { regionAndAncestors } from '@lattice/shared-util-regions';
import {
  deleteNeedSkills,
  insertNeedSkills,
  lockNeed,
  MARKETPLACE_SCHEMA,
  MarketplaceRepository,
  needById,
  needByIdOrFail,
  type SkillNeedEntity,
  updateNeed,
} from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from '../shared/marketplace.errors';
import { requireRegion } from '../shared/regions';
import { requireNeededByNotPast } from '../shared/needed-by';
import { resolveSkillLevels, type SkillLevelInput } from '../shared/skill-references';
import { type CareerStage, type DeliveryMode } from '@lattice/shared-contracts';

export interface UpdateSkillNeedCommand {
  readonly title?: string | null;
  readonly description?: string | null;
  readonly skills?: readonly SkillLevelInput[] | null;
  readonly region?: string | null;
  readonly deliveryModes?: readonly DeliveryMode[] | null;
  readonly learnerCount?: number | null;
  readonly careerStage?: CareerStage | null;
  readonly neededBy?: string | null;
}

/** Changes an open need; `expectedVersion`, when given, refuses a change made on a stale copy. */
@Injectable()
export class UpdateSkillNeedUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: MarketplaceRepository,
  ) {}

  async execute(
    principal: Principal,
    id: string,
    command: UpdateSkillNeedCommand,
    expectedVersion: number | null,
  ): Promise<SkillNeedEntity> {
    const current = await needById(this.dataSource.manager, id);
    if (!current) throw MarketplaceErrors.of('NEED_NOT_FOUND', 'No such skill need.', { needId: id });
    await this.authorizer.requireRole(principal, current.organizationId, 'MEMBER');
    if (command.title !== undefined && command.title !== null && command.title.trim().length < 3) {
      throw MarketplaceErrors.of('INVALID_INPUT', 'title must be 3 to 200 characters', { field: 'title' });
    }
    const region = command.region ? requireRegion(command.region, 'region') : null;
    const skills = command.skills ? await resolveSkillLevels(this.repository, command.skills) : null;
    return inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager }) => {
      const locked = await lockNeed(manager, id);
      if (locked.status !== 'OPEN')
        throw MarketplaceErrors.of('NEED_CLOSED', 'This need is closed; it can no longer change.');
      if (expectedVersion !== null && locked.version !== expectedVersion) {
        throw MarketplaceErrors.of(
          'STALE_NEED',
          `This need changed since you loaded it (version ${locked.version}, you had ${expectedVersion}).`,
          { version: locked.version },
        );
      }
      // A new date must not be past; a date that passed since it was set may stay while other fields change.
      if (command.neededBy !== undefined && command.neededBy !== locked.neededBy)
        requireNeededByNotPast(command.neededBy);
      await updateNeed(manager, id, {
        ...(command.title != null && { title: command.title.trim() }),
        ...(command.description !== undefined && { description: command.description?.trim() || null }),
        ...(region && { region, regionWithin: regionAndAncestors(region) }),
        ...(command.deliveryModes && { deliveryModes: [...new Set(command.deliveryModes)] }),
        ...(command.learnerCount != null && { learnerCount: command.learnerCount }),
        ...(command.careerStage && { careerStage: command.careerStage }),
        ...(command.neededBy !== undefined && { neededBy: command.neededBy }),
        updatedAt: new Date(),
        version: locked.version + 1,
      });
      if (skills) {
        await deleteNeedSkills(manager, id);
        await insertNeedSkills(
          manager,
          id,
          skills.map(({ skill, level }) => ({ skillId: skill.id, level })),
        );
      }
      return needByIdOrFail(manager, id);
    });
  }
}
