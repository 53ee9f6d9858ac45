import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import GraphQLJSON from 'graphql-type-json';
import { EquityAnswerEnum, EquityGroupEnum } from './evidence.models';

@InputType({ description: 'One answer: `value` for a scale, `choices` for a choice, `text` for free text.' })
export class FeedbackAnswerInput {
  @Field() @IsString() @MaxLength(40) key: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() value?: number | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  choices?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) text?: string | null;
}

@InputType()
export class SubmitFeedbackInput {
  @Field(() => ID) @IsUUID() awardId: string;
  @Field(() => [FeedbackAnswerInput])
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => FeedbackAnswerInput)
  answers: FeedbackAnswerInput[];
  @Field(() => Int, { nullable: true, description: 'The version answered; the latest when absent.' })
  @IsOptional()
  @IsInt()
  surveyVersion?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "The response's revision you edited; a newer one is a CONFLICT.",
  })
  @IsOptional()
  @IsInt()
  expectedRevision?: number | null;
}

@InputType()
export class CompetencyRatingInput {
  @Field({ description: 'A competency (skill id) of the credential.' })
  @IsString()
  @MaxLength(300)
  competency: string;
  @Field(() => Int, { description: '1–5: on-the-job performance against the stated outcome.' })
  @IsInt()
  rating: number;
}

@InputType()
export class ReportOutcomesInput {
  @Field(() => ID, { description: 'Your employer organization.' }) @IsUUID() organizationId: string;
  @Field(() => ID) @IsUUID() credentialId: string;
  @Field(() => Int, { description: 'Holders this report is about.' }) @IsInt() cohortSize: number;
  @Field(() => Int) @IsInt() hired: number;
  @Field(() => Int) @IsInt() promoted: number;
  @Field(() => Int) @IsInt() retained: number;
  @Field() @IsBoolean() assessmentReflectedJobPerformance: boolean;
  @Field(() => [CompetencyRatingInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CompetencyRatingInput)
  ratings: CompetencyRatingInput[];
  @Field(() => [ID], {
    nullable: true,
    description: 'Awards the report is about: only those their learners shared with you.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  awardIds?: string[];
}

@InputType()
export class EquityAnswerInput {
  @Field(() => EquityGroupEnum) @IsEnum(EquityGroupEnum) group: string;
  @Field(() => EquityAnswerEnum) @IsEnum(EquityAnswerEnum) answer: string;
}

@InputType({
  description:
    'Narrows insights. Each filter is one value; year is the calendar year awards were issued (outcomes: reported).',
})
export class InsightsFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() credentialId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() issuerId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) region?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(20) sector?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) careerStage?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) deliveryMode?:
    string | null;
  @Field(() => String, { nullable: true, description: '3-10, 11-20, 21-40, 41-80 or 81-120 (hours).' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  hoursBand?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) assessmentMethod?:
    string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() year?: number | null;
}

@InputType({
  description:
    'Whose insights: an organization you belong to (an umbrella: its members; an institution or employer: its own), or none for everything (operators).',
})
export class InsightsScopeInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organizationId?: string | null;
}

export { GraphQLJSON };
