import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  EQUITY_ANSWERS,
  EQUITY_GROUPS,
  QUESTION_TYPES,
  SURVEY_KINDS,
  type SurveyQuestion as SurveyQuestionDefinition,
} from '@lattice/evidence-domain';
import { INSIGHTS_GROUPS } from '@lattice/evidence-data-access';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const SurveyKindEnum = enumOf(SURVEY_KINDS);
export const QuestionTypeEnum = enumOf(QUESTION_TYPES);
export const EquityGroupEnum = enumOf(EQUITY_GROUPS);
export const EquityAnswerEnum = enumOf(EQUITY_ANSWERS);
export const InsightsGroupByEnum = enumOf(INSIGHTS_GROUPS);
registerEnumType(SurveyKindEnum, {
  name: 'SurveyKind',
  description: 'LEARNER: about one award; FRAMEWORK: an institution about one published credential.',
});
registerEnumType(QuestionTypeEnum, { name: 'SurveyQuestionType' });
registerEnumType(EquityGroupEnum, {
  name: 'EquityGroup',
  description: "Canada's employment-equity and disaggregated-data categories.",
});
registerEnumType(EquityAnswerEnum, { name: 'EquityAnswer' });
registerEnumType(InsightsGroupByEnum, {
  name: 'InsightsGroupBy',
  description:
    'How insights rows are grouped. ASSESSMENT_METHOD rows overlap (a credential uses several), so they have no total.',
});

@ObjectType()
export class LocalizedText {
  @Field() en: string;
  @Field() fr: string;
}

@ObjectType()
export class SurveyOption {
  @Field() value: string;
  @Field(() => LocalizedText) label: LocalizedText;
}

@ObjectType()
export class SurveyQuestion {
  @Field() key: string;
  @Field(() => QuestionTypeEnum) type: string;
  @Field(() => LocalizedText) label: LocalizedText;
  @Field() required: boolean;
  @Field(() => Int, { nullable: true }) min?: number;
  @Field(() => Int, { nullable: true }) max?: number;
  @Field(() => LocalizedText, { nullable: true }) minLabel?: LocalizedText;
  @Field(() => LocalizedText, { nullable: true }) maxLabel?: LocalizedText;
  @Field(() => [SurveyOption], { nullable: true }) options?: SurveyOption[];
  @Field(() => Int, { nullable: true }) maxLength?: number;
}

@ObjectType({ description: 'One version of a survey: its questions are data, in English and French.' })
export class SurveyVersion {
  @Field(() => SurveyKindEnum) kind: string;
  @Field(() => Int) version: number;
  @Field(() => [SurveyQuestion]) questions: SurveyQuestion[];
  @Field(() => GraphQLISODateTime) publishedAt: Date;
}

@ObjectType()
export class FeedbackAnswer {
  @Field() key: string;
  @Field(() => Int, { nullable: true }) value: number | null;
  @Field(() => [String], { nullable: true }) choices: string[] | null;
  @Field(() => String, { nullable: true }) text: string | null;
}

@ObjectType({ description: "The learner's own response to the survey about one award." })
export class FeedbackResponse {
  @Field(() => Int) surveyVersion: number;
  @Field(() => [FeedbackAnswer]) answers: FeedbackAnswer[];
  @Field(() => Int, { description: 'Increments at each change; pass it back as expectedRevision.' })
  revision: number;
  @Field(() => GraphQLISODateTime) submittedAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => GraphQLISODateTime) editableUntil: Date;
}

@ObjectType({ description: 'The survey about one of your awards, with your answer if you gave one.' })
export class AwardFeedback {
  @Field(() => ID) awardId: string;
  @Field(() => ID) credentialId: string;
  @Field() credentialTitle: string;
  @Field(() => SurveyVersion) survey: SurveyVersion;
  @Field(() => FeedbackResponse, { nullable: true }) response: FeedbackResponse | null;
  @Field() remindersOff: boolean;
  @Field() revoked: boolean;
}

@ObjectType()
export class FeedbackRequest {
  @Field(() => ID) awardId: string;
  @Field(() => ID) credentialId: string;
  @Field(() => String, { nullable: true }) credentialTitle: string | null;
  @Field(() => GraphQLISODateTime) issuedAt: Date;
  @Field() answered: boolean;
  @Field() remindersOff: boolean;
  @Field() revoked: boolean;
}

@ObjectType({
  description: 'One of your awards shared with one organization (you alone grant and revoke it).',
})
export class AwardShare {
  @Field(() => ID) awardId: string;
  @Field(() => ID) organizationId: string;
  @Field(() => String, { nullable: true }) organizationName: string | null;
  @Field(() => GraphQLISODateTime) grantedAt: Date;
}

@ObjectType({ description: 'An award a learner shared with your organization: no name, no address.' })
export class SharedAward {
  @Field(() => ID) awardId: string;
  @Field(() => ID) credentialId: string;
  @Field(() => String, { nullable: true }) credentialTitle: string | null;
  @Field(() => GraphQLISODateTime) issuedAt: Date;
  @Field(() => GraphQLISODateTime) grantedAt: Date;
}

