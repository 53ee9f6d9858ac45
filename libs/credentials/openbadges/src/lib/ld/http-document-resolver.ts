// Other issuers' key and controller documents over HTTPS, for verifying their credentials. Off
// unless the service passes it to `createDocumentLoader` (never used for contexts).
import { OpenBadgesErrors } from '../openbadges.errors';
import { DocumentResolver } from './document-loader';

export interface HttpDocumentResolverOptions {
  readonly fetch?: typeof globalThis.fetch;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

export function createHttpDocumentResolver(options: HttpDocumentResolverOptions = {}): DocumentResolver {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 512 * 1024;
  return async (url) => {
    if (!url.startsWith('https://')) {
      throw OpenBadgesErrors.of('REMOTE_DOCUMENT_FAILED', 'Only https documents are resolved.', { url: url.slice(0, 200) });
    }
    const response = await fetchImpl(url, {
      headers: { accept: 'application/ld+json, application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok || text.length > maxBytes) {
      throw OpenBadgesErrors.of('REMOTE_DOCUMENT_FAILED', `Fetching ${url.slice(0, 200)} failed (${response.status}).`, { url: url.slice(0, 200) });
    }
    try {
      return JSON.parse(text) as object;
    } catch {
      throw OpenBadgesErrors.of('REMOTE_DOCUMENT_FAILED', `${url.slice(0, 200)} is not JSON.`, { url: url.slice(0, 200) });
    }
  };
}
