/** What trust is configured with (the organization directory's identity URL is co-development's). */
export interface TrustOptions {
  /** The marketplace's base URL, for the skills (ESCO / Skills for Success URIs) behind a design's competencies. */
  readonly marketplaceUrl: string;
  /** The public origin (the gateway): awards, issuer profiles and status lists are URLs on it. */
  readonly publicBaseUrl: string;
  /** 32 bytes sealing issuers' private keys at rest (ISSUER_KEY_ENCRYPTION_KEY). */
  readonly issuerKeyEncryptionKey: Buffer;
  /** The OB 3.0 JSON schema file; `data/ob3/…` under the working directory by default. */
  readonly ob3SchemaFile?: string;
  /**
   * The bundled ESCO folder (`data/esco` under the working directory by default): the skill tree
   * the catalogue's skill filter widens with, and the ESCO URIs and labels of the CTDL export.
   */
  readonly escoDataDir?: string;
  /**
   * Verifying other issuers' credentials: their keys, controllers and status lists are fetched
   * over HTTP (production: https to public addresses only). Absent: only Lattice's own resolve.
   */
  readonly remoteIssuers?: { readonly production: boolean; readonly timeoutMs?: number };
}

export const TRUST_OPTIONS = Symbol('TRUST_OPTIONS');
