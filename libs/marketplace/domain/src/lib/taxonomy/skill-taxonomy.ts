// Turns an ESCO catalog plus Skills for Success into the rows the marketplace stores: one row per
// labelled concept, the nearest labelled broader concepts of each, and every skill group each
// skill sits under (walking through unlabelled concepts, so a partial export keeps its paths).
import { broaderAncestors, ESCO_SKILL_PILLAR_ROOT_URIS } from '../esco/broader-ancestors';
import type { EscoCatalog } from '../esco/esco-skill.model';
import { SKILLS_FOR_SUCCESS } from '../skills-for-success/skills-for-success.data';
import { skillIdForUri } from '@lattice/shared-esco';
import { RELATED_GROUP_MIN_LEVEL, skillGroupLevel } from './skill-identity';

export type SkillFramework = 'ESCO' | 'SFS';
export type SkillKind = 'SKILL' | 'KNOWLEDGE' | 'SKILL_GROUP';

export interface TaxonomySkill {
  id: string;
  uri: string;
  framework: SkillFramework;
  kind: SkillKind;
  code: string | null;
  labelEn: string;
  labelFr: string | null;
  altLabelsEn: string[];
  altLabelsFr: string[];
  descriptionEn: string | null;
  descriptionFr: string | null;
  skillType: string | null;
  reuseLevel: string | null;
  collections: string[];
  /** Every label in both languages: what typo-tolerant search runs over. */
  searchText: string;
}

export interface TaxonomyGroupLink {
  skillId: string;
  groupId: string;
  level: number;
  /** The skill's most specific groups (deepest level): "related" means sharing one of these. */
  nearest: boolean;
}

export interface SkillTaxonomy {
  skills: TaxonomySkill[];
  broader: Array<{ skillId: string; broaderId: string }>;
  groups: TaxonomyGroupLink[];
}

/** Skills for Success are matched as level-2 groups of the ESCO skills mapped to them. */
export const SKILLS_FOR_SUCCESS_GROUP_LEVEL = 2;

export function buildSkillTaxonomy(catalog: EscoCatalog): SkillTaxonomy {
  const skills: TaxonomySkill[] = [];
  const labelled = new Set<string>();
  for (const concept of catalog.skills.values()) {
    labelled.add(concept.uri);
    const en = concept.labels.en;
    const fr = concept.labels.fr;
    const kind: SkillKind =
      concept.conceptType === 'SkillGroup'
        ? 'SKILL_GROUP'
        : concept.skillType === 'knowledge'
          ? 'KNOWLEDGE'
          : 'SKILL';
    const labelEn = en?.preferred ?? concept.preferredLabel;
    const altLabelsEn = en?.alt ?? (fr ? [] : concept.altLabels);
    const altLabelsFr = fr?.alt ?? [];
    skills.push({
      id: skillIdForUri(concept.uri),
      uri: concept.uri,
      framework: 'ESCO',
      kind,
      code: concept.code ?? null,
      labelEn,
      labelFr: fr?.preferred ?? null,
      altLabelsEn,
      altLabelsFr,
      descriptionEn: en?.description ?? concept.description ?? null,
      descriptionFr: fr?.description ?? null,
      skillType: concept.skillType ?? null,
      reuseLevel: concept.reuseLevel ?? null,
      collections: [...concept.collections].sort(),
      searchText: searchTextOf([labelEn, ...altLabelsEn, fr?.preferred, ...altLabelsFr]),
    });
  }

  const broader: SkillTaxonomy['broader'] = [];
  const groups: TaxonomyGroupLink[] = [];
  const isGroup = (uri: string) =>
    catalog.conceptTypes.get(uri) === 'SkillGroup' || catalog.skills.get(uri)?.conceptType === 'SkillGroup';
  for (const concept of catalog.skills.values()) {
    const id = skillIdForUri(concept.uri);
    for (const parent of nearestLabelledBroader(concept.uri, catalog, labelled))
      broader.push({ skillId: id, broaderId: skillIdForUri(parent) });
    if (concept.conceptType === 'SkillGroup') continue;
    const links = [
      ...broaderAncestors(concept.uri, catalog.broader, {
        isSkillGroup: isGroup,
        ignore: ESCO_SKILL_PILLAR_ROOT_URIS,
      }),
    ]
      .filter((group) => labelled.has(group))
      .map((group) => ({
        skillId: id,
        groupId: skillIdForUri(group),
        level: skillGroupLevel(catalog.skills.get(group)?.code),
      }));
    const deepest = Math.max(0, ...links.map((link) => link.level));
    for (const link of links)
      groups.push({ ...link, nearest: link.level === deepest && deepest >= RELATED_GROUP_MIN_LEVEL });
  }

  for (const sfs of SKILLS_FOR_SUCCESS) {
    const id = skillIdForUri(sfs.uri);
    skills.push({
      id,
      uri: sfs.uri,
      framework: 'SFS',
      kind: 'SKILL',
      code: null,
      labelEn: sfs.labels.en,
      labelFr: sfs.labels.fr,
      altLabelsEn: [],
      altLabelsFr: [],
      descriptionEn: sfs.descriptions.en,
      descriptionFr: sfs.descriptions.fr,
      skillType: 'skill/competence',
      reuseLevel: 'transversal',
      collections: ['skills-for-success'],
      searchText: searchTextOf([sfs.labels.en, sfs.labels.fr]),
    });
    groups.push({ skillId: id, groupId: id, level: SKILLS_FOR_SUCCESS_GROUP_LEVEL, nearest: true });
    for (const related of sfs.relatedEscoSkills) {
      if (!labelled.has(related.uri)) continue;
      groups.push({
        skillId: skillIdForUri(related.uri),
        groupId: id,
        level: SKILLS_FOR_SUCCESS_GROUP_LEVEL,
        nearest: true,
      });
    }
  }
  return { skills, broader, groups };
}

/** The closest broader concepts that carry a label, looking through unlabelled ones. */
function nearestLabelledBroader(uri: string, catalog: EscoCatalog, labelled: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const visited = new Set<string>([uri]);
  let frontier = [...(catalog.broader.get(uri) ?? [])];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const parent of frontier) {
      if (visited.has(parent)) continue;
      visited.add(parent);
      if (labelled.has(parent)) found.add(parent);
      else next.push(...(catalog.broader.get(parent) ?? []));
    }
    frontier = next;
  }
  return [...found];
}

function searchTextOf(labels: Array<string | null | undefined>): string {
  return [
    ...new Set(
      labels
        .filter((label): label is string => !!label && label.trim().length > 0)
        .map((label) => label.trim()),
    ),
  ].join(' | ');
}