@ObjectType()
export class CompetencyRating {
  @Field() competency: string;
  @Field(() => Int) rating: number;
}

@ObjectType({ description: "An employer's report on what happened to a cohort of a credential's holders." })
export class OutcomeReport {
  @Field(() => ID) id: string;
  @Field(() => ID) credentialId: string;
  @Field(() => ID) organizationId: string;
  @Field(() => Int) cohortSize: number;
  @Field(() => Int) hired: number;
  @Field(() => Int) promoted: number;
  @Field(() => Int) retained: number;
  @Field() assessmentReflectedJobPerformance: boolean;
  @Field(() => [CompetencyRating]) ratings: CompetencyRating[];
  @Field(() => [ID]) awardIds: string[];
  @Field(() => GraphQLISODateTime) reportedAt: Date;
}

@ObjectType({
  description: 'A credential your organization may report outcomes for, and how it is tied to it.',
})
export class ReportableCredential {
  @Field(() => ID) credentialId: string;
  @Field() title: string;
  @Field(() => [String], { description: 'Its competencies (skill ids): rate each 1–5.' })
  competencies: string[];
  @Field(() => [String], { description: 'PARTNER, ENDORSER and/or HIRER.' }) ties: string[];
}

@ObjectType()
export class EquityGroupAnswer {
  @Field(() => EquityGroupEnum) group: string;
  @Field(() => EquityAnswerEnum) answer: string;
}

@ObjectType({
  description:
    'Your own voluntary self-identification: only you ever see it; insights count it only in groups of at least k.',
})
export class SelfIdentification {
  @Field(() => [EquityGroupAnswer]) answers: EquityGroupAnswer[];
  @Field(() => GraphQLISODateTime) updatedAt: Date;
}

@ObjectType()
export class MyEvidenceDeletion {
  @Field(() => Int) feedback: number;
  @Field(() => Int) shares: number;
  @Field() selfIdentification: boolean;
}

@ObjectType()
export class InsightsRow {
  @Field() key: string;
  @Field() label: string;
  @Field(() => [Float], {
    nullable: 'items',
    description: 'One per column; null when suppressed or not applicable.',
  })
  values: Array<number | null>;
  @Field(() => [Boolean], {
    description:
      'One per column: true when the cell is hidden to protect learners (fewer than k people, or its complement).',
  })
  suppressed: boolean[];
}

@ObjectType()
export class InsightsTable {
  @Field() name: string;
  @Field({ description: 'True when the table counts learners (its small cells are suppressed).' })
  learnerDerived: boolean;
  @Field(() => [String]) columns: string[];
  @Field(() => [InsightsRow]) rows: InsightsRow[];
  @Field(() => InsightsRow, { nullable: true, description: 'Column totals; absent when rows overlap.' })
  total: InsightsRow | null;
  @Field({ description: 'The table as CSV; a suppressed cell reads "suppressed".' }) csv: string;
}

@ObjectType({
  description: 'Comments on one credential: only once at least k learners answered, never with who or when.',
})
export class FeedbackComments {
  @Field(() => Int, { nullable: true }) respondents: number | null;
  @Field(() => [String]) comments: string[];
}

@ObjectType({ description: 'Insights for a scope; each table is computed when asked for.' })
export class Insights {
  @Field(() => Int, { description: 'The smallest group a learner-derived cell is shown for.' }) k: number;
  @Field(() => ID, { nullable: true }) organizationId: string | null;
  @Field(() => InsightsGroupByEnum) groupBy: string;
}

@ObjectType()
export class FrameworkElementInsight {
  @Field() element: string;
  @Field(() => Int, { description: 'Institutions that named it among the most important.' })
  mostImportant: number;
  @Field(() => Int) leastImportant: number;
  @Field(() => Int) responses: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean of "was the framework a useful blueprint" (1–5) over all answers.',
  })
  usefulBlueprint: number | null;
  @Field(() => Int, { description: 'Compliance reviews of designs whose framework tests this element.' })
  reviews: number;
  @Field(() => Int, { description: 'Of those reviews, how many failed this element (a failing rule on it).' })
  failures: number;
  @Field(() => Float, { nullable: true, description: 'failures / reviews; null before any review.' })
  failureShare: number | null;
}

@ObjectType()
export class FrameworkSurveyResult {
  @Field(() => ID) credentialId: string;
  @Field(() => Int) surveyVersion: number;
}

export const toSurveyVersion = (row: {
  kind: string;
  version: number;
  questions: readonly SurveyQuestionDefinition[];
  published_at: Date;
}): SurveyVersion => ({
  kind: row.kind,
  version: row.version,
  questions: row.questions as unknown as SurveyQuestion[],
  publishedAt: row.published_at,
});
