// Checks the skills a need or a profile names: known, a skill (not a group), each once, level 1..4.
// Ids are Lattice skill ids; an ESCO or Skills for Success URI is accepted in their place.
import { isUuid } from '@lattice/shared-graphql';
import type { MarketplaceRepository, SkillRow } from '@lattice/marketplace-data-access';
import { MarketplaceErrors } from './marketplace.errors';

export interface SkillLevelInput {
  readonly skillId: string;
  readonly level: number;
}

export const MAX_SKILLS = 30;

export async function resolveSkillLevels(
  repository: MarketplaceRepository,
  items: readonly SkillLevelInput[],
): Promise<Array<{ skill: SkillRow; level: number }>> {
  if (items.length === 0)
    throw MarketplaceErrors.of('NO_SKILLS', 'Name at least one skill.', { field: 'skills' });
  if (items.length > MAX_SKILLS)
    throw MarketplaceErrors.of('INVALID_INPUT', `Name at most ${MAX_SKILLS} skills.`, { field: 'skills' });
  for (const item of items) {
    if (!Number.isInteger(item.level) || item.level < 1 || item.level > 4) {
      throw MarketplaceErrors.of('INVALID_LEVEL', `Levels go from 1 to 4; ${item.level} is out of range.`, {
        field: 'skills.level',
        skillId: item.skillId,
      });
    }
  }
  const ids = items.filter((i) => isUuid(i.skillId)).map((i) => i.skillId.toLowerCase());
  const uris = items.filter((i) => !isUuid(i.skillId)).map((i) => i.skillId);
  const [byId, byUri] = await Promise.all([
    ids.length ? repository.skillsByIds(ids) : [],
    uris.length ? repository.skillsByUris(uris) : [],
  ]);
  const found = new Map<string, SkillRow>([
    ...byId.map((s) => [s.id, s] as const),
    ...byUri.map((s) => [s.uri, s] as const),
  ]);
  const seen = new Set<string>();
  return items.map((item) => {
    const skill = found.get(isUuid(item.skillId) ? item.skillId.toLowerCase() : item.skillId);
    if (!skill)
      throw MarketplaceErrors.of(
        'UNKNOWN_SKILL',
        `"${item.skillId.slice(0, 120)}" is not an ESCO or Skills for Success skill Lattice knows.`,
        { field: 'skills.skillId', skillId: item.skillId.slice(0, 120) },
      );
    if (skill.kind === 'SKILL_GROUP')
      throw MarketplaceErrors.of(
        'NOT_A_SKILL',
        `"${skill.labelEn}" is a skill group; name the skills in it.`,
        { field: 'skills.skillId', skillId: skill.id },
      );
    if (seen.has(skill.id))
      throw MarketplaceErrors.of('DUPLICATE_SKILL', `"${skill.labelEn}" is named twice.`, {
        field: 'skills.skillId',
        skillId: skill.id,
      });
    seen.add(skill.id);
    return { skill, level: item.level };
  });
}
