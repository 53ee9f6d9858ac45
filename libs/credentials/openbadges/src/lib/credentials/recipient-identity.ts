// The recipient as OB 3.0 publishes them: a salted sha256 of the e-mail, never the address itself.
import { createHash, randomBytes } from 'node:crypto';

export interface HashedIdentity {
  readonly type: 'IdentityObject';
  readonly identityType: 'emailAddress';
  readonly hashed: true;
  /** `sha256$` + hex(sha256(normalizedEmail + salt)), OB's IdentityHash form. */
  readonly identityHash: string;
  readonly salt: string;
}

/** E-mail addresses compare trimmed and lower-cased, on both the issuing and the checking side. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function hashRecipientEmail(
  email: string,
  salt: string = randomBytes(16).toString('hex'),
): HashedIdentity {
  const digest = createHash('sha256')
    .update(normalizeEmail(email) + salt, 'utf8')
    .digest('hex');
  return {
    type: 'IdentityObject',
    identityType: 'emailAddress',
    hashed: true,
    identityHash: `sha256$${digest}`,
    salt,
  };
}

/** Whether a credential's hashed identity is this e-mail address (what a learner or employer checks). */
export function identityMatchesEmail(
  identity: Pick<HashedIdentity, 'identityHash' | 'salt'>,
  email: string,
): boolean {
  return hashRecipientEmail(email, identity.salt).identityHash === identity.identityHash;
}
