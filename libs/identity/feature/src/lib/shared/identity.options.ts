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
}
export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
