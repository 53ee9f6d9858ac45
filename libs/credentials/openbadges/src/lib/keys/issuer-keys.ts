// Issuers' Ed25519 keys as Multikey verification methods at https URLs under Lattice's public base
// (`${PUBLIC_BASE_URL}/issuers/${orgId}#key-${n}`), sealed at rest, rotated without losing old ones.
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { OpenBadgesErrors } from '../openbadges.errors';
import { decryptSecret, encryptSecret } from './key-encryption';

/**
 * `active` signs new credentials (one per issuer); `retired` no longer signs but still verifies
 * what it signed; `revoked` (compromised) verifies nothing any more.
 */
export type IssuerKeyStatus = 'active' | 'retired' | 'revoked';

/** What the credentials service stores per issuer key (the secret only sealed). */
export interface IssuerKeyRecord {
  /** `${controller}#key-${sequence}` */
  readonly id: string;
  /** The issuer profile URL, `${PUBLIC_BASE_URL}/issuers/${orgId}`. */
  readonly controller: string;
  readonly sequence: number;
  readonly publicKeyMultibase: string;
  /** The Multikey secret (`secretKeyMultibase`), AES-256-GCM sealed; see `key-encryption.ts`. */
  readonly sealedSecretKey: string;
  readonly status: IssuerKeyStatus;
  readonly createdAt: string;
  readonly retiredAt: string | null;
  readonly revokedAt: string | null;
}

/** Signs bytes with an issuer key; what the Data Integrity suites call. */
export interface IssuerSigner {
  readonly id: string;
  readonly algorithm: string;
  sign(options: { data: Uint8Array }): Promise<Uint8Array>;
}

export function issuerProfileUrl(publicBaseUrl: string, orgId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/issuers/${encodeURIComponent(orgId)}`;
}

export interface GenerateIssuerKeyOptions {
  readonly publicBaseUrl: string;
  readonly orgId: string;
  /** 1 for the first key; `rotateIssuerKey` picks the next one. */
  readonly sequence: number;
  readonly keyEncryptionKey: Buffer;
  readonly now?: Date;
  /** Deterministic keys for tests only. */
  readonly seed?: Uint8Array;
}

export async function generateIssuerKey(options: GenerateIssuerKeyOptions): Promise<IssuerKeyRecord> {
  const controller = issuerProfileUrl(options.publicBaseUrl, options.orgId);
  const id = `${controller}#key-${options.sequence}`;
  const keyPair = await Ed25519Multikey.generate({
    id,
    controller,
    ...(options.seed ? { seed: options.seed } : {}),
  });
  const exported = await keyPair.export({ publicKey: true, secretKey: true, includeContext: false });
  return {
    id,
    controller,
    sequence: options.sequence,
    publicKeyMultibase: exported['publicKeyMultibase'],
    sealedSecretKey: encryptSecret(exported['secretKeyMultibase'], options.keyEncryptionKey, id),
    status: 'active',
    createdAt: isoSeconds(options.now ?? new Date()),
    retiredAt: null,
    revokedAt: null,
  };
}

/** Retires the active key and adds a new active one; old keys stay listed so old credentials verify. */
export async function rotateIssuerKey(
  keys: readonly IssuerKeyRecord[],
  options: Omit<GenerateIssuerKeyOptions, 'sequence'>,
): Promise<IssuerKeyRecord[]> {
  const now = isoSeconds(options.now ?? new Date());
  const sequence = keys.reduce((max, key) => Math.max(max, key.sequence), 0) + 1;
  const next = await generateIssuerKey({ ...options, sequence });
  return [
    ...keys.map((key) =>
      key.status === 'active' ? { ...key, status: 'retired' as const, retiredAt: now } : key,
    ),
    next,
  ];
}

/** Marks a key compromised: credentials it signed no longer verify. */
export function revokeIssuerKey(
  keys: readonly IssuerKeyRecord[],
  keyId: string,
  now = new Date(),
): IssuerKeyRecord[] {
  if (!keys.some((key) => key.id === keyId))
    throw OpenBadgesErrors.of('UNKNOWN_KEY', `No issuer key ${keyId}.`, { keyId });
  return keys.map((key) =>
    key.id === keyId && key.status !== 'revoked'
      ? { ...key, status: 'revoked' as const, revokedAt: isoSeconds(now) }
      : key,
  );
}

export function activeIssuerKey(keys: readonly IssuerKeyRecord[]): IssuerKeyRecord {
  const active = keys.find((key) => key.status === 'active');
  if (!active) throw OpenBadgesErrors.of('NO_ACTIVE_KEY', 'The issuer has no active signing key.');
  return active;
}

/** Unseals a key and returns its signer. Only an active key signs. */
export async function issuerSigner(key: IssuerKeyRecord, keyEncryptionKey: Buffer): Promise<IssuerSigner> {
  if (key.status !== 'active') {
    throw OpenBadgesErrors.of('KEY_REVOKED', `Issuer key ${key.id} is ${key.status} and may not sign.`, {
      keyId: key.id,
    });
  }
  const secretKeyMultibase = decryptSecret(key.sealedSecretKey, keyEncryptionKey, key.id);
  const keyPair = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: key.id,
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase,
  });
  return keyPair.signer();
}

/** `2025-01-31T12:00:00Z`: the XSD dateTimeStamp form the proofs use, to the second. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
