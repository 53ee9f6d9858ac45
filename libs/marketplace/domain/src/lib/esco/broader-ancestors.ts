// Ancestors in the ESCO skills pillar, for "related skill" partial credit: a need for one skill is
// partly met by another that sits under the same skill group.
import { BroaderMap, EscoConceptType } from './esco-skill.model';

/**
 * The four tops of the ESCO v1.2 skills pillar. Nearly every skill descends from one of them, so
 * sharing a root says nothing about relatedness and `sharedBroaderGroups` ignores them.
 */
export const ESCO_SKILL_PILLAR_ROOT_URIS: ReadonlySet<string> = new Set([
  'http://data.europa.eu/esco/skill/335228d2-297d-4e0e-a6ee-bc6a8dc110d9', // skills
  'http://data.europa.eu/esco/skill/c46fcb45-5c14-4ffa-abed-5a43f104bb22', // knowledge
  'http://data.europa.eu/esco/skill/04a13491-b58c-4d33-8b59-8fad0d55fe9e', // transversal skills and competences
  'http://data.europa.eu/esco/skill/e35a5936-091d-4e87-bafe-f264e55bd656', // language skills and knowledge
]);

export interface BroaderOptions {
  /**
   * Keeps only skill groups in the result. Without it, broader skills count too (6,463 of ESCO's
   * edges go skill → skill, e.g. Haskell → computer programming); they are walked through either way.
   */
  isSkillGroup?: (uri: string) => boolean;
  /** URIs left out of the result (still walked through). */
  ignore?: ReadonlySet<string>;
}

/**
 * Every concept above `skillUri`, up to and including the pillar root, nearest first. A skill may
 * have several broader concepts, so this is a set, not a path; cycles are tolerated.
 */
export function broaderAncestors(
  skillUri: string,
  broader: BroaderMap,
  options: BroaderOptions = {},
): Set<string> {
  const visited = new Set<string>([skillUri]);
  const ancestors = new Set<string>();
  let frontier = [skillUri];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const uri of frontier) {
      for (const broaderUri of broader.get(uri) ?? []) {
        if (visited.has(broaderUri)) continue;
        visited.add(broaderUri);
        next.push(broaderUri);
        if (keeps(broaderUri, options)) ancestors.add(broaderUri);
      }
    }
    frontier = next;
  }
  return ancestors;
}

/** The union of the ancestors of several skills: the groups a capability profile reaches into. */
export function relatedByBroader(
  skillUris: Iterable<string>,
  broader: BroaderMap,
  options: BroaderOptions = {},
): Set<string> {
  const related = new Set<string>();
  for (const skillUri of skillUris) {
    for (const ancestor of broaderAncestors(skillUri, broader, options)) related.add(ancestor);
  }
  return related;
}

/**
 * The skill groups two skills have in common below the pillar roots; empty when they are unrelated.
 * The roots are ignored unless `options.ignore` says otherwise.
 */
export function sharedBroaderGroups(
  skillUri: string,
  otherSkillUri: string,
  broader: BroaderMap,
  options: BroaderOptions = {},
): Set<string> {
  const effective = { ...options, ignore: options.ignore ?? ESCO_SKILL_PILLAR_ROOT_URIS };
  const other = broaderAncestors(otherSkillUri, broader, effective);
  const shared = new Set<string>();
  for (const ancestor of broaderAncestors(skillUri, broader, effective)) {
    if (other.has(ancestor)) shared.add(ancestor);
  }
  return shared;
}

/** The `isSkillGroup` option for a catalog: `broaderAncestors(uri, catalog.broader, { isSkillGroup: isSkillGroupIn(catalog.conceptTypes) })`. */
export function isSkillGroupIn(conceptTypes: ReadonlyMap<string, EscoConceptType>): (uri: string) => boolean {
  return (uri) => conceptTypes.get(uri) === 'SkillGroup';
}

function keeps(uri: string, options: BroaderOptions): boolean {
  if (options.ignore?.has(uri)) return false;
  return options.isSkillGroup ? options.isSkillGroup(uri) : true;
}
