// The issuer profile served at `GET /issuers/:orgId`: an OB 3.0 Profile that is also the
// controller document of the issuer's keys, so a verification method URL resolves to it.
import { MULTIKEY_V1_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../ld/contexts';
import { IssuerKeyRecord, IssuerKeyStatus, issuerProfileUrl } from './issuer-keys';

export interface IssuerProfileInput {
  readonly publicBaseUrl: string;
  readonly orgId: string;
  readonly name: string;
  readonly url?: string | null;
  readonly email?: string | null;
  readonly description?: string | null;
  readonly keys: readonly IssuerKeyRecord[];
}

export interface MultikeyDocument {
  readonly id: string;
  readonly type: 'Multikey';
  readonly controller: string;
  readonly publicKeyMultibase: string;
  readonly revoked?: string;
  readonly keyStatus: IssuerKeyStatus;
}

export interface IssuerProfileDocument {
  readonly '@context': readonly (string | Record<string, unknown>)[];
  readonly id: string;
  readonly type: readonly ['Profile'];
  readonly name: string;
  readonly url?: string;
  readonly email?: string;
  readonly description?: string;
  readonly verificationMethod: readonly MultikeyDocument[];
  /** Keys that may have signed a valid credential: active and retired, never revoked. */
  readonly assertionMethod: readonly string[];
}

/**
 * `assertionMethod` and `verificationMethod` (W3C Controlled Identifiers) are not in the VC or OB
 * contexts; they are defined inline so the document needs no context beyond the bundled ones.
 * `keyStatus` is Lattice's own term, under the issuer's base URL.
 */
function profileContext(publicBaseUrl: string): Record<string, unknown> {
  return {
    assertionMethod: {
      '@id': 'https://w3id.org/security#assertionMethod',
      '@type': '@id',
      '@container': '@set',
    },
    verificationMethod: {
      '@id': 'https://w3id.org/security#verificationMethod',
      '@type': '@id',
      '@container': '@set',
    },
    keyStatus: { '@id': `${publicBaseUrl.replace(/\/+$/, '')}/ns#keyStatus` },
  };
}

export function buildIssuerProfile(input: IssuerProfileInput): IssuerProfileDocument {
  const id = issuerProfileUrl(input.publicBaseUrl, input.orgId);
  const keys = [...input.keys].sort((a, b) => a.sequence - b.sequence);
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, MULTIKEY_V1_CONTEXT, profileContext(input.publicBaseUrl)],
    id,
    type: ['Profile'],
    name: input.name,
    ...(input.url ? { url: input.url } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.description ? { description: input.description } : {}),
    verificationMethod: keys.map((key) => ({
      id: key.id,
      type: 'Multikey',
      controller: id,
      publicKeyMultibase: key.publicKeyMultibase,
      ...(key.revokedAt ? { revoked: key.revokedAt } : {}),
      keyStatus: key.status,
    })),
    assertionMethod: keys.filter((key) => key.status !== 'revoked').map((key) => key.id),
  };
}

/**
 * Resolves Lattice's own issuer documents for the document loader: the profile at
 * `${PUBLIC_BASE_URL}/issuers/:orgId` (key URLs are the same document plus a fragment).
 */
export function createIssuerDocumentResolver(
  publicBaseUrl: string,
  loadProfile: (orgId: string) => Promise<IssuerProfileDocument | null> | IssuerProfileDocument | null,
): (url: string) => Promise<IssuerProfileDocument | null> {
  const prefix = `${publicBaseUrl.replace(/\/+$/, '')}/issuers/`;
  return async (url) => {
    if (!url.startsWith(prefix)) return null;
    const orgId = decodeURIComponent(url.slice(prefix.length));
    if (!orgId || orgId.includes('/')) return null;
    return loadProfile(orgId);
  };
}
