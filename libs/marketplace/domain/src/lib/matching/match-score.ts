// How well an institution fits a skill need, and why. The ranking SQL computes the same score
// from the same weights (so it can sort and cut in the database); this is the one definition
// of the formula, and it turns a ranked row's facts into the reasons a user reads.

export const MATCH_REASON_KINDS = [
  'SKILL_OVERLAP',
  'RELATED_SKILL',
  'REGION',
  'DELIVERY_MODE',
  'CAPACITY',
  'TIMELINE',
  'SMALL_INSTITUTION',
] as const;
export type MatchReasonKind = (typeof MATCH_REASON_KINDS)[number];

export interface MatchWeights {
  /** Exact skill overlap, weighted by how much of each needed level the institution reaches. */
  readonly skill: number;
  /** Partial credit for needed skills the institution does not teach but teaches a neighbour of (shared ESCO group). */
  readonly related: number;
  readonly region: number;
  readonly deliveryMode: number;
  readonly capacity: number;
  readonly timeline: number;
  /**
   * The most the exposure term can add for a capable SMALL institution. The term itself is
   * calibrated per need (the ranking SQL): the least lift that gives capable small institutions
   * their share of the first `exposureSlots` places.
   */
  readonly smallInstitution: number;
  /** What a capable small institution always gets (ties go to it). */
  readonly exposureFloor: number;
  /** The places exposure is calibrated for (the first page). */
  readonly exposureSlots: number;
  /** Skill coverage (exact + half of related) a small institution needs before the exposure term applies. */
  readonly capableCoverage: number;
  /** Days a co-developed credential takes; a need due sooner gets partial timeline credit. */
  readonly leadTimeDays: number;
}

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  skill: 0.45,
  related: 0.15,
  region: 0.15,
  deliveryMode: 0.1,
  capacity: 0.1,
  timeline: 0.05,
  smallInstitution: 0.2,
  exposureFloor: 0.001,
  exposureSlots: 10,
  capableCoverage: 0.5,
  leadTimeDays: 120,
};

/** What the ranking query knows about one need–institution pair. */
export interface MatchFacts {
  /** Needed skills, for the coverage fractions. */
  readonly neededSkills: number;
  /** Σ over exactly matched skills of min(offered level, needed level) / needed level. */
  readonly exactCredit: number;
  readonly exactSkills: number;
  /** Needed skills not taught but sharing a skill group with one that is. */
  readonly relatedSkills: number;
  /** 1 when the institution serves the need's region (or a region containing it), 0.5 when only part of it, else 0. */
  readonly regionFit: number;
  readonly deliveryOverlap: boolean;
  readonly annualCapacity: number;
  readonly learnerCount: number;
  /** Days from today to the need's date, null when it has none. */
  readonly daysUntilNeeded: number | null;
  readonly small: boolean;
  /** The calibrated exposure term the ranking gave this pair; without it, a capable small institution gets `smallInstitution`. */
  readonly exposure?: number;
}

/** A reason's parameters: numbers, a region's name, skill labels. */
export type MatchReasonParams = Readonly<Record<string, number | string | readonly string[]>>;

export interface MatchReason {
  readonly kind: MatchReasonKind;
  /** This reason's contribution to the score. */
  readonly weight: number;
  /** In English; `code` and `params` say the same as data, for an app to word in its reader's language. */
  readonly detail: string;
  /**
   * TEACHES_SKILLS (taught, needed, credit, skills), RELATED_SKILLS (count, skills), SERVES_REGION /
   * SERVES_PART_OF_REGION / DOES_NOT_SERVE_REGION (region, when named), DELIVERY_MATCHES /
   * DELIVERY_DIFFERS, CAPACITY (capacity, learners), NO_DEADLINE / DAYS_UNTIL_NEEDED (days,
   * leadDays), SMALL_INSTITUTION.
   */
  readonly code: string;
  readonly params: MatchReasonParams;
}

export interface MatchLabels {
  readonly exactSkillLabels?: readonly string[];
  readonly relatedSkillLabels?: readonly string[];
  readonly region?: string;
}

