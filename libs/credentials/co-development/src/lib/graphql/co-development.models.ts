// Co-development's GraphQL types (designs, frameworks, compliance, contributions) and the
// Credential a design becomes when published, which trust extends. They are not the ORM
// entities: mappers copy what a client may see.
import {
  Directive,
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  AssessmentMethodEnum,
  CareerStageEnum,
  Connection,
  DeliveryModeEnum,
  DesignStageEnum,
  GraphQLJSON,
  OutcomeKindEnum,
} from '@lattice/shared-graphql';
import type { DesignContent } from '@lattice/credentials-domain';
import type { CredentialContributions } from '../summarize-contributions/summarize-contributions.use-case';
import type {
  CredentialEntity,
  DesignCommentEntity,
  DesignEntity,
  FrameworkEntity,
} from '@lattice/credentials-data-access';

export enum RuleStatusEnum {
  PASS = 'PASS',
  FAIL = 'FAIL',
  WARNING = 'WARNING',
}
registerEnumType(RuleStatusEnum, { name: 'RuleStatus' });

/** Identity owns organizations; credentials only refers to them. */
@ObjectType('Organization')
@Directive('@key(fields: "id", resolvable: false)')
export class OrganizationRef {
  @Field(() => ID) id: string;
}

/** Identity owns users; credentials only refers to them. */
@ObjectType('User')
@Directive('@key(fields: "id", resolvable: false)')
export class UserRef {
  @Field(() => ID) id: string;
}

export const organizationRef = (id: string): OrganizationRef => ({ id });
export const userRef = (id: string): UserRef => ({ id });

@ObjectType('Framework', { description: 'A versioned set of rules a credential design is checked against.' })
export class FrameworkModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Stable across versions, e.g. "ecampusontario".' }) key: string;
  @Field() name: string;
  @Field() version: string;
  @Field() publisher: string;
  @Field() description: string;
  @Field(() => GraphQLJSON, {
    description: 'The rules as data (see the rule kinds in the credentials domain).',
  })
  rules: unknown;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('DesignCompetency')
export class DesignCompetencyModel {
  @Field(() => ID, { description: 'A skill id from the skills query (ESCO or Skills for Success).' })
  skillId: string;
}

@ObjectType('DesignOutcome')
export class DesignOutcomeModel {
  @Field() statement: string;
  @Field(() => OutcomeKindEnum) kind: OutcomeKindEnum;
  @Field(() => [ID]) skillIds: string[];
}

@ObjectType('AssessmentPlan')
export class AssessmentPlanModel {
  @Field(() => [AssessmentMethodEnum]) methods: AssessmentMethodEnum[];
  @Field(() => Float, { nullable: true, description: 'Percent, 0 to 100.' }) masteryThreshold: number | null;
  @Field(() => Int, { nullable: true }) attemptsAllowed: number | null;
  @Field(() => Boolean, { nullable: true, description: 'The assessment mirrors real work.' }) authentic:
    boolean | null;
  @Field(() => Boolean, { nullable: true }) evidenceVisibleToEmployers: boolean | null;
  @Field(() => String, { nullable: true }) evidenceRequirements: string | null;
}

@ObjectType('Approval', { description: "A party's sign-off of one version." })
export class ApprovalModel {
  @Field(() => OrganizationRef) organization: OrganizationRef;
  @Field(() => Int) version: number;
  @Field(() => GraphQLISODateTime) approvedAt: Date;
  @Field(() => UserRef) approvedBy: UserRef;
}

