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
  dnsLookup(hostname, { ...(options as LookupOptions), all: true } as LookupAllOptions, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
    if (blocked || addresses.length === 0) {
      return callback(new PublicFetchError(`${hostname} resolves to a non-public address${blocked ? ` (${blocked.address})` : ''}`) as NodeJS.ErrnoException, '', 0);
    }
    if ((options as LookupOptions).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

export async function fetchPublicJson(raw: string, options: FetchPublicJsonOptions): Promise<unknown> {
  const verdict = await checkPublicUrl(raw, { production: options.production, protocols: options.protocols, resolve: options.resolve });
  if (!verdict.ok) throw new PublicFetchError(`${raw.slice(0, 200)}: ${verdict.reason}`);
  const url = verdict.url;
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        headers: { accept: 'application/ld+json, application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        ...(options.production ? { lookup: publicOnlyLookup } : {}),
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          // 3xx included: a redirect could lead anywhere, so none is followed.
          return reject(new PublicFetchError(`${url.href.slice(0, 200)} answered ${response.statusCode}`));
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
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch {
            reject(new PublicFetchError(`${url.href.slice(0, 200)} is not JSON`));
          }
        });
        response.on('error', reject);
      },
    );
    req.on('error', (error) => reject(error instanceof PublicFetchError ? error : new PublicFetchError(`${url.href.slice(0, 200)}: ${error.message}`)));
    req.end();
  });
}
