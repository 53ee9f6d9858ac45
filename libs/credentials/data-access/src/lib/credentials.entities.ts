// Credentials' tables (schema "credentials"): frameworks, credential designs with their versions,
// comments, approvals and stage history, and published credentials.
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { DesignContent } from '@lattice/credentials-domain';
import type { IssuerKeyRecord, SkillAlignmentInput } from '@lattice/credentials-openbadges';
import { type DesignStage } from '@lattice/shared-contracts';

export const CREDENTIALS_SCHEMA = 'credentials';

/** A framework is data, versioned: a new version is a new row; designs record the one they were checked against. */
@Entity({ name: 'frameworks', schema: CREDENTIALS_SCHEMA })
export class FrameworkEntity {
  @PrimaryColumn('uuid') id: string;
  /** Stable across versions, e.g. "ecampusontario". */
  @Column('text') key: string;
  @Column('text') name: string;
  @Column('text') version: string;
  @Column('text') publisher: string;
  @Column('text') description: string;
  @Column('jsonb') rules: unknown[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * A credential design. `content` is the whole design (the current version's snapshot); title,
 * framework, partnership and partners are mirrored into columns for listing and indexing.
 */
@Entity({ name: 'designs', schema: CREDENTIALS_SCHEMA })
export class DesignEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'issuer_id' }) issuerId: string;
  @Column('text') title: string;
  @Column('uuid', { name: 'framework_id' }) frameworkId: string;
  @Column('uuid', { name: 'partnership_id', nullable: true }) partnershipId: string | null;
  @Column('uuid', { name: 'partner_ids', array: true }) partnerIds: string[];
  @Column('jsonb') content: DesignContent;
  @Column('text') stage: DesignStage;
  /** Optimistic concurrency: every content change increments it, guarded in SQL. */
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'review_due_at', nullable: true }) reviewDueAt: Date | null;
  /** The version a review-overdue event was last emitted for (one per version). */
  @Column('integer', { name: 'overdue_notified_version', nullable: true }) overdueNotifiedVersion:
    number | null;
  /** The framework version the design was last checked against, at submission or publication. */
  @Column('uuid', { name: 'checked_framework_id', nullable: true }) checkedFrameworkId: string | null;
  @Column('timestamptz', { name: 'checked_at', nullable: true }) checkedAt: Date | null;
  @Column('boolean', { name: 'checked_passed', nullable: true }) checkedPassed: boolean | null;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'design_versions', schema: CREDENTIALS_SCHEMA })
export class DesignVersionEntity {
  @PrimaryColumn('uuid', { name: 'design_id' }) designId: string;
  @PrimaryColumn('integer') version: number;
  @Column('jsonb') snapshot: DesignContent;
  @Column('uuid', { name: 'author_id' }) authorId: string;
  /** What the change was, e.g. "created", "edited", "partner added". */
  @Column('text') summary: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'design_comments', schema: CREDENTIALS_SCHEMA })
export class DesignCommentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'design_id' }) designId: string;
  /** The thread's first comment; replies are one level deep. */
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  /** The design field it is anchored to, e.g. `assessment.masteryThreshold`. */
  @Column('text', { nullable: true }) field: string | null;
  @Column('text') body: string;
  @Column('integer', { name: 'design_version' }) designVersion: number;
  @Column('uuid', { name: 'author_id' }) authorId: string;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @Column('uuid', { name: 'resolved_by', nullable: true }) resolvedBy: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'design_approvals', schema: CREDENTIALS_SCHEMA })
export class DesignApprovalEntity {
  @PrimaryColumn('uuid', { name: 'design_id' }) designId: string;
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  @PrimaryColumn('integer') version: number;
  @Column('uuid', { name: 'approved_by' }) approvedBy: string;
  @Column('timestamptz', { name: 'approved_at' }) approvedAt: Date;
  /** Set when an edit made a new version: the approval stays on record but no longer counts. */
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
}

