// Where Lattice may send a request of its own making (webhooks, other issuers' keys): http(s)
// only, and in production only to public addresses — every address the host resolves to is
// checked, so a name that resolves to 127.0.0.1, 10.x, 169.254.x (cloud metadata) or fc00::/7
// cannot turn Lattice into a proxy into its own network (SSRF).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback, and IPv4-compatible ::a.b.c.d (deprecated, RFC 4291): none is a public receiver
  ['::ffff:0:0:0', 96], // IPv4-translated (RFC 2765): only meaningful inside a translator
  ['64:ff9b:1::', 48], // NAT64 for local use (RFC 8215): translates into the operator's own network
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo: the client address is obfuscated and the tunnel leaves through any relay
  ['2001:2::', 48], // benchmarking
  ['2001:10::', 28], // ORCHID
  ['2001:20::', 28], // ORCHIDv2
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/**
 * The IPv4 address an IPv6 address stands for, where the embedding reaches that IPv4 host: mapped
 * (::ffff:a.b.c.d, what dual-stack sockets report), NAT64's well-known prefix (64:ff9b::/96, what
 * DNS64 answers on IPv6-only networks) and 6to4 (2002:AABB:CCDD::/48, the router at a.b.c.d).
 * Such an address is as public as the IPv4 address it embeds — in any written form (`new URL`
 * turns `[::ffff:127.0.0.1]` into `[::ffff:7f00:1]`, so the hex form matters).
 */
export function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  if (!bytes) return null;
  const zeros = (from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);
  const v4 = (at: number) => Array.from(bytes.subarray(at, at + 4)).join('.');
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4(12); // ::ffff:0:0/96
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12))
    return v4(12); // 64:ff9b::/96
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4(2); // 2002::/16
  return null;
}

/** The 16 bytes of an IPv6 address (a trailing dotted quad allowed), or null. */
function ipv6Bytes(address: string): Buffer | null {
  if (isIP(address) !== 6) return null;
  let text = address.replace(/%.*$/, '');
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, quad.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === null ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8) return null;
  const bytes = Buffer.alloc(16);
  groups.forEach((group, i) => bytes.writeUInt16BE(parseInt(group, 16), i * 2));
  return bytes;
}

/**
 * False for loopback, private, link-local, CGNAT, documentation, multicast and reserved addresses;
 * for IPv6, also for every special-purpose range above, and for an embedded IPv4 address
 * (mapped, NAT64, 6to4) that is not public itself.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const embedded = embeddedIpv4(address);
    if (embedded) return isPublicAddress(embedded);
    return !BLOCKED.check(address.replace(/%.*$/, ''), 'ipv6');
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
  if (!protocols.includes(url.protocol))
    return {
      ok: false,
      reason: `only ${protocols.map((p) => p.replace(':', '')).join(' and ')} URLs are allowed`,
    };
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
