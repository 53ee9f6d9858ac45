import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { plainToInstance, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { AssessmentMethodEnum, CareerStageEnum, DeliveryModeEnum, GraphQLJSON, OutcomeKindEnum } from '@lattice/shared-graphql';
import { AwardStatusEnum } from './credentials.models';

@InputType()
export class CompetencyInput {
  @Field(() => ID, { description: 'A skill id from the skills query.' }) @IsString() @MaxLength(300) skillId: string;
}

@InputType()
export class OutcomeInput {
  @Field() @IsString() @Length(1, 1000) @Matches(/\S/, { message: 'statement must not be blank' }) statement: string;
  @Field(() => OutcomeKindEnum) @IsEnum(OutcomeKindEnum) kind: OutcomeKindEnum;
  @Field(() => [ID], { description: "Each must be one of the design's competencies." }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) skillIds: string[];
}

@InputType({ description: 'Fields left out keep their value.' })
export class AssessmentPlanInput {
  @Field(() => [AssessmentMethodEnum], { nullable: true }) @IsOptional() @IsArray() @IsEnum(AssessmentMethodEnum, { each: true }) methods?: AssessmentMethodEnum[];
  @Field(() => Float, { nullable: true, description: '0 to 100.' })
  @IsOptional()
  @IsNumber()
  @Min(0, { message: 'masteryThreshold must be between 0 and 100' })
  @Max(100, { message: 'masteryThreshold must be between 0 and 100' })
  masteryThreshold?: number | null;
  @Field(() => Int, { nullable: true, description: 'At least 1.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'attemptsAllowed must be at least 1' })
  @Max(100)
  attemptsAllowed?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() authentic?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() evidenceVisibleToEmployers?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) evidenceRequirements?: string | null;
}

@InputType()
export class CreateCredentialDesignInput {
  @Field(() => ID, { description: 'The issuing institution; you must be one of its admins.' }) @IsUUID() issuerId: string;
  @Field() @IsString() @Length(1, 200) @Matches(/\S/, { message: 'title must not be blank' }) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
  @Field(() => ID, { description: 'A framework version from the frameworks query.' }) @IsUUID() frameworkId: string;
  @Field(() => ID, { nullable: true, description: 'The marketplace partnership it comes from, if any.' }) @IsOptional() @IsUUID() partnershipId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Partner organizations (employers…) who co-develop and must approve.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  partnerIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'en or fr (default en).' }) @IsOptional() @IsIn(['en', 'fr'], { message: 'language must be en or fr' }) language?: 'en' | 'fr' | null;
  // A design started from a partnership starts from its need (issue 16): the need's skills,
  // delivery mode and career stage, and the need itself as the evidence of need.
  @Field(() => [CompetencyInput], { nullable: true, description: 'Competencies to start with (a need\'s skills, for a design started from a partnership).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CompetencyInput)
  competencies?: CompetencyInput[] | null;
  @Field(() => DeliveryModeEnum, { nullable: true, description: 'Delivery mode to start with.' }) @IsOptional() @IsEnum(DeliveryModeEnum) deliveryMode?: DeliveryModeEnum | null;
  @Field(() => CareerStageEnum, { nullable: true, description: 'Career stage to start with.' }) @IsOptional() @IsEnum(CareerStageEnum) careerStage?: CareerStageEnum | null;
  @Field(() => String, { nullable: true, description: 'Evidence of need to start with (e.g. the partnership\'s need in words).' }) @IsOptional() @IsString() @MaxLength(2000) evidenceOfNeed?: string | null;
}

@InputType({ description: 'Fields left out keep their value; null clears an optional one.' })
export class UpdateCredentialDesignInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) @Matches(/\S/, { message: 'title must not be blank' }) title?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() frameworkId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() partnershipId?: string | null;
  @Field(() => [CompetencyInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CompetencyInput) competencies?: CompetencyInput[];
  @Field(() => [OutcomeInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => OutcomeInput) outcomes?: OutcomeInput[];
  @Field(() => AssessmentPlanInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => AssessmentPlanInput) assessment?: AssessmentPlanInput;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0.5) @Max(10000) hours?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0.5) @Max(520) weeks?: number | null;
  @Field(() => DeliveryModeEnum, { nullable: true }) @IsOptional() @IsEnum(DeliveryModeEnum) deliveryMode?: DeliveryModeEnum | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() credit?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() transcriptable?: boolean | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(200, { each: true }) stackableInto?: string[];
  @Field(() => CareerStageEnum, { nullable: true }) @IsOptional() @IsEnum(CareerStageEnum) careerStage?: CareerStageEnum | null;
  @Field(() => Float, { nullable: true, description: 'Canadian dollars.' }) @IsOptional() @IsNumber() @Min(0) @Max(1_000_000) price?: number | null;
  @Field(() => String, { nullable: true, description: 'en or fr' }) @IsOptional() @IsIn(['en', 'fr'], { message: 'language must be en or fr' }) language?: 'en' | 'fr';
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) level?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) qualityAssurance?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) evidenceOfNeed?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() annualReview?: boolean | null;
}

