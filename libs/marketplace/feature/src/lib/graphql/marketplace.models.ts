// Marketplace's GraphQL types. They are not the ORM entities: mappers copy what a client may see.
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
import { CareerStageEnum, Connection, DeliveryModeEnum, GraphQLJSON } from '@lattice/shared-graphql';
import type {
  CapabilityProfileEntity,
  PartnershipEntity,
  SkillNeedEntity,
  SkillRow,
} from '@lattice/marketplace-data-access';

export enum SkillKindEnum {
  SKILL = 'SKILL',
  KNOWLEDGE = 'KNOWLEDGE',
  SKILL_GROUP = 'SKILL_GROUP',
}
export enum NeedStatusEnum {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
export enum PartnershipStateEnum {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
export enum PartnershipDirectionEnum {
  PROPOSED_BY_US = 'PROPOSED_BY_US',
  PROPOSED_TO_US = 'PROPOSED_TO_US',
}
export enum MatchReasonKindEnum {
  SKILL_OVERLAP = 'SKILL_OVERLAP',
  RELATED_SKILL = 'RELATED_SKILL',
  REGION = 'REGION',
  DELIVERY_MODE = 'DELIVERY_MODE',
  CAPACITY = 'CAPACITY',
  TIMELINE = 'TIMELINE',
  SMALL_INSTITUTION = 'SMALL_INSTITUTION',
}
export enum DemandGroupingEnum {
  REGION = 'REGION',
  SECTOR = 'SECTOR',
  SKILL = 'SKILL',
  SKILL_GROUP = 'SKILL_GROUP',
}
registerEnumType(SkillKindEnum, { name: 'SkillKind' });
registerEnumType(NeedStatusEnum, { name: 'NeedStatus' });
registerEnumType(PartnershipStateEnum, { name: 'PartnershipState' });
registerEnumType(PartnershipDirectionEnum, {
  name: 'PartnershipDirection',
  description: 'Whose proposal: the organization’s own, or one awaiting its answer.',
});
registerEnumType(MatchReasonKindEnum, { name: 'MatchReasonKind' });
registerEnumType(DemandGroupingEnum, { name: 'DemandGrouping' });

/** Identity owns organizations; marketplace only points at them. */
@ObjectType('Organization')
@Directive('@key(fields: "id", resolvable: false)')
export class OrganizationRef {
  @Field(() => ID) id: string;
}

@ObjectType('Skill', {
  description: 'An ESCO skill, knowledge item or skill group, or one of the nine Skills for Success.',
})
export class SkillModel {
  @Field(() => ID) id: string;
  @Field({ description: 'The ESCO concept URI (or Lattice’s URI for a Skill for Success).' }) uri: string;
  @Field({ description: 'English preferred label.' }) label: string;
  @Field(() => String, { nullable: true, description: 'French preferred label, when ESCO publishes one.' })
  labelFr: string | null;
  @Field(() => [String]) altLabels: string[];
  @Field(() => [String]) altLabelsFr: string[];
  @Field({ description: 'ESCO or SFS (Skills for Success).' }) framework: string;
  @Field(() => SkillKindEnum) kind: SkillKindEnum;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) descriptionFr: string | null;
  @Field(() => String, { nullable: true, description: 'skill/competence or knowledge.' }) skillType:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'transversal, cross-sector, sector-specific or occupation-specific.',
  })
  reuseLevel: string | null;
  @Field(() => String, { nullable: true, description: 'Skill groups: the hierarchy code, e.g. S1.2.' }) code:
    string | null;
  @Field(() => [String], {
    description: 'ESCO collections the skill belongs to (digital, green, transversal…).',
  })
  collections: string[];
}

@ObjectType('SkillConnection')
export class SkillConnectionModel extends Connection(SkillModel, 'Skill') {}

@ObjectType('NeedSkill')
export class NeedSkillModel {
  @Field(() => SkillModel) skill: SkillModel;
  @Field(() => Int, { description: '1 (basic) to 4 (expert).' }) level: number;
}

@ObjectType('SkillNeed')
export class SkillNeedModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => NeedStatusEnum) status: NeedStatusEnum;
  @Field({ description: 'A region code such as ON-Sudbury.' }) region: string;
  @Field(() => String, { nullable: true, description: 'The employer’s NAICS code when posted.' }) sector:
    string | null;
  @Field(() => [DeliveryModeEnum]) deliveryModes: DeliveryModeEnum[];
  @Field(() => Int) learnerCount: number;
  @Field(() => CareerStageEnum) careerStage: CareerStageEnum;
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' }) neededBy: string | null;
  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion.' })
  version: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt: Date | null;
  organizationId: string;
}

@ObjectType('SkillNeedConnection')
export class SkillNeedConnectionModel extends Connection(SkillNeedModel, 'SkillNeed') {}

@ObjectType('ProfileSkill')
export class ProfileSkillModel {
  @Field(() => SkillModel) skill: SkillModel;
  @Field(() => Int) level: number;
}

@ObjectType('CapabilityProfile', {
  description: 'What an institution can teach, where, how, and for how many learners a year.',
})
export class CapabilityProfileModel {
  @Field(() => [String]) regions: string[];
  @Field(() => [DeliveryModeEnum]) deliveryModes: DeliveryModeEnum[];
  @Field(() => Int) annualCapacity: number;
  @Field(() => Int) version: number;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  organizationId: string;
}

