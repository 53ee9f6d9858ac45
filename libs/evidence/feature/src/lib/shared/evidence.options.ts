import { createHmac } from 'node:crypto';
import type { Principal } from '@lattice/shared-auth';
import { SecretBox } from '@lattice/shared-util-config';
import { equityBits, EvidenceErrors, type SelfIdentification } from '@lattice/evidence-domain';

export interface EvidenceOptions {
  /** 32 bytes (EVIDENCE_KEY): seals self-identification and the learner's address until the reminder; keys the learner lookup. */
  readonly evidenceKey: Buffer;
  /** The smallest group any learner-derived figure is shown for (EVIDENCE_MIN_GROUP_SIZE, at least 10). */
  readonly k: number;
}

export const EVIDENCE_OPTIONS = Symbol('EVIDENCE_OPTIONS');

/** Days after issuance the one reminder is due, and the days a response stays editable. */
export const REMINDER_AFTER_DAYS = 7;
export const EDITABLE_DAYS = 30;

/**
 * The learner's keys: evidence never stores an address in the clear. A learner is found by a keyed
 * hash of their (lower-cased) address; what must be read back later is sealed with AES-256-GCM.
 */
export class LearnerKeys {
  private readonly box: SecretBox;
  private readonly lookupKey: Buffer;

  constructor(key: Buffer) {
    this.box = new SecretBox(key);
    this.lookupKey = createHmac('sha256', key).update('evidence learner lookup').digest();
  }

  lookup(email: string): string {
    return createHmac('sha256', this.lookupKey).update(email.trim().toLowerCase()).digest('base64url');
  }

  seal(plaintext: string): string {
    return this.box.seal(plaintext);
  }

  open(sealed: string): string {
    return this.box.open(sealed);
  }

  /** A sealed self-identification opened into the bits equity counts add (never kept). */
  readonly equityBits = (sealed: string): number =>
    equityBits(JSON.parse(this.box.open(sealed)) as SelfIdentification);

  /** The caller's lookup, once their address is proven (anyone can sign up with anyone's address). */
  learnerOf(principal: Principal): string {
    if (!principal.emailVerified) {
      throw EvidenceErrors.of(
        'EMAIL_NOT_VERIFIED',
        'Verify your e-mail address first (the link in the e-mail Lattice sent you): your awards are found by a proven address.',
      );
    }
    return this.lookup(principal.email);
  }
}
