// Where Lattice may send a request of its own making (webhooks, other issuers' keys): http(s)
// only, and in production only to public addresses — every address the host resolves to is
// checked, so a name that resolves to 127.0.0.1, 10.x, 169.254.x (cloud metadata) or fc00::/7
// cannot turn Lattice into a proxy into its own network (SSRF).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 (embeds IPv4)
  ['2001:db8::', 32], // documentation
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** False for loopback, private, link-local, CGNAT, multicast and reserved addresses (IPv4-mapped IPv6 included). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isPublicAddress(mapped[1]!);
    return !BLOCKED.check(address, 'ipv6');
  }
  return !BLOCKED.check(address, 'ipv4');
}

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

export interface PublicUrlOptions {
  readonly production: boolean;
  readonly resolve?: Resolver;
  /** Allowed schemes (default http and https). */
  readonly protocols?: readonly string[];
}

/** Checks a URL; in production it resolves the host and refuses any non-public address. */
export async function checkPublicUrl(raw: string, options: PublicUrlOptions): Promise<UrlVerdict> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  const protocols = options.protocols ?? ['https:', 'http:'];
  if (!protocols.includes(url.protocol)) return { ok: false, reason: `only ${protocols.map((p) => p.replace(':', '')).join(' and ')} URLs are allowed` };
  if (url.username || url.password) return { ok: false, reason: 'credentials in the URL are not allowed' };
  if (raw.length > 2000) return { ok: false, reason: 'URL too long' };
  if (!options.production) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (options.resolve ?? systemResolver)(host);
  } catch {
    return { ok: false, reason: 'the host name does not resolve' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'the host name does not resolve' };
  const blocked = addresses.find((address) => !isPublicAddress(address));
  if (blocked) return { ok: false, reason: `the host resolves to a non-public address (${blocked})` };
  return { ok: true, url };
}
