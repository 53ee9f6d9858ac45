// Stable skill ids: a UUID derived from the concept URI (RFC 4122 version 5, URL namespace), so
// every environment and every re-import gives a skill the same id, and seeds can name skills.
import { createHash } from 'node:crypto';

const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

export function skillIdForUri(uri: string): string {
  const hash = createHash('sha1').update(URL_NAMESPACE).update(uri, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