@ObjectType('MatchReason')
export class MatchReasonModel {
  @Field(() => MatchReasonKindEnum) kind: MatchReasonKindEnum;
  @Field(() => Float, { description: 'This reason’s contribution to the score.' }) weight: number;
  @Field({ description: 'In English; code and params say the same as data.' }) detail: string;
  @Field(() => String, {
    nullable: true,
    description:
      'TEACHES_SKILLS, RELATED_SKILLS, SERVES_REGION, SERVES_PART_OF_REGION, DOES_NOT_SERVE_REGION, DELIVERY_MATCHES, DELIVERY_DIFFERS, CAPACITY, NO_DEADLINE, DAYS_UNTIL_NEEDED, SMALL_INSTITUTION; null for a ranking cached before reasons carried codes.',
  })
  code?: string | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'taught, needed, credit, skills (labels), count, region, capacity, learners, days, leadDays — as the code has them.',
  })
  params?: unknown;
}

@ObjectType('PartnerMatch')
export class PartnerMatchModel {
  @Field(() => OrganizationRef) institution: OrganizationRef;
  @Field(() => Float) score: number;
  @Field(() => [MatchReasonModel]) reasons: MatchReasonModel[];
}

@ObjectType('NeedMatch')
export class NeedMatchModel {
  @Field(() => Float) score: number;
  @Field(() => [MatchReasonModel]) reasons: MatchReasonModel[];
  /** A plain field, read with the ranking: no resolver runs per match. */
  @Field(() => SkillNeedModel) need: SkillNeedModel;
}

@ObjectType('DemandCell')
export class DemandCellModel {
  @Field({ description: 'Region code, 2-digit NAICS sector, or skill / skill group id.' }) key: string;
  @Field() label: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The skill’s or skill group’s French label (ESCO), when it has one; null for regions and sectors.',
  })
  labelFr: string | null;
  @Field(() => Int, { description: 'Open needs.' }) needs: number;
  @Field(() => Int, { description: 'Learners those needs ask for.' }) learners: number;
  @Field(() => Int, {
    description:
      'Institutions able to serve: by region, those serving it; by sector, those teaching a skill it asks for; by skill or group, those teaching it.',
  })
  supply: number;
  @Field(() => Int, {
    description: 'Learners beyond the supplying institutions’ annual capacity (0 when covered).',
  })
  gap: number;
}

@ObjectType('Partnership')
export class PartnershipModel {
  @Field(() => ID) id: string;
  @Field(() => PartnershipStateEnum) state: PartnershipStateEnum;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => String, { nullable: true }) responseMessage: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) respondedAt: Date | null;
  @Field(() => OrganizationRef) institution: OrganizationRef;
  @Field(() => OrganizationRef) employer: OrganizationRef;
  @Field(() => OrganizationRef, { description: 'The side that proposed.' }) proposedBy: OrganizationRef;
  needId: string;
}

@ObjectType('PartnershipConnection')
export class PartnershipConnectionModel extends Connection(PartnershipModel, 'Partnership') {}

export function toSkillModel(skill: SkillRow): SkillModel {
  return {
    id: skill.id,
    uri: skill.uri,
    label: skill.labelEn,
    labelFr: skill.labelFr,
    altLabels: skill.altLabelsEn,
    altLabelsFr: skill.altLabelsFr,
    framework: skill.framework,
    kind: skill.kind as SkillKindEnum,
    description: skill.descriptionEn,
    descriptionFr: skill.descriptionFr,
    skillType: skill.skillType,
    reuseLevel: skill.reuseLevel,
    code: skill.code,
    collections: skill.collections,
  };
}

export function toSkillNeedModel(need: SkillNeedEntity): SkillNeedModel {
  return {
    id: need.id,
    title: need.title,
    description: need.description,
    status: need.status as NeedStatusEnum,
    region: need.region,
    sector: need.sector,
    deliveryModes: need.deliveryModes as DeliveryModeEnum[],
    learnerCount: need.learnerCount,
    careerStage: need.careerStage as CareerStageEnum,
    neededBy: need.neededBy,
    version: need.version,
    createdAt: need.createdAt,
    updatedAt: need.updatedAt,
    closedAt: need.closedAt,
    organizationId: need.organizationId,
  };
}

export function toCapabilityProfileModel(profile: CapabilityProfileEntity): CapabilityProfileModel {
  return {
    regions: profile.regions,
    deliveryModes: profile.deliveryModes as DeliveryModeEnum[],
    annualCapacity: profile.annualCapacity,
    version: profile.version,
    updatedAt: profile.updatedAt,
    organizationId: profile.organizationId,
  };
}

export function toPartnershipModel(partnership: PartnershipEntity): PartnershipModel {
  return {
    id: partnership.id,
    state: partnership.state as PartnershipStateEnum,
    message: partnership.message,
    responseMessage: partnership.responseMessage,
    createdAt: partnership.createdAt,
    respondedAt: partnership.respondedAt,
    institution: { id: partnership.institutionId },
    employer: { id: partnership.employerId },
    proposedBy: { id: partnership.proposedByOrganizationId },
    needId: partnership.needId,
  };
}
