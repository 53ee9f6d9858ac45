import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
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
import { AwardStatusEnum } from './trust.models';

@InputType()
export class CredentialFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() issuerId?: string | null;
}

@InputType({
  description: 'Which awards to list; without an issuer, those of every organization you belong to.',
})
export class AwardFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() issuerId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() credentialId?: string | null;
  @Field(() => AwardStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(AwardStatusEnum)
  status?: AwardStatusEnum | null;
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
  @Field(() => String, {
    nullable: true,
    description:
      'Where employers can see the evidence: an https:// address (a plain http:// link is refused).',
  })
  @IsOptional()
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_tld: false },
    { message: 'url must be an https:// address' },
  )
  @MaxLength(2000)
  url?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 5000) narrative?:
    string | null;
}

@InputType()
export class AwardInput {
  @Field(() => ID, { description: 'A published credential.' }) @IsUUID() credentialId: string;
  @Field(() => ID, { description: 'The issuing organization; you must be one of its admins.' })
  @IsUUID()
  issuerId: string;
  @Field(() => AwardRecipientInput)
  @ValidateNested()
  @Type(() => AwardRecipientInput)
  recipient: AwardRecipientInput;
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
  @Field(() => AwardRecipientInput)
  @ValidateNested()
  @Type(() => AwardRecipientInput)
  recipient: AwardRecipientInput;
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
  @Field(() => ID, { description: 'The issuing organization; you must be one of its admins.' })
  @IsUUID()
  issuerId: string;
  @Field(() => [AwardBatchLearnerInput], {
    description:
      '1 to 1,000 learners. Each learner is checked on its own: an invalid one fails as its item (COMMON.INVALID_INPUT) and the others are awarded.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'a batch needs at least 1 learner' })
  @ArrayMaxSize(1000, { message: 'a batch holds at most 1000 learners' })
  // Not @ValidateNested: one learner's bad e-mail must not refuse the whole batch (see learnerProblems).
  @Type(() => AwardBatchLearnerInput)
  learners: AwardBatchLearnerInput[];
}

@InputType({
  description: "An organization's endorsement: both claims are stated, plus an optional comment.",
})
export class EndorsementInput {
  @Field({ description: 'The competency is in demand.' }) @IsBoolean() inDemand: boolean;
  @Field({ description: 'The assessment reflects job performance.' })
  @IsBoolean()
  assessmentReflectsJobPerformance: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string | null;
}

/** What is wrong with one learner of a batch, by field (`recipient.email`), checked with the single award's rules; empty when valid. */
export function learnerProblems(
  learner: AwardBatchLearnerInput,
): Array<{ field: string; problems: string[] }> {
  const flatten = (errors: ValidationError[], prefix = ''): Array<{ field: string; problems: string[] }> =>
    errors.flatMap((error) => {
      const field = prefix ? `${prefix}.${error.property}` : error.property;
      return [
        ...(error.constraints ? [{ field, problems: Object.values(error.constraints) }] : []),
        ...flatten(error.children ?? [], field),
      ];
    });
  const instance =
    learner instanceof AwardBatchLearnerInput ? learner : plainToInstance(AwardBatchLearnerInput, learner);
  return flatten(validateSync(instance, { forbidUnknownValues: false }));
}
