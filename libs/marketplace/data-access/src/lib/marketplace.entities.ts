// Marketplace's tables (schema "marketplace") that use cases write row by row. The taxonomy and
// the ranking are read with SQL in MarketplaceRepository.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CareerStage, DeliveryMode } from '@lattice/shared-contracts';

export const MARKETPLACE_SCHEMA = 'marketplace';
export type NeedStatus = 'OPEN' | 'CLOSED';
export type PartnershipState = 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';

/** Marketplace's copy of the identity facts matching needs (fed by identity's events). */
@Entity({ name: 'organizations', schema: MARKETPLACE_SCHEMA })
export class DirectoryOrganizationEntity {
  @PrimaryColumn('uuid') id: string;
  /** Null only in a stub: an event about the organization arrived before its creation (ADR 0011). */
  @Column('text', { nullable: true }) name: string | null;
  @Column('text', { nullable: true }) kind: string | null;
  @Column('text', { nullable: true }) size: string | null;
  @Column('text', { nullable: true }) region: string | null;
  @Column('text', { nullable: true }) sector: string | null;
  @Column('boolean') verified: boolean;
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}

@Entity({ name: 'skill_needs', schema: MARKETPLACE_SCHEMA })
export class SkillNeedEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') title: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text') region: string;
  /** The region and every region containing it, for containment filters. */
  @Column('text', { name: 'region_within', array: true }) regionWithin: string[];
  @Column('text', { nullable: true }) sector: string | null;
  @Column('text', { name: 'delivery_modes', array: true }) deliveryModes: DeliveryMode[];
  @Column('int', { name: 'learner_count' }) learnerCount: number;
  @Column('text', { name: 'career_stage' }) careerStage: CareerStage;
  @Column('date', { name: 'needed_by', nullable: true }) neededBy: string | null;
  @Column('text') status: NeedStatus;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('int') version: number;
}

@Entity({ name: 'need_skills', schema: MARKETPLACE_SCHEMA })
export class NeedSkillEntity {
  @PrimaryColumn('uuid', { name: 'need_id' }) needId: string;
  @PrimaryColumn('uuid', { name: 'skill_id' }) skillId: string;
  @Column('smallint') level: number;
}

@Entity({ name: 'capability_profiles', schema: MARKETPLACE_SCHEMA })
export class CapabilityProfileEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text', { array: true }) regions: string[];
  /** The regions and every region within them: a need in any of these is served. */
  @Column('text', { name: 'region_cover', array: true }) regionCover: string[];
  @Column('text', { name: 'delivery_modes', array: true }) deliveryModes: DeliveryMode[];
  @Column('int', { name: 'annual_capacity' }) annualCapacity: number;
  @Column('uuid', { name: 'updated_by' }) updatedBy: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('int') version: number;
}

@Entity({ name: 'profile_skills', schema: MARKETPLACE_SCHEMA })
export class ProfileSkillEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  @PrimaryColumn('uuid', { name: 'skill_id' }) skillId: string;
  @Column('smallint') level: number;
}

@Entity({ name: 'partnerships', schema: MARKETPLACE_SCHEMA })
export class PartnershipEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'need_id' }) needId: string;
  @Column('uuid', { name: 'employer_id' }) employerId: string;
  @Column('uuid', { name: 'institution_id' }) institutionId: string;
  @Column('uuid', { name: 'proposed_by_organization_id' }) proposedByOrganizationId: string;
  @Column('uuid', { name: 'proposed_by' }) proposedBy: string;
  @Column('text') state: PartnershipState;
  @Column('text', { nullable: true }) message: string | null;
  @Column('text', { name: 'response_message', nullable: true }) responseMessage: string | null;
  @Column('uuid', { name: 'responded_by', nullable: true }) respondedBy: string | null;
  @Column('timestamptz', { name: 'responded_at', nullable: true }) respondedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false }) createdAt: Date;
  @Column('int') version: number;
}

export const MARKETPLACE_ENTITIES = [
  DirectoryOrganizationEntity,
  SkillNeedEntity,
  NeedSkillEntity,
  CapabilityProfileEntity,
  ProfileSkillEntity,
  PartnershipEntity,
];
