// The public catalogue's GraphQL shapes: a search result is a page of catalogue entries (each
// with its published credential) plus facet counts over everything the search found.
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
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import {
  HOURS_BANDS,
  PRICE_BANDS,
  type CatalogueHit,
  type FacetCount,
} from '@lattice/credentials-data-access';
import {
  AssessmentMethodEnum,
  CareerStageEnum,
  Connection,
  DeliveryModeEnum,
  OrgSizeEnum,
} from '@lattice/shared-graphql';
import { MAX_CATALOGUE_VALUES } from '../search-credentials/search-credentials.use-case';
import { CredentialModel } from '@lattice/credentials-co-development';

export enum CatalogueSortEnum {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  MOST_ENDORSED = 'MOST_ENDORSED',
}
export const HoursBandEnum = Object.fromEntries(Object.keys(HOURS_BANDS).map((name) => [name, name])) as {
  [K in keyof typeof HOURS_BANDS]: K;
};
export const PriceBandEnum = Object.fromEntries(Object.keys(PRICE_BANDS).map((name) => [name, name])) as {
  [K in keyof typeof PRICE_BANDS]: K;
};
export enum CatalogueFacetEnum {
  DELIVERY_MODE = 'DELIVERY_MODE',
  LANGUAGE = 'LANGUAGE',
  HOURS_BAND = 'HOURS_BAND',
  PRICE_BAND = 'PRICE_BAND',
  CREDIT = 'CREDIT',
  TRANSCRIPTABLE = 'TRANSCRIPTABLE',
  ENDORSER_SECTOR = 'ENDORSER_SECTOR',
  SPONSOR = 'SPONSOR',
  ISSUER = 'ISSUER',
  REGION = 'REGION',
  ISSUER_SIZE = 'ISSUER_SIZE',
}
export enum CatalogueLanguageEnum {
  en = 'en',
  fr = 'fr',
}
registerEnumType(CatalogueSortEnum, {
  name: 'CatalogueSort',
  description: 'RELEVANCE needs words to search for (and is then the default); NEWEST otherwise.',
});
registerEnumType(HoursBandEnum, {
  name: 'HoursBand',
  description: 'Stated learning hours: under 10, 10–29, 30–59, 60–120, over 120.',
});
registerEnumType(PriceBandEnum, {
  name: 'PriceBand',
  description: 'Price in Canadian dollars: free, under 500, 500–1,499, 1,500 and more.',
});
registerEnumType(CatalogueFacetEnum, { name: 'CatalogueFacetName' });
registerEnumType(CatalogueLanguageEnum, {
  name: 'CatalogueLanguage',
  description: 'The language a credential is taught and assessed in.',
});

