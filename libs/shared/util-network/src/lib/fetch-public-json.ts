// GET a small JSON document from a URL someone else chose (another issuer's key, …) without
// letting that URL reach inside Lattice's network: the URL is checked first (scheme, and in
// production every address of the host), then the connection itself only goes to an address that
// passes the same check (the lookup is guarded, so DNS cannot answer differently the second time).
// No redirects, a deadline for the whole exchange, and a cap on the body.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkPublicUrl, isPublicAddress, type Resolver } from './public-url';

export interface FetchPublicJsonOptions {
  /** Production refuses non-public addresses (and callers usually allow https only). */
  readonly production: boolean;
  readonly protocols?: readonly string[];
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** For tests: how the pre-check resolves host names. */
  readonly resolve?: Resolver;
}

export class PublicFetchError extends Error {
  override readonly name = 'PublicFetchError';
}

/** Resolves like dns.lookup, but fails when any address is not public. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(
    hostname,
    { ...(options as LookupOptions), all: true } as LookupAllOptions,
    (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
      if (blocked || addresses.length === 0) {
        return callback(
          new PublicFetchError(
            `${hostname} resolves to a non-public address${blocked ? ` (${blocked.address})` : ''}`,
          ) as NodeJS.ErrnoException,
          '',
          0,
        );
      }
      if ((options as LookupOptions).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    },
  );
};

export interface PublicRequestOptions extends FetchPublicJsonOptions {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** False: resolve with the status as soon as it arrives and discard the body (webhooks). */
  readonly readBody?: boolean;
}

export interface PublicResponse {
  readonly status: number;
  readonly body: Buffer;
}

/**
 * One request to a URL someone else chose: checked first, then (in production) connected only to
 * an address that passes the same check at connect time — the connection's own lookup is
 * `publicOnlyLookup`, so a name that resolves differently the second time (DNS rebinding) reaches
 * nothing. No redirects are followed; one deadline covers the whole exchange; the body is capped.
 */
export async function requestPublic(raw: string, options: PublicRequestOptions): Promise<PublicResponse> {
  const verdict = await checkPublicUrl(raw, {
    production: options.production,
    protocols: options.protocols,
    resolve: options.resolve,
  });
  if (!verdict.ok) throw new PublicFetchError(`${raw.slice(0, 200)}: ${verdict.reason}`);
  return requestCheckedUrl(verdict.url, options);
}

/** The connection part of `requestPublic`, for a URL its caller already checked with `checkPublicUrl`. */
export function requestCheckedUrl(url: URL, options: PublicRequestOptions): Promise<PublicResponse> {
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...options.headers,
          ...(options.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(options.body)) }
            : {}),
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        ...(options.production ? { lookup: publicOnlyLookup } : {}),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (options.readBody === false) {
          response.resume();
          return resolve({ status, body: Buffer.alloc(0) });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= maxBytes) return void chunks.push(chunk);
          // The first settlement wins: later 'end' or 'error' events change nothing.
          reject(new PublicFetchError(`${url.href.slice(0, 200)} is larger than ${maxBytes} bytes`));
          req.destroy();
        });
        response.on('end', () => resolve({ status, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    req.on('error', (error) =>
      reject(
        error instanceof PublicFetchError
          ? error
          : new PublicFetchError(`${url.href.slice(0, 200)}: ${error.message}`),
      ),
    );
    req.end(options.body);
  });
}

/** GET a small JSON document (200 only: a redirect could lead anywhere, so none is followed). */
export async function fetchPublicJson(raw: string, options: FetchPublicJsonOptions): Promise<unknown> {
  const response = await requestPublic(raw, {
    ...options,
    headers: { accept: 'application/ld+json, application/json' },
  });
  const where = raw.slice(0, 200);
  if (response.status !== 200) throw new PublicFetchError(`${where} answered ${response.status}`);
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new PublicFetchError(`${where} is not JSON`);
  }
}
