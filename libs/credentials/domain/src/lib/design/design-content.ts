// What a credential design says: every element of the six-element framework plus the assessment
// plan, as plain data. A version snapshot is exactly this object, so diffs and compliance checks
// read the same shape the editor writes.
import {
  ASSESSMENT_METHODS,
  type AssessmentMethod,
  CAREER_STAGES,
  type CareerStage,
  DELIVERY_MODES,
  type DeliveryMode,
  OUTCOME_KINDS,
  type OutcomeKind,
} from '@lattice/shared-contracts';
import { CredentialsErrors } from '../credentials.errors';

export const DESIGN_LANGUAGES = ['en', 'fr'] as const;
export type DesignLanguage = (typeof DESIGN_LANGUAGES)[number];

export interface Competency {
  readonly skillId: string;
}

export interface LearningOutcome {
  readonly statement: string;
  readonly kind: OutcomeKind;
  /** Each must be one of the design's competencies. */
  readonly skillIds: readonly string[];
}

export interface AssessmentPlan {
  readonly methods: readonly AssessmentMethod[];
  /** Percent, 0..100 (the pilots often used 90). */
  readonly masteryThreshold: number | null;
  /** At least 1. */
  readonly attemptsAllowed: number | null;
  /** The assessment mirrors real work. */
  readonly authentic: boolean | null;
  readonly evidenceVisibleToEmployers: boolean | null;
  readonly evidenceRequirements: string | null;
}

export interface DesignContent {
  readonly title: string;
  readonly description: string | null;
  /** The framework version (a frameworks row) the design is built against. */
  readonly frameworkId: string;
  /** The marketplace partnership it came from, kept as an opaque id (the marketplace owns it). */
  readonly partnershipId: string | null;
  /** Partner organizations besides the issuer (employers, umbrellas, community); each must approve. */
  readonly partnerIds: readonly string[];
  readonly competencies: readonly Competency[];
  readonly outcomes: readonly LearningOutcome[];
  readonly assessment: AssessmentPlan;
  readonly hours: number | null;
  readonly weeks: number | null;
  readonly deliveryMode: DeliveryMode | null;
  readonly credit: boolean | null;
  readonly transcriptable: boolean | null;
  /** Pathways (programs, larger credentials) this one stacks into. */
  readonly stackableInto: readonly string[];
  readonly careerStage: CareerStage | null;
  /** Canadian dollars. */
  readonly price: number | null;
  readonly language: DesignLanguage;
  /** Qualifications-framework level, e.g. "EQF 5", when one applies. */
  readonly level: string | null;
  /** How the issuer assures quality (EU standard element). */
  readonly qualityAssurance: string | null;
  /** Evidence that employers or the community need it (NZQA). */
  readonly evidenceOfNeed: string | null;
  /** The issuer commits to reviewing it every year (NZQA). */
  readonly annualReview: boolean | null;
}

export const EMPTY_ASSESSMENT: AssessmentPlan = {
  methods: [],
  masteryThreshold: null,
  attemptsAllowed: null,
  authentic: null,
  evidenceVisibleToEmployers: null,
  evidenceRequirements: null,
};

export function newDesignContent(
  init: Pick<DesignContent, 'title' | 'frameworkId'> & Partial<DesignContent>,
): DesignContent {
  return {
    description: null,
    partnershipId: null,
    partnerIds: [],
    competencies: [],
    outcomes: [],
    assessment: EMPTY_ASSESSMENT,
    hours: null,
    weeks: null,
    deliveryMode: null,
    credit: null,
    transcriptable: null,
    stackableInto: [],
    careerStage: null,
    price: null,
    language: 'en',
    level: null,
    qualityAssurance: null,
    evidenceOfNeed: null,
    annualReview: null,
    ...init,
  };
}

/** An edit: fields left out keep their value; `assessment` merges field by field. */
export type DesignPatch = Partial<Omit<DesignContent, 'assessment' | 'partnerIds'>> & {
  readonly assessment?: Partial<AssessmentPlan>;
};