@InputType()
export class AddFrameworkInput {
  @Field({ description: 'Stable across versions, e.g. "ecampusontario".' }) @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'key must be a lowercase slug' }) key: string;
  @Field() @IsString() @Length(2, 200) name: string;
  @Field() @IsString() @Length(1, 40) version: string;
  @Field() @IsString() @Length(2, 300) publisher: string;
  @Field() @IsString() @Length(1, 2000) description: string;
  @Field(() => GraphQLJSON, { description: 'A list of rules: { id, label, severity?, kind, … }; checked before it is stored.' }) @Allow() rules: unknown;
}

@InputType()
export class CredentialFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() issuerId?: string | null;
}

@InputType({ description: 'Which awards to list; without an issuer, those of every organization you belong to.' })
export class AwardFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() issuerId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() credentialId?: string | null;
  @Field(() => AwardStatusEnum, { nullable: true }) @IsOptional() @IsEnum(AwardStatusEnum) status?: AwardStatusEnum | null;
}

@InputType()
export class AwardRecipientInput {
  @Field({ description: 'Published only as a salted hash.' }) @IsEmail() @MaxLength(320) email: string;
  @Field() @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' }) name: string;
}

@InputType()
export class AwardResultInput {
  @Field(() => Float, { description: 'Percent, 0 to 100; compared with the mastery threshold.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0, { message: 'score must be between 0 and 100' })
  @Max(100, { message: 'score must be between 0 and 100' })
  score: number;
  @Field(() => Int, { description: 'Which attempt this result came from, 1 for the first.' })
  @IsInt()
  @Min(1, { message: 'attempt must be at least 1' })
  @Max(1000)
  attempt: number;
}

@InputType()
export class AwardEvidenceInput {
  @Field(() => String, { nullable: true, description: 'Where employers can see the evidence: an https:// address (a plain http:// link is refused).' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: false }, { message: 'url must be an https:// address' })
  @MaxLength(2000)
  url?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 5000) narrative?: string | null;
}

@InputType()
export class AwardInput {
  @Field(() => ID, { description: 'A published credential.' }) @IsUUID() credentialId: string;
  @Field(() => ID, { description: 'The issuing organization; you must be one of its admins.' }) @IsUUID() issuerId: string;
  @Field(() => AwardRecipientInput) @ValidateNested() @Type(() => AwardRecipientInput) recipient: AwardRecipientInput;
  @Field(() => AwardResultInput) @ValidateNested() @Type(() => AwardResultInput) result: AwardResultInput;
  @Field(() => [AwardEvidenceInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AwardEvidenceInput)
  evidence?: AwardEvidenceInput[] | null;
}

@InputType({ description: 'One learner of a batch: who, their result and evidence.' })
export class AwardBatchLearnerInput {
  @Field(() => AwardRecipientInput) @ValidateNested() @Type(() => AwardRecipientInput) recipient: AwardRecipientInput;
  @Field(() => AwardResultInput) @ValidateNested() @Type(() => AwardResultInput) result: AwardResultInput;
  @Field(() => [AwardEvidenceInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AwardEvidenceInput)
  evidence?: AwardEvidenceInput[] | null;
}

@InputType()
export class AwardBatchInput {
  @Field(() => ID, { description: 'A published credential.' }) @IsUUID() credentialId: string;
  @Field(() => ID, { description: 'The issuing organization; you must be one of its admins.' }) @IsUUID() issuerId: string;
  @Field(() => [AwardBatchLearnerInput], {
    description: '1 to 1,000 learners. Each learner is checked on its own: an invalid one fails as its item (COMMON.INVALID_INPUT) and the others are awarded.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'a batch needs at least 1 learner' })
  @ArrayMaxSize(1000, { message: 'a batch holds at most 1000 learners' })
  // Not @ValidateNested: one learner's bad e-mail must not refuse the whole batch (see learnerProblems).
  @Type(() => AwardBatchLearnerInput)
  learners: AwardBatchLearnerInput[];
}

@InputType({ description: "An organization's endorsement: both claims are stated, plus an optional comment." })
export class EndorsementInput {
  @Field({ description: 'The competency is in demand.' }) @IsBoolean() inDemand: boolean;
  @Field({ description: 'The assessment reflects job performance.' }) @IsBoolean() assessmentReflectsJobPerformance: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string | null;
}

/** What is wrong with one learner of a batch, by field (`recipient.email`), checked with the single award's rules; empty when valid. */
export function learnerProblems(learner: AwardBatchLearnerInput): Array<{ field: string; problems: string[] }> {
  const flatten = (errors: ValidationError[], prefix = ''): Array<{ field: string; problems: string[] }> =>
    errors.flatMap((error) => {
      const field = prefix ? `${prefix}.${error.property}` : error.property;
      return [...(error.constraints ? [{ field, problems: Object.values(error.constraints) }] : []), ...flatten(error.children ?? [], field)];
    });
  const instance = learner instanceof AwardBatchLearnerInput ? learner : plainToInstance(AwardBatchLearnerInput, learner);
  return flatten(validateSync(instance, { forbidUnknownValues: false }));
}