/** One visit to a workflow stage; the open one (left_at null) is the current stage. */
@Entity({ name: 'design_stage_history', schema: CREDENTIALS_SCHEMA })
export class DesignStageVisitEntity {
  @PrimaryColumn('bigint') id: string;
  @Column('uuid', { name: 'design_id' }) designId: string;
  @Column('text') stage: DesignStage;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'entered_at' }) enteredAt: Date;
  @Column('timestamptz', { name: 'left_at', nullable: true }) leftAt: Date | null;
  @Column('uuid', { name: 'actor_id' }) actorId: string;
}

/** A published credential: what learners are awarded and partners endorse. */
@Entity({ name: 'credentials', schema: CREDENTIALS_SCHEMA })
export class CredentialEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'design_id' }) designId: string;
  @Column('text') title: string;
  @Column('uuid', { name: 'issuer_id' }) issuerId: string;
  @Column('integer', { name: 'design_version' }) designVersion: number;
  /** The framework version it was checked against when published. */
  @Column('uuid', { name: 'framework_id' }) frameworkId: string;
  @Column('uuid', { name: 'published_by' }) publishedBy: string;
  @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
}

/** One signing key of an issuer; `record` is the openbadges IssuerKeyRecord (secret sealed). */
@Entity({ name: 'issuer_keys', schema: CREDENTIALS_SCHEMA })
export class IssuerKeyEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  @PrimaryColumn('integer') sequence: number;
  /** The organization's name when the key was last used, for the public issuer profile. */
  @Column('text', { name: 'issuer_name' }) issuerName: string;
  @Column('jsonb') record: IssuerKeyRecord;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

/** An issuer's Bitstring Status List: the bits, the next free index and the signed list credential. */
@Entity({ name: 'status_lists', schema: CREDENTIALS_SCHEMA })
export class StatusListEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'issuer_id' }) issuerId: string;
  @Column('text', { name: 'encoded_list' }) encodedList: string;
  @Column('integer') capacity: number;
  @Column('integer', { name: 'next_index' }) nextIndex: number;
  /** Increments on every re-signing; the ETag of `GET /status-lists/:id`. */
  @Column('integer') version: number;
  @Column('jsonb', { name: 'signed_credential' }) signedCredential: Record<string, unknown>;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

export type AwardStatus = 'ACTIVE' | 'REVOKED';

/** A credential awarded to one learner, with the signed OpenBadgeCredential as issued. */
@Entity({ name: 'awards', schema: CREDENTIALS_SCHEMA })
export class AwardEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'credential_id' }) credentialId: string;
  @Column('uuid', { name: 'issuer_id' }) issuerId: string;
  /** The salted hash published in the credential (`sha256$…`) and its salt. */
  @Column('text', { name: 'recipient_email_hash' }) recipientEmailHash: string;
  @Column('text', { name: 'recipient_salt' }) recipientSalt: string;
  /** A keyed hash of the normalized e-mail, so attempts can be counted without storing the address. */
  @Column('text', { name: 'recipient_lookup' }) recipientLookup: string;
  @Column('text', { name: 'recipient_name' }) recipientName: string;
  @Column('numeric', {
    precision: 5,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  score: number;
  @Column('integer') attempt: number;
  @Column('jsonb') evidence: { url: string | null; narrative: string | null }[];
  @Column('text') status: AwardStatus;
  @Column('text', { name: 'revoked_reason', nullable: true }) revokedReason: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('uuid', { name: 'revoked_by', nullable: true }) revokedBy: string | null;
  @Column('uuid', { name: 'status_list_id' }) statusListId: string;
  @Column('integer', { name: 'status_list_index' }) statusListIndex: number;
  @Column('jsonb', { name: 'signed_credential' }) signedCredential: Record<string, unknown>;
  @Column('uuid', { name: 'awarded_by' }) awardedBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

/** An employer's or umbrella's endorsement of a published credential, with the signed EndorsementCredential. */
@Entity({ name: 'endorsements', schema: CREDENTIALS_SCHEMA })
export class EndorsementEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'credential_id' }) credentialId: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('boolean', { name: 'in_demand' }) inDemand: boolean;
  @Column('boolean', { name: 'assessment_reflects_job_performance' })
  assessmentReflectsJobPerformance: boolean;
  @Column('text', { nullable: true }) comment: string | null;
  /** The endorser organization's NAICS code when it endorsed (identity's), or null. */
  @Column('text', { name: 'endorser_sector', nullable: true }) endorserSector: string | null;
  @Column('jsonb', { name: 'signed_credential' }) signedCredential: Record<string, unknown>;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
  @Column('uuid', { name: 'withdrawn_by', nullable: true }) withdrawnBy: string | null;
}

