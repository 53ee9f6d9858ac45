// Issuer private keys at rest: AES-256-GCM under a key-encryption key from the environment, with
// the verification method id as associated data so a ciphertext cannot be moved to another key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { OpenBadgesErrors } from '../openbadges.errors';

const FORMAT = 'aes-256-gcm.v1';

/** A 32-byte key-encryption key from its base64 or base64url text (e.g. `ISSUER_KEY_ENCRYPTION_KEY`). */
export function parseKeyEncryptionKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw OpenBadgesErrors.of(
      'INVALID_KEY_ENCRYPTION_KEY',
      'The key-encryption key must be 32 bytes, base64-encoded.',
    );
  }
  return key;
}

/** A fresh key-encryption key, base64 (for `.env` files and tests). */
export function generateKeyEncryptionKey(): string {
  return randomBytes(32).toString('base64');
}

export function encryptSecret(plaintext: string, keyEncryptionKey: Buffer, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyEncryptionKey, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(
    '.',
  );
}

export function decryptSecret(sealed: string, keyEncryptionKey: Buffer, associatedData: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || `${parts[0]}.${parts[1]}` !== FORMAT) {
    throw OpenBadgesErrors.of('KEY_DECRYPTION_FAILED', 'The sealed key has an unknown format.');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyEncryptionKey, Buffer.from(parts[2], 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(parts[3], 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(parts[4], 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw OpenBadgesErrors.of(
      'KEY_DECRYPTION_FAILED',
      'The sealed key could not be decrypted with this key-encryption key.',
    );
  }
}
