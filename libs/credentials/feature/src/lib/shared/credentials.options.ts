export interface CredentialsOptions {
  /** Identity's base URL, for organization facts (kind) of organizations the caller does not belong to. */
  readonly identityUrl: string;
}

export const CREDENTIALS_OPTIONS = Symbol('CREDENTIALS_OPTIONS');