@ObjectType('DesignComment')
export class DesignCommentModel {
  @Field(() => ID) id: string;
  @Field() body: string;
  @Field(() => String, {
    nullable: true,
    description: 'The design field it is anchored to, e.g. assessment.masteryThreshold.',
  })
  field: string | null;
  @Field(() => UserRef) author: UserRef;
  @Field(() => [DesignCommentModel], { description: 'Replies, oldest first (threads are one level deep).' })
  replies: DesignCommentModel[];
  @Field({ description: 'The thread is resolved.' }) resolved: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolvedAt: Date | null;
  @Field(() => Int, { description: 'The design version it was written on.' }) designVersion: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('DesignVersion')
export class DesignVersionModel {
  @Field(() => Int) version: number;
  @Field(() => UserRef) author: UserRef;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field({ description: 'created, edited, partner added.' }) summary: string;
}

@ObjectType('DesignStageVisit', { description: 'One stay in a workflow stage.' })
export class DesignStageVisitModel {
  @Field(() => DesignStageEnum) stage: DesignStageEnum;
  @Field(() => Int) version: number;
  @Field(() => GraphQLISODateTime) enteredAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null for the current stage.' })
  leftAt: Date | null;
  @Field(() => Float, { description: 'Milliseconds, up to now for the current stage.' }) durationMs: number;
  @Field(() => UserRef, { description: 'Who moved the design into the stage.' }) enteredBy: UserRef;
}

@ObjectType('DesignStageTime', { description: 'Total time a design spent in a stage.' })
export class DesignStageTimeModel {
  @Field(() => DesignStageEnum) stage: DesignStageEnum;
  @Field(() => Int) visits: number;
  @Field(() => Float, { description: 'Milliseconds, counting the current stage up to now.' }) totalMs: number;
}

@ObjectType('DesignWait', { description: 'How many designs wait on one organization.' })
export class DesignWaitModel {
  @Field(() => OrganizationRef) organization: OrganizationRef;
  @Field(() => Int) designs: number;
}

@ObjectType('DesignStageSummary', { description: "Where an organization's designs wait, and on whom." })
export class DesignStageSummaryModel {
  @Field(() => DesignStageEnum) stage: DesignStageEnum;
  @Field(() => Int, { description: 'Designs in this stage now.' }) current: number;
  @Field(() => Int, { description: 'Designs that have been in this stage.' }) visited: number;
  @Field(() => Float, {
    description: 'Mean time a design spent in this stage, in ms (current stays count up to now).',
  })
  averageMs: number;
  @Field(() => [DesignWaitModel], {
    description: 'For the designs in this stage now: whom they wait on, most first.',
  })
  waitingOn: DesignWaitModel[];
}

@ObjectType('RuleReasonPart', {
  description:
    "One statement of a rule's reason. code: GIVEN, MISSING, NOT_SET, IN_RANGE, OUT_OF_RANGE, COUNT, COUNT_OUT_OF_RANGE, EQUALS, NOT_EQUAL, INCLUDES, INCLUDES_NONE, EXPECTED_FORM, UNEXPECTED_FORM, EMPTY, ALL_QUALIFY, SOME_DO_NOT_QUALIFY (followed by the first failing item's parts), NEEDS_SOME_OF (followed by every check's parts).",
})
export class RuleReasonPartModel {
  @Field() code: string;
  @Field(() => GraphQLJSON, {
    description:
      'field (a design field path), value / count / values found, min / max / above / below / expected asked, and for lists total, failing, item (1-based).',
  })
  params: unknown;
}

@ObjectType('RuleResult')
export class RuleResultModel {
  @Field() id: string;
  @Field() label: string;
  @Field(() => RuleStatusEnum) status: RuleStatusEnum;
  @Field({ description: 'The reason in English; `details` holds it as codes and parameters.' })
  reason: string;
  @Field(() => [RuleReasonPartModel], {
    description: "The reason as data, one part per statement, for an app to word in its reader's language.",
  })
  details: RuleReasonPartModel[];
}

@ObjectType('ComplianceReport')
export class ComplianceReportModel {
  @Field(() => FrameworkModel) framework: FrameworkModel;
  @Field({ description: 'No rule failed (warnings do not block publication).' }) passed: boolean;
  @Field(() => [RuleResultModel]) rules: RuleResultModel[];
}

@ObjectType('DesignFieldChange', { description: 'One field that differs between two versions.' })
export class DesignFieldChangeModel {
  @Field({ description: 'A path such as assessment.masteryThreshold or outcomes.1.statement.' })
  field: string;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Null when the field did not exist in the older version.',
  })
  before: unknown;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Null when the field does not exist in the newer version.',
  })
  after: unknown;
}

@ObjectType('DesignerContribution', {
  description: 'An organization that designed a credential: the issuing institution or a design partner.',
})
export class DesignerContributionModel {
  @Field(() => OrganizationRef) organization: OrganizationRef;
  @Field({ description: 'The issuing institution (otherwise a design partner).' }) isIssuer: boolean;
  @Field(() => Int, {
    description:
      "Design versions authored by the organization's members known to the design (its creator, its approvers).",
  })
  versionsAuthored: number;
}

@ObjectType('ReviewerContribution', {
  description: 'An organization that signed off versions of the design.',
})
export class ReviewerContributionModel {
  @Field(() => OrganizationRef) organization: OrganizationRef;
  @Field(() => Int, { description: 'Sign-offs on record, including those a later edit withdrew.' })
  approvals: number;
  @Field(() => GraphQLISODateTime) lastApprovedAt: Date;
}

@ObjectType('EndorserContribution')
export class EndorserContributionModel {
  @Field(() => OrganizationRef) organization: OrganizationRef;
  @Field(() => GraphQLISODateTime) endorsedAt: Date;
  @Field() withdrawn: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) withdrawnAt: Date | null;
}

@ObjectType('SponsorContribution')
export class SponsorContributionModel {
  @Field(() => OrganizationRef, { description: 'The sponsoring umbrella organization.' })
  organization: OrganizationRef;
  @Field(() => GraphQLISODateTime) since: Date;
}

