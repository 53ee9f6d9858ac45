// The JSON-LD document loader for signing and verifying: bundled contexts, Lattice's own issuer
// documents from a resolver passed in, other issuers' keys only through an injected resolver,
// and nothing else — every attempt to go elsewhere is counted and refused.
import { OpenBadgesErrors } from '../openbadges.errors';
import { bundledContext } from './contexts';

export interface RemoteDocument {
  readonly contextUrl: null;
  readonly documentUrl: string;
  readonly document: object;
}

export interface DocumentLoader {
  (url: string): Promise<RemoteDocument>;
  /** Counters for tests and the bench: `networkFetches` must stay 0 unless a remote resolver is on. */
  readonly stats: DocumentLoaderStats;
}

export interface DocumentLoaderStats {
  contexts: number;
  issuerDocuments: number;
  /** Calls to the remote resolver (other issuers' keys over HTTP). */
  networkFetches: number;
  /** URLs nothing could serve (each would have been a network fetch). */
  refused: number;
}

/** Resolves a document by URL (without fragment) to its JSON, or null when unknown. */
export type DocumentResolver = (url: string) => Promise<object | null> | object | null;

export interface DocumentLoaderOptions {
  /** Lattice's own issuer documents: profile URLs and key URLs (see `createIssuerDocumentResolver`). */
  readonly resolveIssuerDocument?: DocumentResolver;
  /**
   * Other issuers' key and controller documents over HTTP (see `createHttpDocumentResolver`).
   * Off by default. Only asked for a verification method (a URL with a fragment) and then for
   * that method's controller — never for a context.
   */
  readonly remoteResolver?: DocumentResolver;
}

export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  const stats: DocumentLoaderStats = { contexts: 0, issuerDocuments: 0, networkFetches: 0, refused: 0 };
  // Controllers named by remote verification methods this loader resolved; only these may follow.
  const remoteControllers = new Set<string>();

  const loader = async (url: string): Promise<RemoteDocument> => {
    const context = bundledContext(url);
    if (context) {
      stats.contexts++;
      return { contextUrl: null, documentUrl: url, document: context };
    }
    const [base, fragment] = splitFragment(url);
    if (options.resolveIssuerDocument) {
      const document = await options.resolveIssuerDocument(base);
      if (document) {
        stats.issuerDocuments++;
        return {
          contextUrl: null,
          documentUrl: url,
          document: fragment ? selectVerificationMethod(document, url) : document,
        };
      }
    }
    if (options.remoteResolver && (fragment || remoteControllers.has(url))) {
      stats.networkFetches++;
      const document = await options.remoteResolver(base);
      if (document) {
        if (!fragment) return { contextUrl: null, documentUrl: url, document };
        const method = selectVerificationMethod(document, url);
        const controller = (method as { controller?: unknown }).controller;
        if (typeof controller === 'string') remoteControllers.add(controller);
        return { contextUrl: null, documentUrl: url, document: method };
      }
    }
    stats.refused++;
    throw OpenBadgesErrors.of(
      'DOCUMENT_NOT_ALLOWED',
      `Refusing to load "${url.slice(0, 200)}": not a bundled context or a known issuer document.`,
      {
        url: url.slice(0, 200),
      },
    );
  };
  return Object.assign(loader, { stats });
}

function splitFragment(url: string): [string, string | null] {
  const hash = url.indexOf('#');
  return hash < 0 ? [url, null] : [url.slice(0, hash), url.slice(hash + 1)];
}

/** A verification method inside a controller document (or the document itself when it is the method). */
function selectVerificationMethod(document: object, id: string): object {
  const record = document as Record<string, unknown>;
  if (record['id'] === id) return document;
  const methods = Array.isArray(record['verificationMethod'])
    ? (record['verificationMethod'] as unknown[])
    : [];
  const method = methods.find(
    (entry) => entry && typeof entry === 'object' && (entry as { id?: unknown }).id === id,
  );
  if (!method) {
    throw OpenBadgesErrors.of(
      'UNKNOWN_VERIFICATION_METHOD',
      `No verification method "${id.slice(0, 200)}" in its controller document.`,
      {
        verificationMethod: id.slice(0, 200),
      },
    );
  }
  // Served on its own, the method needs a context; the controller's contexts define Multikey.
  const context = record['@context'];
  return { '@context': context, ...(method as object) };
}
