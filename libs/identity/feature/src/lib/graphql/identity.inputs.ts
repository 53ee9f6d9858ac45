import { Field, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { OrgKindEnum, OrgSizeEnum } from '@lattice/shared-graphql';

@InputType()
export class SignUpInput {
  @Field() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254) email: string;
  @Field({
    description:
      'At least 15 characters, at most 256; not a common or breached password, nor made of your name or e-mail (reasons IDENTITY.PASSWORD_*).',
  })
  @IsString()
  password: string;
  @Field() @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' }) name: string;
  @Field({ defaultValue: 'en', description: 'en or fr' })
  @IsIn(['en', 'fr'], { message: 'locale must be en or fr' })
  locale: 'en' | 'fr';
}

@InputType()
export class CreateOrganizationInput {
  @Field() @IsString() @Length(2, 200) @Matches(/\S/, { message: 'name must not be blank' }) name: string;
  @Field(() => OrgKindEnum) @IsEnum(OrgKindEnum) kind: OrgKindEnum;
  @Field(() => OrgSizeEnum) @IsEnum(OrgSizeEnum) size: OrgSizeEnum;
  @Field(() => String, {
    nullable: true,
    description: 'A region code from the Canadian list, e.g. ON-Toronto.',
  })
  @IsOptional()
  @IsString()
  region?: string | null;
  @Field(() => String, { nullable: true, description: 'NAICS code (2 to 6 digits).' })
  @IsOptional()
  @Matches(/^\d{2,6}$/, { message: 'sector must be a NAICS code of 2 to 6 digits' })
  sector?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'website must be an http(s) URL' },
  )
  @MaxLength(500)
  website?: string | null;
}

@InputType()
export class OrganizationFilter {
  @Field(() => OrgKindEnum, { nullable: true }) @IsOptional() @IsEnum(OrgKindEnum) kind?: OrgKindEnum | null;
  @Field(() => OrgSizeEnum, { nullable: true }) @IsOptional() @IsEnum(OrgSizeEnum) size?: OrgSizeEnum | null;
  @Field(() => String, { nullable: true, description: 'Includes every region within it.' })
  @IsOptional()
  @IsString()
  region?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() verified?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the name; tolerant of small typos.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
