// A delivery's id is derived from (event, recipient, channel): every retry, replay or duplicate
// job names the same row and the same queue job, so a delivery is recorded — and sent — once.
import { createHash } from 'node:crypto';
import type { Channel } from './routing-rules';

export function deliveryId(eventId: string, recipient: string, channel: Channel): string {
  return uuidOf(`${eventId}:${recipient}:${channel}`);
}

/** The recipient id of an e-mail address that has no account (an invitee), stable per address. */
export function addressRecipientId(email: string): string {
  return uuidOf(`address:${email.trim().toLowerCase()}`);
}

function uuidOf(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  // Shaped as an RFC 4122 version-8 (custom) UUID so it fits a uuid column.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
