// The product's value lists, declared once: every service, its GraphQL schema (registered once in
// libs/shared/graphql) and, later, the web app read them from here. Dependency-free on purpose.

/** Who a member is in an organization. */
export const ROLES = ['OWNER', 'ADMIN', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

/** What an organization is; OPERATOR is Lattice's own. */
export const ORGANIZATION_KINDS = ['EMPLOYER', 'INSTITUTION', 'UMBRELLA', 'COMMUNITY', 'OPERATOR'] as const;
export type OrgKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_SIZES = ['SMALL', 'MEDIUM', 'LARGE'] as const;
export type OrgSize = (typeof ORGANIZATION_SIZES)[number];

/** How learning is delivered: a need asks for some, an institution offers some, a design has one. */
export const DELIVERY_MODES = ['ONLINE', 'IN_PERSON', 'HYBRID'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Where the learners are in their working life. */
export const CAREER_STAGES = ['ENTRY', 'MID_CAREER', 'SENIOR', 'NEW_TO_SECTOR'] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];

/** The nine assessment methods the Ontario pilots used. */
export const ASSESSMENT_METHODS = [
  'EXAM_QUIZ',
  'EMPLOYER_ASSESSMENT',
  'SIMULATION_CASE_STUDY',
  'REFLECTION',
  'VIDEO',
  'DEMONSTRATION_PRESENTATION',
  'VIRTUAL_LAB',
  'WRITTEN_ASSIGNMENT',
  'PORTFOLIO',
] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

/** What a learning outcome is about. */
export const OUTCOME_KINDS = ['KNOWLEDGE', 'SKILL', 'ATTITUDE'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** Where a credential design stands: DRAFT → IN_REVIEW ⇄ CHANGES_REQUESTED; IN_REVIEW → APPROVED → PUBLISHED → RETIRED. */
export const DESIGN_STAGES = [
  'DRAFT',
  'IN_REVIEW',
  'CHANGES_REQUESTED',
  'APPROVED',
  'PUBLISHED',
  'RETIRED',
] as const;
export type DesignStage = (typeof DESIGN_STAGES)[number];

/** A list as an enum-like object (`{ ONLINE: 'ONLINE', … }`), the shape GraphQL and validators take. */
export function enumOf<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as { readonly [K in T]: K };
}