@ObjectType('AdopterContribution')
export class AdopterContributionModel {
  @Field(() => OrganizationRef, { description: 'The adopting institution.' }) organization: OrganizationRef;
  @Field(() => OrganizationRef, { description: 'The sponsoring umbrella it adopted through.' })
  umbrella: OrganizationRef;
  @Field(() => GraphQLISODateTime) since: Date;
}

@ObjectType('IssuerContribution', {
  description: 'How many awards of the credential an organization issued.',
})
export class IssuerContributionModel {
  @Field(() => OrganizationRef) organization: OrganizationRef;
  @Field(() => Int) active: number;
  @Field(() => Int) revoked: number;
}

@ObjectType('CredentialContributions', {
  description: 'Who designed, reviewed, endorsed, sponsored, adopted and issued a credential.',
})
export class CredentialContributionsModel {
  @Field(() => [DesignerContributionModel], {
    description: 'The issuing institution first, then the design partners.',
  })
  designers: DesignerContributionModel[];
  @Field(() => [ReviewerContributionModel], { description: 'In order of first sign-off.' })
  reviewers: ReviewerContributionModel[];
  @Field(() => [EndorserContributionModel], { description: 'Oldest first, withdrawn ones included.' })
  endorsers: EndorserContributionModel[];
  @Field(() => [SponsorContributionModel]) sponsors: SponsorContributionModel[];
  @Field(() => [AdopterContributionModel]) adopters: AdopterContributionModel[];
  @Field(() => [IssuerContributionModel], {
    description: 'The issuing institution first, then the adopters, then any other issuer.',
  })
  issuers: IssuerContributionModel[];
}

export function toCredentialContributionsModel(c: CredentialContributions): CredentialContributionsModel {
  return {
    designers: c.designers.map((d) => ({
      organization: organizationRef(d.organizationId),
      isIssuer: d.isIssuer,
      versionsAuthored: d.versionsAuthored,
    })),
    reviewers: c.reviewers.map((r) => ({
      organization: organizationRef(r.organizationId),
      approvals: r.approvals,
      lastApprovedAt: r.lastApprovedAt,
    })),
    endorsers: c.endorsers.map((e) => ({
      organization: organizationRef(e.organizationId),
      endorsedAt: e.endorsedAt,
      withdrawn: e.withdrawnAt !== null,
      withdrawnAt: e.withdrawnAt,
    })),
    sponsors: c.sponsors.map((s) => ({ organization: organizationRef(s.organizationId), since: s.since })),
    adopters: c.adopters.map((a) => ({
      organization: organizationRef(a.organizationId),
      umbrella: organizationRef(a.umbrellaId),
      since: a.since,
    })),
    issuers: c.issuers.map((i) => ({
      organization: organizationRef(i.organizationId),
      active: i.active,
      revoked: i.revoked,
    })),
  };
}

@ObjectType('Credential', {
  description: 'A published credential: what learners are awarded and partners endorse.',
})
export class CredentialModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => OrganizationRef) issuer: OrganizationRef;
  @Field(() => Int, { description: 'The design version that was published.' }) publishedVersion: number;
  @Field(() => GraphQLISODateTime) publishedAt: Date;
  designId: string;
  frameworkId: string;
}

@ObjectType('CredentialDesign', {
  description: 'A micro-credential being co-developed by an institution and its partners.',
})
export class CredentialDesignModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Increments with every change; pass it back as expectedVersion.' })
  version: number;
  @Field(() => DesignStageEnum) stage: DesignStageEnum;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => OrganizationRef, { description: 'The issuing institution.' }) issuer: OrganizationRef;
  @Field(() => [OrganizationRef], {
    description: 'Partner organizations besides the issuer; each must approve.',
  })
  partners: OrganizationRef[];
  @Field(() => ID, { nullable: true, description: 'The marketplace partnership it came from.' })
  partnershipId: string | null;
  @Field(() => [DesignCompetencyModel]) competencies: DesignCompetencyModel[];
  @Field(() => [DesignOutcomeModel]) outcomes: DesignOutcomeModel[];
  @Field(() => AssessmentPlanModel) assessment: AssessmentPlanModel;
  @Field(() => Float, { nullable: true }) hours: number | null;
  @Field(() => Float, { nullable: true }) weeks: number | null;
  @Field(() => DeliveryModeEnum, { nullable: true }) deliveryMode: DeliveryModeEnum | null;
  @Field(() => Boolean, { nullable: true, description: 'For credit (true) or non-credit.' }) credit:
    boolean | null;
  @Field(() => Boolean, { nullable: true }) transcriptable: boolean | null;
  @Field(() => [String], { description: 'Pathways it stacks into.' }) stackableInto: string[];
  @Field(() => CareerStageEnum, { nullable: true }) careerStage: CareerStageEnum | null;
  @Field(() => Float, { nullable: true, description: 'Canadian dollars.' }) price: number | null;
  @Field({ description: 'en or fr' }) language: string;
  @Field(() => String, { nullable: true, description: 'Qualifications-framework level, e.g. "EQF 5".' })
  level: string | null;
  @Field(() => String, { nullable: true }) qualityAssurance: string | null;
  @Field(() => String, { nullable: true }) evidenceOfNeed: string | null;
  @Field(() => Boolean, { nullable: true, description: 'The issuer commits to an annual review.' })
  annualReview: boolean | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reviewDueAt: Date | null;
  @Field({ description: 'In review past its due date.' }) reviewOverdue: boolean;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it was last checked against a framework (submission or publication).',
  })
  checkedAt: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether it passed that check.' }) checkedPassed:
    boolean | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  frameworkId: string;
  checkedFrameworkId: string | null;
  partnerIds: string[];
  issuerId: string;
  entity: DesignEntity;
}

