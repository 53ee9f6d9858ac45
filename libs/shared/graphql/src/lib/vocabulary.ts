// The product's value lists as GraphQL enums, registered once for every subgraph from the lists in
// libs/shared/contracts. A subgraph's schema shows an enum only where one of its types uses it;
// where several do, composition sees the same values and the same description in each.
import { registerEnumType } from '@nestjs/graphql';
import {
  ASSESSMENT_METHODS,
  type AssessmentMethod,
  CAREER_STAGES,
  type CareerStage,
  DELIVERY_MODES,
  type DeliveryMode,
  DESIGN_STAGES,
  type DesignStage,
  enumOf,
  ORGANIZATION_KINDS,
  ORGANIZATION_SIZES,
  type OrgKind,
  type OrgSize,
  OUTCOME_KINDS,
  type OutcomeKind,
  type Role,
  ROLES,
} from '@lattice/shared-contracts';

export const RoleEnum = enumOf(ROLES);
export type RoleEnum = Role;
export const OrgKindEnum = enumOf(ORGANIZATION_KINDS);
export type OrgKindEnum = OrgKind;
export const OrgSizeEnum = enumOf(ORGANIZATION_SIZES);
export type OrgSizeEnum = OrgSize;
export const DeliveryModeEnum = enumOf(DELIVERY_MODES);
export type DeliveryModeEnum = DeliveryMode;
export const CareerStageEnum = enumOf(CAREER_STAGES);
export type CareerStageEnum = CareerStage;
export const AssessmentMethodEnum = enumOf(ASSESSMENT_METHODS);
export type AssessmentMethodEnum = AssessmentMethod;
export const OutcomeKindEnum = enumOf(OUTCOME_KINDS);
export type OutcomeKindEnum = OutcomeKind;
export const DesignStageEnum = enumOf(DESIGN_STAGES);
export type DesignStageEnum = DesignStage;

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'OWNER manages everything, ADMIN manages members and content, MEMBER takes part.',
});
registerEnumType(OrgKindEnum, { name: 'OrgKind' });
registerEnumType(OrgSizeEnum, { name: 'OrgSize' });
registerEnumType(DeliveryModeEnum, { name: 'DeliveryMode' });
registerEnumType(CareerStageEnum, {
  name: 'CareerStage',
  description: 'Where the learners are in their working life.',
});
registerEnumType(AssessmentMethodEnum, {
  name: 'AssessmentMethod',
  description: 'The nine assessment methods the Ontario pilots used.',
});
registerEnumType(OutcomeKindEnum, { name: 'OutcomeKind' });
registerEnumType(DesignStageEnum, {
  name: 'DesignStage',
  description: 'DRAFT → IN_REVIEW ⇄ CHANGES_REQUESTED; IN_REVIEW → APPROVED → PUBLISHED → RETIRED.',
});
