// The request's batched reads of marketplace data: one SQL statement per kind of reference.
import { byKeys, groupByKeys, type LoaderRegistry } from '@lattice/shared-graphql';
import type {
  LeveledSkill,
  MarketplaceRepository,
  SkillNeedEntity,
  SkillRow,
} from '@lattice/marketplace-data-access';

export function marketplaceLoaders(loaders: LoaderRegistry, repository: MarketplaceRepository) {
  return {
    skill: loaders.get<string, SkillRow | null>('marketplace.skill', async (ids) =>
      byKeys(ids, await repository.skillsByIds(ids), (s) => s.id),
    ),
    broader: loaders.get<string, SkillRow[]>('marketplace.broader', async (ids) =>
      groupByKeys(ids, await repository.related('broader', ids), (s) => s.ownerId),
    ),
    narrower: loaders.get<string, SkillRow[]>('marketplace.narrower', async (ids) =>
      groupByKeys(ids, await repository.related('narrower', ids), (s) => s.ownerId),
    ),
    need: loaders.get<string, SkillNeedEntity | null>('marketplace.need', async (ids) =>
      byKeys(ids, await repository.needsByIds(ids), (n) => n.id),
    ),
    needSkills: loaders.get<string, LeveledSkill[]>('marketplace.needSkills', async (ids) =>
      groupByKeys(ids, await repository.needSkills(ids), (s) => s.ownerId),
    ),
    profileSkills: loaders.get<string, LeveledSkill[]>('marketplace.profileSkills', async (ids) =>
      groupByKeys(ids, await repository.profileSkills(ids), (s) => s.ownerId),
    ),
  };
}

export type MarketplaceLoaders = ReturnType<typeof marketplaceLoaders>;

/** Skills with levels, their skills read in one batch. */
export async function withSkills(
  loaders: MarketplaceLoaders,
  rows: readonly LeveledSkill[],
): Promise<Array<{ skill: SkillRow; level: number }>> {
  const skills = await loaders.skill.loadMany(rows.map((r) => r.skillId));
  return rows.flatMap((row, i) => {
    const skill = skills[i];
    return skill && !(skill instanceof Error) ? [{ skill, level: row.level }] : [];
  });
}
