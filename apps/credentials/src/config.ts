import { env, loadEnv, subgraphEnv } from '@lattice/shared-util-config';
import { parseKeyEncryptionKey } from '@lattice/credentials-openbadges';

export const credentialsEnvSchema = {
  ...subgraphEnv(4003),
  /** The gateway's public origin: credential, issuer and status list URLs are absolute on it. */
  PUBLIC_BASE_URL: env.url(['http', 'https'], { default: 'http://localhost:4000' }),
  /** The marketplace's base URL: the ESCO / Skills for Success skills behind a design's competencies (awards' alignments). */
  MARKETPLACE_INTERNAL_URL: env.url(['http', 'https'], { default: 'http://127.0.0.1:4002' }),
  /** 32 bytes, base64: seals issuers' private signing keys at rest; required in production. */
  ISSUER_KEY_ENCRYPTION_KEY: env.string({ optional: true, sensitive: true }),
  /** Verify other issuers' credentials by fetching their keys (and status lists) over HTTP; https and public addresses only in production. */
  VERIFY_REMOTE_ISSUERS: env.bool({ default: true }),
  /** Deadline for each such fetch. */
  REMOTE_ISSUER_TIMEOUT_MS: env.int({ default: 5000, min: 100, max: 60000 }),
};
export const loadCredentialsEnv = () => loadEnv(credentialsEnvSchema);
export type CredentialsEnv = ReturnType<typeof loadCredentialsEnv>;

/** Only for development and tests: anyone can read it here, so nothing sealed with it is secret. */
const DEVELOPMENT_ISSUER_KEY_ENCRYPTION_KEY = Buffer.from(
  'lattice-development-issuer-keys!',
  'utf8',
).toString('base64');

/** The key-encryption key: required in production, the development key otherwise (with a warning). */
export function issuerKeyEncryptionKeyFrom(
  value: string | undefined,
  production: boolean,
  warn: (line: string) => void = console.warn,
): Buffer {
  if (value) {
    try {
      return parseKeyEncryptionKey(value);
    } catch (error) {
      throw new Error(`ISSUER_KEY_ENCRYPTION_KEY: ${(error as Error).message}`);
    }
  }
  if (production) throw new Error('ISSUER_KEY_ENCRYPTION_KEY is required in production (32 bytes, base64)');
  warn('ISSUER_KEY_ENCRYPTION_KEY is not set: using the development key. Never run production without it.');
  return parseKeyEncryptionKey(DEVELOPMENT_ISSUER_KEY_ENCRYPTION_KEY);
}
