// Credentials' tables (schema "credentials").
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

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

export const CREDENTIALS_ENTITIES = [FrameworkEntity];
