import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
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
import { CareerStageEnum, DeliveryModeEnum, IsCalendarDate } from '@lattice/shared-graphql';
import { NeedStatusEnum, PartnershipDirectionEnum, PartnershipStateEnum } from './marketplace.models';

@InputType()
export class SkillLevelInput {
  @Field(() => ID, { description: 'A skill id from `skills`, or its ESCO / Skills for Success URI.' })
  @IsString()
  @Length(1, 300)
  skillId: string;
  @Field(() => Int, { description: '1 (basic) to 4 (expert).' })
  @IsInt()
  @Min(1, { message: 'level must be 1 to 4' })
  @Max(4, { message: 'level must be 1 to 4' })
  level: number;
}

@InputType()
export class PostSkillNeedInput {
  @Field(() => ID) @IsUUID('all', { message: 'organizationId must be an id' }) organizationId: string;
  @Field() @IsString() @Length(3, 200) @Matches(/\S/, { message: 'title must not be blank' }) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?:
    string | null;
  @Field(() => [SkillLevelInput])
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SkillLevelInput)
  skills: SkillLevelInput[];
  @Field({ description: 'A region code, e.g. ON-Sudbury.' }) @IsString() @MaxLength(60) region: string;
  @Field(() => [DeliveryModeEnum])
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(DeliveryModeEnum, { each: true })
  deliveryModes: DeliveryModeEnum[];
  @Field(() => Int) @IsInt() @Min(1) @Max(100_000) learnerCount: number;
  @Field(() => CareerStageEnum) @IsEnum(CareerStageEnum) careerStage: CareerStageEnum;
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  neededBy?: string | null;
}

@InputType()
export class UpdateSkillNeedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?:
    string | null;
  @Field(() => [SkillLevelInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SkillLevelInput)
  skills?: SkillLevelInput[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60) region?: string | null;
  @Field(() => [DeliveryModeEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(DeliveryModeEnum, { each: true })
  deliveryModes?: DeliveryModeEnum[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100_000) learnerCount?:
    number | null;
  @Field(() => CareerStageEnum, { nullable: true })
  @IsOptional()
  @IsEnum(CareerStageEnum)
  careerStage?: CareerStageEnum | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsCalendarDate() neededBy?: string | null;
}

@InputType()
export class CapabilityProfileInput {
  @Field(() => ID) @IsUUID('all', { message: 'organizationId must be an id' }) organizationId: string;
  @Field(() => [SkillLevelInput])
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SkillLevelInput)
  skills: SkillLevelInput[];
  @Field(() => [String], { description: 'Region codes served; each includes the regions within it.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  regions: string[];
  @Field(() => [DeliveryModeEnum])
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(DeliveryModeEnum, { each: true })
  deliveryModes: DeliveryModeEnum[];
  @Field(() => Int, { description: 'Learners a year the institution can take in credentials like these.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  annualCapacity: number;
}

@InputType()
export class ProposePartnershipInput {
  @Field(() => ID) @IsUUID('all', { message: 'needId must be an id' }) needId: string;
  @Field(() => ID) @IsUUID('all', { message: 'institutionId must be an id' }) institutionId: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) message?: string | null;
}

@InputType()
export class PartnershipFilter {
  @Field(() => PartnershipStateEnum, { nullable: true })
  @IsOptional()
  @IsEnum(PartnershipStateEnum)
  state?: PartnershipStateEnum | null;
  @Field(() => PartnershipDirectionEnum, { nullable: true })
  @IsOptional()
  @IsEnum(PartnershipDirectionEnum)
  direction?: PartnershipDirectionEnum | null;
}

@InputType()
export class SkillNeedFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') organizationId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Needs of the umbrella’s member organizations (umbrella members only).',
  })
  @IsOptional()
  @IsUUID('all')
  umbrellaId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') skillId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Includes every region within it (unless exactRegion).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  region?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only needs posted for exactly `region`, not for the regions within it: the needs a demand map cell grouped by region counts.',
  })
  @IsOptional()
  @IsBoolean()
  exactRegion?: boolean | null;
  @Field(() => String, { nullable: true, description: 'NAICS code or prefix.' })
  @IsOptional()
  @IsString()
  sector?: string | null;
  @Field(() => CareerStageEnum, { nullable: true })
  @IsOptional()
  @IsEnum(CareerStageEnum)
  careerStage?: CareerStageEnum | null;
  @Field(() => NeedStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(NeedStatusEnum)
  status?: NeedStatusEnum | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() postedAfter?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() postedBefore?: Date | null;
  @Field(() => String, { nullable: true, description: 'Needed on or before this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  neededBefore?: string | null;
}

@InputType()
export class DemandFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60) region?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() sector?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Needs posted at or after.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Needs posted before.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') umbrellaId?: string | null;
}
