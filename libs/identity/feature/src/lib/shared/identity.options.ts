export interface IdentityOptions {
  readonly tokenPrivateKeyPem: string;
  readonly tokenIssuer: string;
  readonly tokenAudience: string;
  readonly tokenTtlSeconds: number;
  readonly invitationTtlHours: number;
  /** Where the web app lives, for links in invitations. */
  readonly publicBaseUrl: string;
}
export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
