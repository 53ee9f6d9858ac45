// Where a skill group sits in the ESCO hierarchy. Skill ids themselves come from
// `@lattice/shared-esco` (`skillIdForUri`), which every service that names ESCO skills shares.
/**
 * A skill group's depth in the ESCO hierarchy from its code: `S1` → 1, `S1.2` → 2, `S1.2.3` → 3;
 * ISCED-F knowledge codes `06` → 1, `061` → 2, `0612` → 3. Unknown shapes count as 1.
 */
export function skillGroupLevel(code: string | undefined): number {
  if (!code) return 1;
  if (/^\d+$/.test(code)) return Math.max(1, code.length - 1);
  return code.split('.').length;
}

/** Only groups at this level or deeper can make two skills "related"; level 1 groups are too broad. */
export const RELATED_GROUP_MIN_LEVEL = 2;