@ObjectType('CredentialDesignConnection')
export class CredentialDesignConnectionModel extends Connection(CredentialDesignModel, 'CredentialDesign') {}

export function toFrameworkModel(framework: FrameworkEntity): FrameworkModel {
  const { id, key, name, version, publisher, description, rules, createdAt } = framework;
  return { id, key, name, version, publisher, description, rules, createdAt };
}

export function toCredentialModel(credential: CredentialEntity): CredentialModel {
  return {
    id: credential.id,
    title: credential.title,
    issuer: organizationRef(credential.issuerId),
    publishedVersion: credential.designVersion,
    publishedAt: credential.publishedAt,
    designId: credential.designId,
    frameworkId: credential.frameworkId,
  };
}

export function toAssessmentPlanModel(assessment: DesignContent['assessment']): AssessmentPlanModel {
  return {
    methods: assessment.methods.map((m) => m as AssessmentMethodEnum),
    masteryThreshold: assessment.masteryThreshold,
    attemptsAllowed: assessment.attemptsAllowed,
    authentic: assessment.authentic,
    evidenceVisibleToEmployers: assessment.evidenceVisibleToEmployers,
    evidenceRequirements: assessment.evidenceRequirements,
  };
}

export function toDesignModel(design: DesignEntity, now = new Date()): CredentialDesignModel {
  const c = design.content;
  return {
    id: design.id,
    version: design.version,
    stage: design.stage as DesignStageEnum,
    title: design.title,
    description: c.description,
    issuer: organizationRef(design.issuerId),
    partners: design.partnerIds.map(organizationRef),
    partnershipId: design.partnershipId,
    competencies: c.competencies.map(({ skillId }) => ({ skillId })),
    outcomes: c.outcomes.map((o) => ({
      statement: o.statement,
      kind: o.kind as OutcomeKindEnum,
      skillIds: [...o.skillIds],
    })),
    assessment: toAssessmentPlanModel(c.assessment),
    hours: c.hours,
    weeks: c.weeks,
    deliveryMode: c.deliveryMode as DeliveryModeEnum | null,
    credit: c.credit,
    transcriptable: c.transcriptable,
    stackableInto: [...c.stackableInto],
    careerStage: c.careerStage as CareerStageEnum | null,
    price: c.price,
    language: c.language,
    level: c.level,
    qualityAssurance: c.qualityAssurance,
    evidenceOfNeed: c.evidenceOfNeed,
    annualReview: c.annualReview,
    reviewDueAt: design.reviewDueAt,
    reviewOverdue:
      design.stage === 'IN_REVIEW' &&
      design.reviewDueAt !== null &&
      design.reviewDueAt.getTime() < now.getTime(),
    checkedAt: design.checkedAt,
    checkedPassed: design.checkedPassed,
    createdAt: design.createdAt,
    updatedAt: design.updatedAt,
    frameworkId: design.frameworkId,
    checkedFrameworkId: design.checkedFrameworkId,
    partnerIds: design.partnerIds,
    issuerId: design.issuerId,
    entity: design,
  };
}

/** Threads: top-level comments with their replies, oldest first. */
export function toCommentThreads(comments: readonly DesignCommentEntity[]): DesignCommentModel[] {
  const toModel = (c: DesignCommentEntity): DesignCommentModel => ({
    id: c.id,
    body: c.body,
    field: c.field,
    author: userRef(c.authorId),
    replies: [],
    resolved: c.resolvedAt !== null,
    resolvedAt: c.resolvedAt,
    designVersion: c.designVersion,
    createdAt: c.createdAt,
  });
  const roots = comments.filter((c) => c.parentId === null).map(toModel);
  const byId = new Map(roots.map((r) => [r.id, r]));
  for (const reply of comments.filter((c) => c.parentId !== null))
    byId.get(reply.parentId!)?.replies.push(toModel(reply));
  return roots;
}