/** An umbrella organization sponsoring a credential, which makes it shared with its member institutions. */
@Entity({ name: 'sponsorships', schema: CREDENTIALS_SCHEMA })
export class SponsorshipEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'credential_id' }) credentialId: string;
  @Column('uuid', { name: 'umbrella_id' }) umbrellaId: string;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

/** An institution adopting a shared credential through a sponsoring umbrella it belongs to: it may then award it. */
@Entity({ name: 'adoptions', schema: CREDENTIALS_SCHEMA })
export class AdoptionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'credential_id' }) credentialId: string;
  @Column('uuid', { name: 'institution_id' }) institutionId: string;
  @Column('uuid', { name: 'umbrella_id' }) umbrellaId: string;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

export type AwardBatchStatus = 'QUEUED' | 'RUNNING' | 'DONE';
export type AwardBatchItemStatus = 'PENDING' | 'AWARDED' | 'FAILED';

/** A batch of learners to award one credential to, processed in the background. */
@Entity({ name: 'award_batches', schema: CREDENTIALS_SCHEMA })
export class AwardBatchEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'credential_id' }) credentialId: string;
  @Column('uuid', { name: 'issuer_id' }) issuerId: string;
  /** The issuer's name when the batch was created (the processor has no caller to ask identity with). */
  @Column('text', { name: 'issuer_name' }) issuerName: string;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('text') status: AwardBatchStatus;
  @Column('integer') total: number;
  @Column('integer') succeeded: number;
  @Column('integer') failed: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  /** The competencies' ESCO / Skills for Success alignments, resolved at creation with the caller's token (null: none). */
  @Column('jsonb', { nullable: true }) alignments: SkillAlignmentInput[] | null;
}

/** One learner of a batch; the clear e-mail is kept only until the item is processed. */
@Entity({ name: 'award_batch_items', schema: CREDENTIALS_SCHEMA })
export class AwardBatchItemEntity {
  @PrimaryColumn('uuid', { name: 'batch_id' }) batchId: string;
  @PrimaryColumn('integer') position: number;
  @Column('text', { name: 'recipient_email', nullable: true }) recipientEmail: string | null;
  /** The keyed hash of the normalized e-mail (the awards' recipient lookup). */
  @Column('text', { name: 'recipient_email_hash' }) recipientEmailHash: string;
  @Column('text', { name: 'recipient_name' }) recipientName: string;
  @Column('numeric', {
    precision: 5,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  score: number;
  @Column('integer') attempt: number;
  @Column('jsonb') evidence: { url: string | null; narrative: string | null }[];
  @Column('text') status: AwardBatchItemStatus;
  @Column('uuid', { name: 'award_id', nullable: true }) awardId: string | null;
  @Column('text', { name: 'error_code', nullable: true }) errorCode: string | null;
  @Column('text', { name: 'error_message', nullable: true }) errorMessage: string | null;
  @Column('timestamptz', { name: 'processed_at', nullable: true }) processedAt: Date | null;
}

export const CREDENTIALS_ENTITIES = [
  FrameworkEntity,
  DesignEntity,
  DesignVersionEntity,
  DesignCommentEntity,
  DesignApprovalEntity,
  DesignStageVisitEntity,
  CredentialEntity,
  IssuerKeyEntity,
  StatusListEntity,
  AwardEntity,
  EndorsementEntity,
  SponsorshipEntity,
  AdoptionEntity,
  AwardBatchEntity,
  AwardBatchItemEntity,
];
