import type { RedisSessionRevocations } from '@lattice/shared-auth';

export interface IdentityOptions {
  readonly tokenPrivateKeyPem: string;
  readonly tokenIssuer: string;
  readonly tokenAudience: string;
  readonly tokenTtlSeconds: number;
  readonly invitationTtlHours: number;
  /** Where the web app lives, for links in invitations. */
  readonly publicBaseUrl: string;
  /** Seals the accept link into the invitation event, so notifications can e-mail it; without it the event carries no link. */
  readonly invitationLinkKey?: Buffer;
  /** How long a refresh token lasts unused. */
  readonly refreshTokenTtlDays: number;
  /** Audit entries older than this many days are deleted (AUDIT_RETENTION_DAYS; 400 when absent). */
  readonly auditRetentionDays?: number;
  /** Where "signed out everywhere" is shared with the other services; absent in tests that do not need it. */
  readonly sessionRevocations?: RedisSessionRevocations;
}
export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