export function applyPatch(content: DesignContent, patch: DesignPatch): DesignContent {
  const defined = Object.fromEntries(
    Object.entries(patch).filter(([key, value]) => value !== undefined && key !== 'assessment'),
  );
  const assessment = patch.assessment
    ? {
        ...content.assessment,
        ...Object.fromEntries(Object.entries(patch.assessment).filter(([, value]) => value !== undefined)),
      }
    : content.assessment;
  return { ...content, ...defined, assessment } as DesignContent;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Skill ids belong to the marketplace's taxonomy (ESCO and Skills for Success), where a skill's id
 * is a UUID derived from its concept URI (version 5). Credentials checks only that form here;
 * whether the skill exists is the marketplace's to say, and a cheap existence check can be added
 * once it exposes one (e.g. an internal skills-by-ids endpoint), without changing this contract.
 */
export function isSkillId(value: string): boolean {
  return UUID.test(value);
}

export interface DesignViolation {
  readonly field: string;
  readonly problem: string;
}

const within = (value: number | null, min: number, max: number) =>
  value === null || (Number.isFinite(value) && value >= min && value <= max);

/**
 * The invariants of a design's content, whatever its stage. Throws the first category of problem
 * found with every field that has it, so a client can highlight them all.
 */
export function assertValidDesignContent(content: DesignContent, issuerId: string): void {
  const { assessment } = content;
  if (assessment.masteryThreshold !== null && !within(assessment.masteryThreshold, 0, 100)) {
    throw CredentialsErrors.of(
      'INVALID_THRESHOLD',
      'The mastery threshold is a percentage between 0 and 100.',
      { field: 'assessment.masteryThreshold' },
    );
  }
  if (
    assessment.attemptsAllowed !== null &&
    (!Number.isInteger(assessment.attemptsAllowed) ||
      assessment.attemptsAllowed < 1 ||
      assessment.attemptsAllowed > 100)
  ) {
    throw CredentialsErrors.of('INVALID_ATTEMPTS', 'Learners need at least one attempt (and at most 100).', {
      field: 'assessment.attemptsAllowed',
    });
  }
  const badSkills = content.competencies.map((c) => c.skillId).filter((id) => !isSkillId(id));
  if (badSkills.length > 0) {
    throw CredentialsErrors.of(
      'INVALID_SKILL_ID',
      `Not a skill id: ${badSkills.map((id) => JSON.stringify(id.slice(0, 80))).join(', ')}. Use the skill's id from the skills query.`,
      {
        field: 'competencies',
        skillIds: badSkills.map((id) => id.slice(0, 300)),
      },
    );
  }
  const targeted = new Set(content.competencies.map((c) => c.skillId));
  const unknown = [...new Set(content.outcomes.flatMap((o) => o.skillIds).filter((id) => !targeted.has(id)))];
  if (unknown.length > 0) {
    throw CredentialsErrors.of(
      'UNKNOWN_SKILL',
      `Outcomes may only reference the design's competencies; unknown: ${unknown.map((id) => id.slice(0, 80)).join(', ')}.`,
      {
        field: 'outcomes',
        skillIds: unknown.map((id) => id.slice(0, 300)),
      },
    );
  }
  const violations = designViolations(content, issuerId);
  if (violations.length > 0) {
    throw CredentialsErrors.of(
      'INVALID_DESIGN',
      violations.map((v) => `${v.field}: ${v.problem}`).join('; '),
      { fields: violations },
    );
  }
}

function designViolations(content: DesignContent, issuerId: string): DesignViolation[] {
  const out: DesignViolation[] = [];
  const add = (field: string, problem: string) => out.push({ field, problem });
  if (!/\S/.test(content.title) || content.title.length > 200)
    add('title', 'must be 1 to 200 characters, not blank');
  if (content.description !== null && content.description.length > 5000)
    add('description', 'must be at most 5000 characters');
  if (new Set(content.competencies.map((c) => c.skillId)).size !== content.competencies.length)
    add('competencies', 'lists a skill twice');
  if (content.competencies.length > 100) add('competencies', 'at most 100');
  if (content.outcomes.length > 100) add('outcomes', 'at most 100');
  content.outcomes.forEach((outcome, index) => {
    if (!/\S/.test(outcome.statement) || outcome.statement.length > 1000)
      add(`outcomes.${index}.statement`, 'must be 1 to 1000 characters, not blank');
    if (!OUTCOME_KINDS.includes(outcome.kind))
      add(`outcomes.${index}.kind`, 'must be KNOWLEDGE, SKILL or ATTITUDE');
  });
  const methods = content.assessment.methods;
  if (methods.some((m) => !ASSESSMENT_METHODS.includes(m)))
    add('assessment.methods', 'contains an unknown method');
  if (new Set(methods).size !== methods.length) add('assessment.methods', 'lists a method twice');
  if ((content.assessment.evidenceRequirements?.length ?? 0) > 5000)
    add('assessment.evidenceRequirements', 'must be at most 5000 characters');
  if (!within(content.hours, 0.5, 10_000)) add('hours', 'must be between 0.5 and 10000');
  if (!within(content.weeks, 0.5, 520)) add('weeks', 'must be between 0.5 and 520');
  if (!within(content.price, 0, 1_000_000)) add('price', 'must be between 0 and 1000000');
  if (content.deliveryMode !== null && !DELIVERY_MODES.includes(content.deliveryMode))
    add('deliveryMode', 'must be ONLINE, IN_PERSON or HYBRID');
  if (content.careerStage !== null && !CAREER_STAGES.includes(content.careerStage))
    add('careerStage', 'is not a career stage');
  if (!DESIGN_LANGUAGES.includes(content.language)) add('language', 'must be en or fr');
  if (content.stackableInto.some((s) => !/\S/.test(s) || s.length > 200) || content.stackableInto.length > 20)
    add('stackableInto', 'at most 20 pathways of 1 to 200 characters');
  for (const [field, value] of [
    ['level', content.level],
    ['qualityAssurance', content.qualityAssurance],
    ['evidenceOfNeed', content.evidenceOfNeed],
  ] as const) {
    if (value !== null && value.length > 2000) add(field, 'must be at most 2000 characters');
  }
  if (content.partnerIds.includes(issuerId))
    add('partnerIds', 'the issuer is always a party; list other organizations');
  if (new Set(content.partnerIds).size !== content.partnerIds.length)
    add('partnerIds', 'lists an organization twice');
  return out;
}

/** Top-level elements a comment may be anchored to; a path below one (`outcomes.2.statement`) is fine too. */
export const DESIGN_FIELDS = [
  'title',
  'description',
  'frameworkId',
  'partnershipId',
  'partnerIds',
  'competencies',
  'outcomes',
  'assessment',
  'hours',
  'weeks',
  'deliveryMode',
  'credit',
  'transcriptable',
  'stackableInto',
  'careerStage',
  'price',
  'language',
  'level',
  'qualityAssurance',
  'evidenceOfNeed',
  'annualReview',
] as const satisfies ReadonlyArray<keyof DesignContent>;

const ASSESSMENT_FIELDS = [
  'methods',
  'masteryThreshold',
  'attemptsAllowed',
  'authentic',
  'evidenceVisibleToEmployers',
  'evidenceRequirements',
];

/** `assessment.masteryThreshold`, `outcomes.0.statement`, `title` — a path into the design. */
export function isDesignFieldPath(path: string): boolean {
  if (path.length > 200) return false;
  const [root, ...rest] = path.split('.');
  if (!(DESIGN_FIELDS as readonly string[]).includes(root ?? '')) return false;
  if (rest.length === 0) return true;
  if (root === 'assessment') return rest.length === 1 && ASSESSMENT_FIELDS.includes(rest[0]!);
  if (root === 'outcomes' || root === 'competencies' || root === 'stackableInto' || root === 'partnerIds') {
    return (
      /^\d{1,3}$/.test(rest[0]!) && (rest.length === 1 || (rest.length === 2 && /^[A-Za-z]+$/.test(rest[1]!)))
    );
  }
  return false;
}
