// The skills behind a design's competencies (Lattice skill ids), asked of the marketplace
// (GET /internal/skills?ids=…, authenticated by the caller's own token), so an awarded achievement
// carries its ESCO and Skills for Success alignments. Credentials cannot read the marketplace's
// tables; it asks over HTTP like it asks identity for organizations.
import { Logger } from '@nestjs/common';
import type { Principal } from '@lattice/shared-auth';
import type { SkillAlignmentInput } from '@lattice/credentials-openbadges';

export interface CatalogSkill {
  readonly id: string;
  readonly uri: string;
  readonly label: string;
  readonly framework: 'ESCO' | 'SFS';
}

/** The marketplace's limit per request. */
export const MAX_SKILL_LOOKUP = 200;
export const SKILL_LOOKUP_TIMEOUT_MS = 3_000;

export abstract class SkillCatalog {
  /** The skills among these ids the marketplace knows (unknown ids are left out); throws when it cannot say. */
  abstract find(principal: Principal, ids: readonly string[]): Promise<CatalogSkill[]>;
}

export class MarketplaceSkillCatalog extends SkillCatalog {
  constructor(private readonly marketplaceUrl: string) {
    super();
  }

  async find(principal: Principal, ids: readonly string[]): Promise<CatalogSkill[]> {
    const unique = [...new Set(ids)];
    const found: CatalogSkill[] = [];
    for (let i = 0; i < unique.length; i += MAX_SKILL_LOOKUP) {
      const url = new URL('/internal/skills', this.marketplaceUrl);
      url.searchParams.set('ids', unique.slice(i, i + MAX_SKILL_LOOKUP).join(','));
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${principal.token}` },
        signal: AbortSignal.timeout(SKILL_LOOKUP_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`marketplace answered ${response.status}`);
      found.push(...((await response.json()) as { skills: CatalogSkill[] }).skills);
    }
    return found;
  }
}

/** The alignments for a design's competencies, in the design's order; ids the catalog does not know are not aligned. */
export function skillAlignments(
  skillIds: readonly string[],
  skills: readonly CatalogSkill[],
): SkillAlignmentInput[] {
  const byId = new Map(skills.map((skill) => [skill.id.toLowerCase(), skill] as const));
  const seen = new Set<string>();
  const alignments: SkillAlignmentInput[] = [];
  for (const id of skillIds) {
    const skill = byId.get(id.toLowerCase());
    if (
      !skill ||
      seen.has(skill.id) ||
      (skill.framework !== 'ESCO' && skill.framework !== 'SFS') ||
      !isAbsoluteUrl(skill.uri)
    )
      continue;
    seen.add(skill.id);
    // The builder maps ESCO → targetFramework 'ESCO' and SFS → 'Skills for Success'; targetUrl is the concept URI.
    alignments.push({ framework: skill.framework, uri: skill.uri, name: skill.label || skill.uri });
  }
  return alignments;
}

const logger = new Logger('skill-alignments');

/**
 * The alignments for these competencies, or none when the marketplace cannot be asked: a failed
 * lookup must not fail the award, so the credential is then issued without alignments and a
 * warning is logged.
 */
export async function resolveSkillAlignments(
  catalog: SkillCatalog,
  principal: Principal,
  skillIds: readonly string[],
): Promise<SkillAlignmentInput[]> {
  if (skillIds.length === 0) return [];
  try {
    return skillAlignments(skillIds, await catalog.find(principal, skillIds));
  } catch (error) {
    logger.warn(`skill lookup failed, awarding without alignments: ${(error as Error).message}`);
    return [];
  }
}

function isAbsoluteUrl(value: string): boolean {
  try {
    return Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
}
