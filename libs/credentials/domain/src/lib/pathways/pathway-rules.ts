// Pathways: a larger credential or program earned by completing published micro-credentials —
// all of them or n of them, optionally in order, each optionally with a minimum score. These are
// the rules for a definition and for a learner's progress; storage and who may define are the
// use cases'.
import { CredentialsErrors } from '../credentials.errors';

export const PATHWAY_RULES = ['ALL_OF', 'N_OF'] as const;
export type PathwayRule = (typeof PATHWAY_RULES)[number];
export const MAX_PATHWAY_MEMBERS = 50;
export const MAX_PATHWAY_TITLE = 200;
export const MAX_PATHWAY_DESCRIPTION = 2000;

export interface PathwayMemberDefinition {
  readonly credentialId: string;
  /** Percent, 0..100; null: any passing award counts. */
  readonly minScore: number | null;
}

export interface PathwayDefinition {
  readonly title: string;
  readonly description: string | null;
  readonly rule: PathwayRule;
  /** N_OF: how many members complete it; ALL_OF: ignored (all of them). */
  readonly requiredCount: number | null;
  /** Members must be earned in the order given. */
  readonly ordered: boolean;
  readonly members: readonly PathwayMemberDefinition[];
  readonly targetCredentialId: string | null;
}

/** The definition with its required count settled; throws INVALID_PATHWAY naming the field. */
export function checkPathwayDefinition(
  definition: PathwayDefinition,
): PathwayDefinition & { readonly requiredCount: number } {
  const invalid = (field: string, message: string) =>
    CredentialsErrors.of('INVALID_PATHWAY', message, { field });
  const title = definition.title.trim();
  if (!title || title.length > MAX_PATHWAY_TITLE)
    throw invalid('title', `A pathway needs a title of 1 to ${MAX_PATHWAY_TITLE} characters.`);
  if (definition.description && definition.description.length > MAX_PATHWAY_DESCRIPTION)
    throw invalid('description', `At most ${MAX_PATHWAY_DESCRIPTION} characters.`);
  const count = definition.members.length;
  if (count < 1 || count > MAX_PATHWAY_MEMBERS)
    throw invalid('members', `A pathway has 1 to ${MAX_PATHWAY_MEMBERS} credentials.`);
  const ids = definition.members.map((member) => member.credentialId.toLowerCase());
  if (new Set(ids).size !== ids.length)
    throw invalid('members', 'A credential appears twice in this pathway.');
  for (const member of definition.members) {
    if (
      member.minScore !== null &&
      !(Number.isFinite(member.minScore) && member.minScore >= 0 && member.minScore <= 100)
    ) {
      throw invalid('members.minScore', 'A minimum score is a percent from 0 to 100.');
    }
  }
  if (definition.targetCredentialId && ids.includes(definition.targetCredentialId.toLowerCase())) {
    throw CredentialsErrors.of(
      'PATHWAY_CYCLE',
      'The credential a pathway leads to cannot be one of its own steps.',
      { field: 'targetCredentialId' },
    );
  }
  let requiredCount = count;
  if (definition.rule === 'N_OF') {
    const n = definition.requiredCount;
    if (n === null || !Number.isInteger(n) || n < 1 || n > count)
      throw invalid('requiredCount', `"n of" needs n from 1 to the number of credentials (${count}).`);
    requiredCount = n;
  }
  return { ...definition, title, description: definition.description?.trim() || null, requiredCount };
}

/** What the learner holds of one member: their best standing score and when they first earned it. */
export interface HeldMember {
  readonly credentialId: string;
  readonly position: number;
  readonly minScore: number | null;
  /** Null when the learner holds no standing award of it. */
  readonly bestScore: number | null;
  readonly earnedAt: Date | null;
}

export type MemberStatus = 'EARNED' | 'NOT_EARNED' | 'SCORE_BELOW_MINIMUM' | 'OUT_OF_ORDER';

export interface PathwayProgress {
  readonly earned: number;
  readonly required: number;
  readonly complete: boolean;
  readonly members: readonly { readonly credentialId: string; readonly status: MemberStatus }[];
}

/**
 * A learner's progress. A member counts when the learner holds a standing award of it with at
 * least its minimum score; in an ordered pathway, also only when it was earned no earlier than the
 * counted members before it (so "n of, in order" counts any n earned in the pathway's order).
 */
export function pathwayProgress(
  rule: { readonly requiredCount: number; readonly ordered: boolean },
  held: readonly HeldMember[],
): PathwayProgress {
  const members: { credentialId: string; status: MemberStatus }[] = [];
  let previousEarnedAt: Date | null = null;
  for (const member of [...held].sort((a, b) => a.position - b.position)) {
    let status: MemberStatus;
    if (member.bestScore === null || member.earnedAt === null) status = 'NOT_EARNED';
    else if (member.minScore !== null && member.bestScore < member.minScore) status = 'SCORE_BELOW_MINIMUM';
    else if (rule.ordered && previousEarnedAt !== null && member.earnedAt < previousEarnedAt)
      status = 'OUT_OF_ORDER';
    else status = 'EARNED';
    if (status === 'EARNED') previousEarnedAt = member.earnedAt;
    members.push({ credentialId: member.credentialId, status });
  }
  const earned = members.filter((member) => member.status === 'EARNED').length;
  return { earned, required: rule.requiredCount, complete: earned >= rule.requiredCount, members };
}