export interface ScoredMatch {
  readonly score: number;
  readonly reasons: MatchReason[];
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export function skillCoverage(
  facts: Pick<MatchFacts, 'neededSkills' | 'exactCredit' | 'relatedSkills'>,
): number {
  if (facts.neededSkills <= 0) return 0;
  return clamp01((facts.exactCredit + 0.5 * facts.relatedSkills) / facts.neededSkills);
}

export function timelineFit(daysUntilNeeded: number | null, leadTimeDays: number): number {
  if (daysUntilNeeded === null) return 1;
  return clamp01(daysUntilNeeded / leadTimeDays);
}

/** The score (0..1 plus the exposure term) and its reasons, largest first. */
export function scoreMatch(
  facts: MatchFacts,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
  labels: MatchLabels = {},
): ScoredMatch {
  const n = Math.max(1, facts.neededSkills);
  const capacityFit = facts.learnerCount <= 0 ? 1 : clamp01(facts.annualCapacity / facts.learnerCount);
  const timeline = timelineFit(facts.daysUntilNeeded, weights.leadTimeDays);
  const capable = skillCoverage(facts) >= weights.capableCoverage;
  const parts: MatchReason[] = [
    {
      kind: 'SKILL_OVERLAP',
      weight: (weights.skill * facts.exactCredit) / n,
      detail: `Teaches ${facts.exactSkills} of ${facts.neededSkills} needed skills${list(labels.exactSkillLabels)} (level-weighted credit ${round(facts.exactCredit)})`,
      code: 'TEACHES_SKILLS',
      params: {
        taught: facts.exactSkills,
        needed: facts.neededSkills,
        credit: round(facts.exactCredit),
        skills: [...(labels.exactSkillLabels ?? [])],
      },
    },
    {
      kind: 'RELATED_SKILL',
      weight: (weights.related * facts.relatedSkills) / n,
      detail: `Teaches skills in the same ESCO group as ${facts.relatedSkills} more needed skill${facts.relatedSkills === 1 ? '' : 's'}${list(labels.relatedSkillLabels)}`,
      code: 'RELATED_SKILLS',
      params: { count: facts.relatedSkills, skills: [...(labels.relatedSkillLabels ?? [])] },
    },
    {
      kind: 'REGION',
      weight: weights.region * clamp01(facts.regionFit),
      detail:
        facts.regionFit >= 1
          ? `Serves ${labels.region ?? 'the need’s region'}`
          : facts.regionFit > 0
            ? `Serves part of ${labels.region ?? 'the need’s region'}`
            : `Does not serve ${labels.region ?? 'the need’s region'}`,
      code:
        facts.regionFit >= 1
          ? 'SERVES_REGION'
          : facts.regionFit > 0
            ? 'SERVES_PART_OF_REGION'
            : 'DOES_NOT_SERVE_REGION',
      params: labels.region ? { region: labels.region } : {},
    },
    {
      kind: 'DELIVERY_MODE',
      weight: facts.deliveryOverlap ? weights.deliveryMode : 0,
      detail: facts.deliveryOverlap
        ? 'Offers a delivery mode the need accepts'
        : 'Offers none of the delivery modes the need accepts',
      code: facts.deliveryOverlap ? 'DELIVERY_MATCHES' : 'DELIVERY_DIFFERS',
      params: {},
    },
    {
      kind: 'CAPACITY',
      weight: weights.capacity * capacityFit,
      detail: `Annual capacity ${facts.annualCapacity} for ${facts.learnerCount} learners`,
      code: 'CAPACITY',
      params: { capacity: facts.annualCapacity, learners: facts.learnerCount },
    },
    {
      kind: 'TIMELINE',
      weight: weights.timeline * timeline,
      detail:
        facts.daysUntilNeeded === null
          ? 'No deadline'
          : `${Math.max(0, facts.daysUntilNeeded)} days until needed; co-development takes about ${weights.leadTimeDays}`,
      code: facts.daysUntilNeeded === null ? 'NO_DEADLINE' : 'DAYS_UNTIL_NEEDED',
      params:
        facts.daysUntilNeeded === null
          ? {}
          : { days: Math.max(0, facts.daysUntilNeeded), leadDays: weights.leadTimeDays },
    },
    {
      kind: 'SMALL_INSTITUTION',
      weight: facts.exposure ?? (facts.small && capable ? weights.smallInstitution : 0),
      detail: 'A capable small institution: given extra exposure',
      code: 'SMALL_INSTITUTION',
      params: {},
    },
  ];
  const reasons = parts
    .filter((part) => part.weight > 0 || part.kind === 'SKILL_OVERLAP' || part.kind === 'REGION')
    .map((part) => ({ ...part, weight: round(part.weight) }))
    .sort((a, b) => b.weight - a.weight);
  const score = round(parts.reduce((sum, part) => sum + part.weight, 0));
  return { score, reasons };
}

function list(labels: readonly string[] | undefined): string {
  if (!labels || labels.length === 0) return '';
  const shown = labels.slice(0, 5).join(', ');
  return `: ${shown}${labels.length > 5 ? ` and ${labels.length - 5} more` : ''}`;
}
