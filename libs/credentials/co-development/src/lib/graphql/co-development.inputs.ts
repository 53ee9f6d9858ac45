import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AssessmentMethodEnum,
  CareerStageEnum,
  DeliveryModeEnum,
  GraphQLJSON,
  OutcomeKindEnum,
} from '@lattice/shared-graphql';

@InputType()
export class CompetencyInput {
  @Field(() => ID, { description: 'A skill id from the skills query.' })
  @IsString()
  @MaxLength(300)
  skillId: string;
}

@InputType()
export class OutcomeInput {
  @Field()
  @IsString()
  @Length(1, 1000)
  @Matches(/\S/, { message: 'statement must not be blank' })
  statement: string;
  @Field(() => OutcomeKindEnum) @IsEnum(OutcomeKindEnum) kind: OutcomeKindEnum;
  @Field(() => [ID], { description: "Each must be one of the design's competencies." })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  skillIds: string[];
}

@InputType({ description: 'Fields left out keep their value.' })
export class AssessmentPlanInput {
  @Field(() => [AssessmentMethodEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(AssessmentMethodEnum, { each: true })
  methods?: AssessmentMethodEnum[];
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
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() evidenceVisibleToEmployers?:
    boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) evidenceRequirements?:
    string | null;
}

@InputType()
export class CreateCredentialDesignInput {
  @Field(() => ID, { description: 'The issuing institution; you must be one of its admins.' })
  @IsUUID()
  issuerId: string;
  @Field() @IsString() @Length(1, 200) @Matches(/\S/, { message: 'title must not be blank' }) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?:
    string | null;
  @Field(() => ID, { description: 'A framework version from the frameworks query.' })
  @IsUUID()
  frameworkId: string;
  @Field(() => ID, { nullable: true, description: 'The marketplace partnership it comes from, if any.' })
  @IsOptional()
  @IsUUID()
  partnershipId?: string | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Partner organizations (employers…) who co-develop and must approve.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  partnerIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'en or fr (default en).' })
  @IsOptional()
  @IsIn(['en', 'fr'], { message: 'language must be en or fr' })
  language?: 'en' | 'fr' | null;
  // A design started from a partnership starts from its need (issue 16): the need's skills,
  // delivery mode and career stage, and the need itself as the evidence of need.
  @Field(() => [CompetencyInput], {
    nullable: true,
    description: "Competencies to start with (a need's skills, for a design started from a partnership).",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CompetencyInput)
  competencies?: CompetencyInput[] | null;
  @Field(() => DeliveryModeEnum, { nullable: true, description: 'Delivery mode to start with.' })
  @IsOptional()
  @IsEnum(DeliveryModeEnum)
  deliveryMode?: DeliveryModeEnum | null;
  @Field(() => CareerStageEnum, { nullable: true, description: 'Career stage to start with.' })
  @IsOptional()
  @IsEnum(CareerStageEnum)
  careerStage?: CareerStageEnum | null;
  @Field(() => String, {
    nullable: true,
    description: "Evidence of need to start with (e.g. the partnership's need in words).",
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  evidenceOfNeed?: string | null;
}

@InputType({ description: 'Fields left out keep their value; null clears an optional one.' })
export class UpdateCredentialDesignInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?:
    string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() frameworkId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() partnershipId?: string | null;
  @Field(() => [CompetencyInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CompetencyInput)
  competencies?: CompetencyInput[];
  @Field(() => [OutcomeInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OutcomeInput)
  outcomes?: OutcomeInput[];
  @Field(() => AssessmentPlanInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssessmentPlanInput)
  assessment?: AssessmentPlanInput;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0.5) @Max(10000) hours?:
    number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0.5) @Max(520) weeks?: number | null;
  @Field(() => DeliveryModeEnum, { nullable: true })
  @IsOptional()
  @IsEnum(DeliveryModeEnum)
  deliveryMode?: DeliveryModeEnum | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() credit?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() transcriptable?: boolean | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  stackableInto?: string[];
  @Field(() => CareerStageEnum, { nullable: true })
  @IsOptional()
  @IsEnum(CareerStageEnum)
  careerStage?: CareerStageEnum | null;
  @Field(() => Float, { nullable: true, description: 'Canadian dollars.' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1_000_000)
  price?: number | null;
  @Field(() => String, { nullable: true, description: 'en or fr' })
  @IsOptional()
  @IsIn(['en', 'fr'], { message: 'language must be en or fr' })
  language?: 'en' | 'fr';
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) level?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) qualityAssurance?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) evidenceOfNeed?:
    string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() annualReview?: boolean | null;
}

@InputType()
export class AddFrameworkInput {
  @Field({ description: 'Stable across versions, e.g. "ecampusontario".' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'key must be a lowercase slug' })
  key: string;
  @Field() @IsString() @Length(2, 200) name: string;
  @Field() @IsString() @Length(1, 40) version: string;
  @Field() @IsString() @Length(2, 300) publisher: string;
  @Field() @IsString() @Length(1, 2000) description: string;
  @Field(() => GraphQLJSON, {
    description: 'A list of rules: { id, label, severity?, kind, … }; checked before it is stored.',
  })
  @Allow()
  rules: unknown;
}
