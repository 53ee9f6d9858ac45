// Identity's tables (schema "identity"): people, organizations, who belongs where, invitations,
// and which organizations belong to which umbrella.
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { OrgKind, OrgSize, Role } from '@lattice/shared-contracts';

export const IDENTITY_SCHEMA = 'identity';
export type Locale = 'en' | 'fr';

@Entity({ name: 'users', schema: IDENTITY_SCHEMA })
export class UserEntity {
  @PrimaryColumn('uuid') id: string;
  /** Stored as given; uniqueness is on lower(email). */
  @Column('text') email: string;
  @Column('text') name: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text') locale: Locale;
  /** When the user proved they read mail at `email`; null until then. */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true }) emailVerifiedAt: Date | null;
  /** Access tokens issued before this moment are refused (sign out everywhere, password changed). */
  @Column('timestamptz', { name: 'sessions_valid_after', nullable: true }) sessionsValidAfter: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}

/** A single-use link proving a person reads mail at an address. Only the SHA-256 of its token is kept. */
@Entity({ name: 'email_verifications', schema: IDENTITY_SCHEMA })
export class EmailVerificationEntity {
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  /** The address the link was sent to; a link for an address the user no longer has is refused. */
  @Column('text') email: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A single-use password reset link, sent by e-mail; only the SHA-256 of its token is kept. */
@Entity({ name: 'password_resets', schema: IDENTITY_SCHEMA })
export class PasswordResetEntity {
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') email: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * A refresh token (kept as its SHA-256). Each use replaces it by a new one of the same family;
 * a used or revoked one coming back means it was copied, and the whole family is revoked.
 */
@Entity({ name: 'refresh_tokens', schema: IDENTITY_SCHEMA })
export class RefreshTokenEntity {
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash: string;
  @Column('uuid', { name: 'family_id' }) familyId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'organizations', schema: IDENTITY_SCHEMA })
export class OrganizationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') kind: OrgKind;
  @Column('text') size: OrgSize;
  @Column('text', { nullable: true }) region: string | null;
  @Column('text', { nullable: true }) sector: string | null;
  @Column('text', { nullable: true }) website: string | null;
  @Column('boolean') verified: boolean;
  @Column('timestamptz', { name: 'verified_at', nullable: true }) verifiedAt: Date | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}

@Entity({ name: 'memberships', schema: IDENTITY_SCHEMA })
export class MembershipEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') role: Role;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'invitations', schema: IDENTITY_SCHEMA })
export class InvitationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') email: string;
  @Column('text') role: Role;
  /** SHA-256 of the token: a leaked table cannot be replayed. */
  @Column('text', { name: 'token_hash' }) tokenHash: string;
  @Column('uuid', { name: 'invited_by' }) invitedBy: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt: Date | null;
  @Column('uuid', { name: 'accepted_by', nullable: true }) acceptedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'umbrella_members', schema: IDENTITY_SCHEMA })
export class UmbrellaMemberEntity {
  @PrimaryColumn('uuid', { name: 'umbrella_id' }) umbrellaId: string;
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'joined_by' }) joinedBy: string;
  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' }) joinedAt: Date;
}

export type UmbrellaJoinRequestState = 'PENDING' | 'ACCEPTED' | 'DECLINED';

/** An organization asking to join an umbrella; the umbrella's admins accept or decline it. */
@Entity({ name: 'umbrella_join_requests', schema: IDENTITY_SCHEMA })
export class UmbrellaJoinRequestEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'umbrella_id' }) umbrellaId: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') state: UmbrellaJoinRequestState;
  @Column('uuid', { name: 'requested_by' }) requestedBy: string;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}

export type AuditActorKind = 'USER' | 'API_KEY' | 'SYSTEM';

/** One security-relevant action in an organization. Append-only: a trigger refuses UPDATE and DELETE. */
@Entity({ name: 'audit_log', schema: IDENTITY_SCHEMA })
export class AuditLogEntity {
  @PrimaryColumn('bigint', { generated: 'increment' }) seq: string;
  @Column('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_kind' }) actorKind: AuditActorKind;
  @Column('text') action: string;
  @Column('text', { name: 'target_type', nullable: true }) targetType: string | null;
  @Column('text', { name: 'target_id', nullable: true }) targetId: string | null;
  @Column('jsonb') details: Record<string, unknown>;
  @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
  @Column('text') source: string;
  @Column('uuid', { name: 'source_event_id', nullable: true }) sourceEventId: string | null;
}

/** An organization's API key for an integrator; only the SHA-256 of its secret is kept. */
@Entity({ name: 'api_keys', schema: IDENTITY_SCHEMA })
export class ApiKeyEntity {
  @PrimaryColumn('uuid') id: string;
  /** The visible part of the key: `lat_<publicId>_…`. */
  @Column('text', { name: 'public_id' }) publicId: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') name: string;
  @Column('text') role: Role;
  @Column('text', { name: 'secret_hash' }) secretHash: string;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('uuid', { name: 'revoked_by', nullable: true }) revokedBy: string | null;
  @VersionColumn() version: number;
}

export const IDENTITY_ENTITIES = [
  UserEntity,
  EmailVerificationEntity,
  PasswordResetEntity,
  RefreshTokenEntity,
  OrganizationEntity,
  MembershipEntity,
  InvitationEntity,
  UmbrellaMemberEntity,
  UmbrellaJoinRequestEntity,
  AuditLogEntity,
  ApiKeyEntity,
];