@InputType({ description: 'Every list is "any of"; lists hold at most 50 values.' })
export class CatalogueFilter {
  @Field(() => [ID], { nullable: true, description: 'Credentials that teach any of these skills.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATALOGUE_VALUES)
  @IsUUID('all', { each: true })
  skillIds?: string[] | null;
  @Field(() => [DeliveryModeEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATALOGUE_VALUES)
  @IsEnum(DeliveryModeEnum, { each: true })
  deliveryModes?: DeliveryModeEnum[] | null;
  @Field(() => [CatalogueLanguageEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATALOGUE_VALUES)
  @IsEnum(CatalogueLanguageEnum, { each: true })
  languages?: CatalogueLanguageEnum[] | null;
  @Field(() => [HoursBandEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATALOGUE_VALUES)
  @IsEnum(HoursBandEnum, { each: true })
  hoursBands?: (keyof typeof HOURS_BANDS)[] | null;
  @Field(() => [PriceBandEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATALOGUE_VALUES)
  @IsEnum(PriceBandEnum, { each: true })
  priceBands?: (keyof typeof PRICE_BANDS)[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Credit-bearing (true) or not (false).' })
  @IsOptional()
  @IsBoolean()
  credit?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  transcriptable?: boolean | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Endorsed by employers of these NAICS sectors (e.g. "54", "31-33").',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATALOGUE_VALUES)
  @IsString({ each: true })
  @MaxLength(5, { each: true })
  endorserSectors?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Sponsored by any of these umbrella organizations.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATALOGUE_VALUES)
  @IsUUID('all', { each: true })
  sponsorIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Issued by any of these institutions.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATALOGUE_VALUES)
  @IsUUID('all', { each: true })
  issuerIds?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description:
      'Issued by institutions in any of these regions (codes such as ON or ON-Toronto); a region includes every region within it.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATALOGUE_VALUES)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  regions?: string[] | null;
  @Field(() => [OrgSizeEnum], {
    nullable: true,
    description: 'Issuers of these sizes (small institutions findable as such).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATALOGUE_VALUES)
  @IsEnum(OrgSizeEnum, { each: true })
  issuerSizes?: OrgSizeEnum[] | null;
}

@ObjectType('CatalogueEntry', { description: 'A published credential as the public catalogue shows it.' })
export class CatalogueEntryModel {
  @Field(() => CredentialModel) credential: CredentialModel;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => CatalogueLanguageEnum) language: CatalogueLanguageEnum;
  @Field(() => DeliveryModeEnum, { nullable: true }) deliveryMode: DeliveryModeEnum | null;
  @Field(() => Float, { nullable: true }) hours: number | null;
  @Field(() => Float, { nullable: true, description: 'Canadian dollars.' }) price: number | null;
  @Field(() => Boolean, { nullable: true }) credit: boolean | null;
  @Field(() => Boolean, { nullable: true }) transcriptable: boolean | null;
  @Field(() => CareerStageEnum, { nullable: true }) careerStage: CareerStageEnum | null;
  @Field(() => [ID], { description: 'The skills its competencies teach (Lattice skill ids).' })
  skillIds: string[];
  @Field(() => [AssessmentMethodEnum]) assessmentMethods: AssessmentMethodEnum[];
  @Field(() => Int, { description: 'Standing endorsements.' }) endorsementCount: number;
  @Field(() => [String], { description: 'NAICS sectors of its endorsers.' }) endorserSectors: string[];
  @Field(() => [ID], { description: 'Umbrella organizations sponsoring it.' }) sponsorIds: string[];
  @Field(() => String, {
    nullable: true,
    description: 'The issuer’s name, as identity stated it at publication (public, unlike Organization).',
  })
  issuerName: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The issuer’s region code, as identity stated it at publication.',
  })
  issuerRegion: string | null;
  @Field(() => OrgSizeEnum, {
    nullable: true,
    description: 'The issuer’s size, as identity stated it at publication.',
  })
  issuerSize: OrgSizeEnum | null;
  @Field(() => GraphQLISODateTime) publishedAt: Date;
  @Field({ description: 'Retired: no longer awarded (search never returns it; its page still shows it).' })
  retired: boolean;
  @Field(() => Float, { description: 'How well it matches the words searched for (0 without words).' })
  relevance: number;
}

@ObjectType('CatalogueFacetValue')
export class CatalogueFacetValueModel {
  @Field({
    description:
      'The value as filters take it (an enum name, "true"/"false", a sector code or an organization id).',
  })
  value: string;
  @Field(() => Int) count: number;
}

@ObjectType('CatalogueOrganizationName')
export class CatalogueOrganizationNameModel {
  @Field(() => ID) id: string;
  @Field({
    description:
      'Its public name as the catalogue recorded it (when it published, sponsored, defined a pathway or recognized one).',
  })
  name: string;
}

@ObjectType('CatalogueFacet')
export class CatalogueFacetModel {
  @Field(() => CatalogueFacetEnum) name: CatalogueFacetEnum;
  @Field(() => [CatalogueFacetValueModel], { description: 'Most credentials first.' })
  values: CatalogueFacetValueModel[];
}

@ObjectType('CatalogueSearchResult')
export class CatalogueSearchResultModel extends Connection(CatalogueEntryModel, 'CatalogueEntry') {
  @Field(() => CatalogueSortEnum, { description: 'The order used.' }) sort: CatalogueSortEnum;
  @Field(() => [CatalogueOrganizationNameModel], {
    description:
      'The names of the organizations among the ISSUER and SPONSOR facet values (those the catalogue has a name for), to label them. A list beside the facets, not a field of each value, so asking for it costs little.',
  })
  facetOrganizationNames: CatalogueOrganizationNameModel[];
  @Field(() => [CatalogueFacetModel], {
    description: 'Counts over everything the search found (not only this page).',
  })
  facets: CatalogueFacetModel[];
}

export function toCatalogueEntryModel(hit: CatalogueHit): CatalogueEntryModel {
  return {
    credential: {
      id: hit.credentialId,
      title: hit.title,
      issuer: { id: hit.issuerId },
      publishedVersion: hit.designVersion,
      publishedAt: hit.publishedAt,
      designId: hit.designId,
      frameworkId: hit.frameworkId,
    },
    description: hit.description,
    language: hit.language as CatalogueLanguageEnum,
    deliveryMode: hit.deliveryMode as DeliveryModeEnum | null,
    hours: hit.hours,
    price: hit.price,
    credit: hit.credit,
    transcriptable: hit.transcriptable,
    careerStage: hit.careerStage as CareerStageEnum | null,
    skillIds: hit.skillIds,
    assessmentMethods: hit.assessmentMethods as AssessmentMethodEnum[],
    endorsementCount: hit.endorsementCount,
    endorserSectors: hit.endorserSectors,
    sponsorIds: hit.sponsorIds,
    issuerName: hit.issuerName,
    issuerRegion: hit.issuerRegion,
    issuerSize: hit.issuerSize as OrgSizeEnum | null,
    publishedAt: hit.publishedAt,
    retired: hit.retired,
    relevance: hit.rank,
  };
}

/** The named organizations among the ISSUER and SPONSOR facet values, each once. */
export function toFacetOrganizationNames(counts: readonly FacetCount[]): CatalogueOrganizationNameModel[] {
  const names = new Map<string, string>();
  for (const count of counts)
    if ((count.facet === 'ISSUER' || count.facet === 'SPONSOR') && count.label)
      names.set(count.value, count.label);
  return [...names].map(([id, name]) => ({ id, name }));
}

export function toCatalogueFacetModels(counts: readonly FacetCount[]): CatalogueFacetModel[] {
  return Object.values(CatalogueFacetEnum).map((name) => ({
    name,
    values: counts.filter((count) => count.facet === name).map(({ value, count }) => ({ value, count })),
  }));
}
