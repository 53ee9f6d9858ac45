// Notifications' tables (schema "notifications"): the inbox, and a directory of people and
// organizations kept current from identity's events, so recipients are resolved without
// reaching into identity's schema.
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const NOTIFICATIONS_SCHEMA = 'notifications';

@Entity({ name: 'notifications', schema: NOTIFICATIONS_SCHEMA })
export class NotificationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  /** The event that caused it: with user_id, the key that makes delivery exactly-once. */
  @Column('uuid', { name: 'event_id' }) eventId: string;
  @Column('text') type: string;
  @Column('text') title: string;
  @Column('text') body: string;
  @Column('text', { nullable: true }) link: string | null;
  /** title and body as data (null on rows written before): the app words them in the reader's language. */
  @Column('text', { nullable: true }) code: string | null;
  @Column('jsonb', { nullable: true }) params: Record<string, unknown> | null;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'directory_users', schema: NOTIFICATIONS_SCHEMA })
export class DirectoryUserEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text') name: string;
  @Column('text') locale: string;
}

@Entity({ name: 'directory_organizations', schema: NOTIFICATIONS_SCHEMA })
export class DirectoryOrganizationEntity {
  @PrimaryColumn('uuid') id: string;
  /** Null only in a stub: an event about the organization arrived before its creation (ADR 0011). */
  @Column('text', { nullable: true }) name: string | null;
  @Column('text', { nullable: true }) kind: string | null;
}

@Entity({ name: 'directory_memberships', schema: NOTIFICATIONS_SCHEMA })
export class DirectoryMembershipEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') role: string;
}

export const NOTIFICATIONS_ENTITIES = [
  NotificationEntity,
  DirectoryUserEntity,
  DirectoryOrganizationEntity,
  DirectoryMembershipEntity,
];
