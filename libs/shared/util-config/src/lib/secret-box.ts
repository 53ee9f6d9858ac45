// Secrets Lattice keeps or carries: AES-256-GCM under a key from the environment. Webhook
// signing secrets at rest (a copy of the database alone forges no signature) and invitation
// links in events (the outbox, Redis, the queue dashboard and the notifications schema only ever
// hold the sealed link; the worker opens it to write the e-mail).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** A 32-byte key from base64 or hex text (the env var's value). */
export function parseSecretKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('must be 32 bytes, as 64 hex digits or base64');
  return key;
}

/** The development-only key: derived from a public constant, so never safe in production. */
export const DEVELOPMENT_SECRET_KEY = createHash('sha256')
  .update('lattice-development-webhook-secret-key')
  .digest();

export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** The development-only key of invitation links (identity seals, the worker opens: both derive it alike). */
export const DEVELOPMENT_INVITATION_LINK_KEY = createHash('sha256')
  .update('lattice-development-invitation-link-key')
  .digest();

/**
 * A 32-byte key from its env var: required in production, the development key otherwise (with a
 * warning). Throws naming the variable when it is malformed or missing.
 */
export function secretKeyFrom(
  variable: string,
  value: string | undefined,
  production: boolean,
  development: Buffer,
  warn: (line: string) => void = console.warn,
): Buffer {
  if (value) {
    try {
      return parseSecretKey(value);
    } catch (error) {
      throw new Error(`${variable}: ${(error as Error).message}`);
    }
  }
  if (production)
    throw new Error(`${variable} is required in production (32 bytes as 64 hex digits or base64)`);
  warn(`${variable} is not set: using the development key. Never run production without it.`);
  return development;
}

export function webhookSecretKeyFrom(
  value: string | undefined,
  production: boolean,
  warn?: (line: string) => void,
): Buffer {
  return secretKeyFrom('WEBHOOK_SECRET_KEY', value, production, DEVELOPMENT_SECRET_KEY, warn);
}

export function invitationLinkKeyFrom(
  value: string | undefined,
  production: boolean,
  warn?: (line: string) => void,
): Buffer {
  return secretKeyFrom('INVITATION_LINK_KEY', value, production, DEVELOPMENT_INVITATION_LINK_KEY, warn);
}

/** The development-only key of evidence (learner lookups, sealed self-identification): the evidence service and the worker derive it alike. */
export const DEVELOPMENT_EVIDENCE_KEY = createHash('sha256')
  .update('lattice-development-evidence-key')
  .digest();

export function evidenceKeyFrom(
  value: string | undefined,
  production: boolean,
  warn?: (line: string) => void,
): Buffer {
  return secretKeyFrom('EVIDENCE_KEY', value, production, DEVELOPMENT_EVIDENCE_KEY, warn);
}
