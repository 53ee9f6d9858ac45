// Builds a CLR 2.0 ClrCredential: a learner's transcript, wrapping their signed Open Badges
// credentials (each keeps its own issuer's proof) under one more proof by the transcript's issuer.
import { CLR_V2_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../ld/contexts';
import { OpenBadgesErrors } from '../openbadges.errors';
import { IssuerRef, SignedCredential, UnsignedCredential } from './credential-types';
import { requireAbsoluteUrl, requireDateTime } from './open-badge-credential';
import { HashedIdentity } from './recipient-identity';

/** The @context CLR 2.0 requires, in its order. */
export const CLR_CONTEXT = Object.freeze([VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT]) as readonly string[];

export interface ClrInput {
  readonly id: string;
  readonly issuer: IssuerRef;
  readonly name: string;
  readonly description?: string;
  readonly validFrom: string;
  /** The learner, as the embedded credentials name them: a salted hash of the e-mail. */
  readonly learner: HashedIdentity;
  /** The learner's signed OpenBadgeCredentials, as issued. */
  readonly credentials: readonly SignedCredential[];
}

export function buildClrCredential(input: ClrInput): UnsignedCredential {
  requireAbsoluteUrl(input.id, 'id');
  requireDateTime(input.validFrom, 'validFrom');
  if (input.credentials.length === 0)
    throw OpenBadgesErrors.of('INVALID_CREDENTIAL_INPUT', 'A transcript holds at least one credential.', {
      field: 'credentials',
    });
  return {
    '@context': CLR_CONTEXT,
    id: input.id,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: input.issuer,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    validFrom: input.validFrom,
    credentialSubject: {
      type: ['ClrSubject'],
      identifier: [{ ...input.learner }],
      verifiableCredential: [...input.credentials],
    },
  };
}

/** The credentials a ClrCredential embeds (empty for anything else). */
export function embeddedCredentials(credential: Record<string, unknown>): unknown[] {
  const subject = credential['credentialSubject'];
  if (!subject || typeof subject !== 'object' || Array.isArray(subject)) return [];
  return ([] as unknown[]).concat((subject as Record<string, unknown>)['verifiableCredential'] ?? []);
}
