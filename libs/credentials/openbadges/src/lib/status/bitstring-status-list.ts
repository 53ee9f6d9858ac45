// W3C Bitstring Status List: a gzip-compressed, multibase (base64url, `u`) bitstring in which bit i
// (most significant bit first) is the status of the credential at index i — 1 means revoked.
import { gunzipSync, gzipSync } from 'node:zlib';
import { VC_V2_CONTEXT } from '../ld/contexts';
import { OpenBadgesErrors } from '../openbadges.errors';
import { UnsignedCredential } from '../credentials/credential-types';

/** The spec's minimum (16 KB), so that one credential's index says little about its holder. */
export const MIN_STATUS_LIST_LENGTH = 131_072;

export class BitstringStatusList {
  private readonly bits: Uint8Array;

  constructor(
    readonly length: number = MIN_STATUS_LIST_LENGTH,
    bits?: Uint8Array,
  ) {
    if (!Number.isInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) {
      throw OpenBadgesErrors.of(
        'INVALID_STATUS_LIST',
        `A status list has at least ${MIN_STATUS_LIST_LENGTH} entries, a multiple of 8.`,
      );
    }
    if (bits && bits.length * 8 !== length) {
      throw OpenBadgesErrors.of('INVALID_STATUS_LIST', 'The bitstring does not match the list length.');
    }
    this.bits = bits ? Uint8Array.from(bits) : new Uint8Array(length / 8);
  }

  get(index: number): boolean {
    this.check(index);
    return (this.bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
  }

  set(index: number, value: boolean): void {
    this.check(index);
    if (value) this.bits[index >> 3] |= 0x80 >> (index & 7);
    else this.bits[index >> 3] &= ~(0x80 >> (index & 7)) & 0xff;
  }

  /** `encodedList`: multibase base64url (no padding) of the gzip-compressed bitstring. */
  encode(): string {
    return 'u' + gzipSync(this.bits).toString('base64url');
  }

  static decode(encodedList: string, minLength = MIN_STATUS_LIST_LENGTH): BitstringStatusList {
    if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
      throw OpenBadgesErrors.of(
        'INVALID_STATUS_LIST',
        'encodedList must be multibase base64url (a "u" prefix).',
      );
    }
    let bits: Buffer;
    try {
      // The cap keeps a hostile list from inflating without bound (16 MB = 134M entries).
      bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'), {
        maxOutputLength: 16 * 1024 * 1024,
      });
    } catch {
      throw OpenBadgesErrors.of('INVALID_STATUS_LIST', 'encodedList is not a gzip-compressed bitstring.');
    }
    if (bits.length * 8 < minLength) {
      throw OpenBadgesErrors.of(
        'INVALID_STATUS_LIST',
        `The status list has fewer than ${minLength} entries.`,
      );
    }
    const length = bits.length * 8;
    return new BitstringStatusList(length, bits);
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw OpenBadgesErrors.of(
        'STATUS_INDEX_OUT_OF_RANGE',
        `Status index ${index} is outside 0..${this.length - 1}.`,
        { index },
      );
    }
  }
}

export interface StatusListCredentialInput {
  /** The list's URL, e.g. `${PUBLIC_BASE_URL}/status-lists/${listId}`. */
  readonly id: string;
  /** The issuer profile URL (the list is signed with the issuer's key). */
  readonly issuer: string;
  readonly list: BitstringStatusList;
  readonly statusPurpose?: 'revocation' | 'suspension';
  readonly validFrom: string;
  readonly validUntil?: string | null;
}

export function buildStatusListCredential(input: StatusListCredentialInput): UnsignedCredential {
  return {
    '@context': [VC_V2_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer as never,
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.statusPurpose ?? 'revocation',
      encodedList: input.list.encode(),
    },
  };
}
