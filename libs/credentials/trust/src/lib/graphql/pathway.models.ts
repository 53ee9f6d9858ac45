// Pathways and recognitions in the schema.
import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { PathwayRow, RecognitionRow } from '@lattice/credentials-data-access';
import { Connection } from '@lattice/shared-graphql';
import type { MemberStatus } from '@lattice/credentials-domain';
import { OrganizationRef, organizationRef } from '@lattice/credentials-co-development';
import { AwardEvidenceInput, AwardRecipientInput, AwardResultInput } from './trust.inputs';

export enum PathwayRuleEnum {
  ALL_OF = 'ALL_OF',
  N_OF = 'N_OF',
}
export enum PathwayStepStatusEnum {
  EARNED = 'EARNED',
  NOT_EARNED = 'NOT_EARNED',
  SCORE_BELOW_MINIMUM = 'SCORE_BELOW_MINIMUM',
  OUT_OF_ORDER = 'OUT_OF_ORDER',
}
registerEnumType(PathwayRuleEnum, {
  name: 'PathwayRule',
  description: 'ALL_OF: every step; N_OF: requiredCount of them.',
});
registerEnumType(PathwayStepStatusEnum, { name: 'PathwayStepStatus' });

@InputType()
export class PathwayStepInput {
  @Field(() => ID, { description: 'A published credential (any institution’s).' })
  @IsUUID()
  credentialId: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Percent, 0–100: an award with a lower score does not count.',
  })
  @IsOptional()
  @IsNumber()
  minScore?: number | null;
}

@InputType()
export class PathwayInput {
  @Field() @IsString() @MaxLength(200) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?:
    string | null;
  @Field(() => PathwayRuleEnum) @IsEnum(PathwayRuleEnum) rule: PathwayRuleEnum;
  @Field(() => Int, { nullable: true, description: 'With N_OF: how many steps complete it.' })
  @IsOptional()
  @IsInt()
  requiredCount?: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Steps must be earned in the order given (default false).',
  })
  @IsOptional()
  @IsBoolean()
  ordered?: boolean | null;
  @Field(() => [PathwayStepInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PathwayStepInput)
  steps: PathwayStepInput[];
  @Field(() => ID, {
    nullable: true,
    description: 'The larger credential it leads to: the owner’s own (or, for an umbrella, one it sponsors).',
  })
  @IsOptional()
  @IsUUID()
  targetCredentialId?: string | null;
}

@InputType()
export class RecognitionInput {
  @Field(() => ID, { description: 'The recognizing institution.' }) @IsUUID() institutionId: string;
  @Field(() => ID, { description: 'Another institution’s published credential.' })
  @IsUUID()
  credentialId: string;
  @Field(() => ID, {
    nullable: true,
    description: 'One of the recognizing institution’s pathways it counts toward.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() creditAmount?: number | null;
  @Field(() => String, { nullable: true, description: 'What credit is counted in, e.g. "credit hours".' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  creditUnit?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) conditions?:
    string | null;
}

@InputType({ description: 'The larger credential a completed pathway leads to, awarded to one learner.' })
export class PathwayAwardInput {
  @Field(() => ID) @IsUUID() pathwayId: string;
  @Field(() => ID, {
    description:
      'The issuing organization (the target credential’s issuer or an adopter); you must be one of its admins.',
  })
  @IsUUID()
  issuerId: string;
  @Field(() => AwardRecipientInput)
  @ValidateNested()
  @Type(() => AwardRecipientInput)
  recipient: AwardRecipientInput;
  @Field(() => AwardResultInput) @ValidateNested() @Type(() => AwardResultInput) result: AwardResultInput;
  @Field(() => [AwardEvidenceInput], {
    nullable: true,
    description: 'More evidence besides the contributing awards, which are added.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AwardEvidenceInput)
  evidence?: AwardEvidenceInput[] | null;
}

@ObjectType('PathwayStep')
export class PathwayStepModel {
  credentialId: string;
  @Field(() => Int) position: number;
  @Field(() => Float, { nullable: true }) minScore: number | null;
}

@ObjectType('Pathway', {
  description: 'A larger credential or program earned by completing published micro-credentials.',
})
export class PathwayModel {
  @Field(() => ID) id: string;
  @Field(() => OrganizationRef, { description: 'The institution or umbrella that defined it.' })
  owner: OrganizationRef;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => PathwayRuleEnum) rule: PathwayRuleEnum;
  @Field(() => Int, { description: 'How many steps complete it.' }) requiredCount: number;
  @Field() ordered: boolean;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  targetCredentialId: string | null;
}

@ObjectType('PathwayConnection')
export class PathwayConnection extends Connection(PathwayModel, 'Pathway') {}

@ObjectType('PathwayStepProgress')
export class PathwayStepProgressModel {
  credentialId: string;
  @Field(() => PathwayStepStatusEnum) status: PathwayStepStatusEnum;
}

@ObjectType('PathwayProgress')
export class PathwayProgressModel {
  @Field(() => PathwayModel) pathway: PathwayModel;
  @Field(() => Int) earned: number;
  @Field(() => Int) required: number;
  @Field() complete: boolean;
  @Field(() => [PathwayStepProgressModel], { description: 'In the pathway’s order.' })
  steps: PathwayStepProgressModel[];
}

@ObjectType('Recognition', {
  description: 'An institution counts another institution’s credential toward its pathway or for credit.',
})
export class RecognitionModel {
  @Field(() => ID) id: string;
  @Field(() => OrganizationRef, { description: 'The recognizing institution.' }) institution: OrganizationRef;
  credentialId: string;
  pathwayId: string | null;
  @Field(() => Float, { nullable: true }) creditAmount: number | null;
  @Field(() => String, { nullable: true }) creditUnit: string | null;
  @Field(() => String, { nullable: true }) conditions: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

export function toPathwayModel(row: PathwayRow): PathwayModel {
  return {
    id: row.id,
    owner: organizationRef(row.ownerId),
    title: row.title,
    description: row.description,
    rule: row.rule as PathwayRuleEnum,
    requiredCount: row.requiredCount,
    ordered: row.ordered,
    createdAt: row.createdAt,
    targetCredentialId: row.targetCredentialId,
  };
}

export function toRecognitionModel(row: RecognitionRow): RecognitionModel {
  return { ...row, institution: organizationRef(row.institutionId) };
}

export const toStepStatus = (status: MemberStatus) => status as PathwayStepStatusEnum;
