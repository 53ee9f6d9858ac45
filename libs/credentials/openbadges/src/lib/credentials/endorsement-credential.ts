// An employer's or umbrella organization's endorsement of a published credential: the two claims
// the pilots asked for (in demand; assessment reflects job performance) plus a comment.
import { OpenBadgesErrors } from '../openbadges.errors';
import { IssuerRef, UnsignedCredential } from './credential-types';
import { compact } from './freeze';
import {
  buildStatusEntry,
  OPEN_BADGE_CONTEXT,
  requireAbsoluteUrl,
  requireDateTime,
  StatusEntryInput,
} from './open-badge-credential';

export interface EndorsementInput {
  /** The endorsement's URL, e.g. `${PUBLIC_BASE_URL}/endorsements/${endorsementId}`. */
  readonly id: string;
  /** The endorsing organization (`buildIssuerRef`); it signs with its own issuer key. */
  readonly endorser: IssuerRef;
  /** The endorsed achievement's id (`buildAchievement`'s `id`). */
  readonly achievementId: string;
  readonly achievementName: string;
  readonly claims: { readonly inDemand: boolean; readonly assessmentReflectsJobPerformance: boolean };
  readonly comment?: string | null;
  readonly validFrom: string;
  readonly validUntil?: string | null;
  /** Withdrawing an endorsement flips this status entry (a revocation list of the endorser). */
  readonly credentialStatus?: StatusEntryInput | null;
}

export const ENDORSEMENT_CLAIMS = {
  inDemand: 'The competency is in demand.',
  assessmentReflectsJobPerformance: 'The assessment reflects job performance.',
} as const;

/**
 * OB 3.0's EndorsementSubject carries only `endorsementComment`, so the claims are stated there,
 * first and in fixed words, followed by the endorser's own comment.
 */
export function endorsementComment(comment?: string | null): string {
  const claims = `${ENDORSEMENT_CLAIMS.inDemand} ${ENDORSEMENT_CLAIMS.assessmentReflectsJobPerformance}`;
  return comment?.trim() ? `${claims}\n\n${comment.trim()}` : claims;
}

export function buildEndorsementCredential(input: EndorsementInput): UnsignedCredential {
  requireAbsoluteUrl(input.id, 'endorsement.id');
  requireAbsoluteUrl(input.achievementId, 'endorsement.achievementId');
  requireDateTime(input.validFrom, 'validFrom');
  if (input.validUntil) requireDateTime(input.validUntil, 'validUntil');
  if (!input.claims.inDemand || !input.claims.assessmentReflectsJobPerformance) {
    throw OpenBadgesErrors.of(
      'INVALID_CREDENTIAL_INPUT',
      'An endorsement states both claims: the competency is in demand and the assessment reflects job performance.',
      { field: 'claims' },
    );
  }
  return compact({
    '@context': OPEN_BADGE_CONTEXT,
    id: input.id,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: `${input.endorser.name} endorses ${input.achievementName}`,
    issuer: input.endorser,
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? undefined,
    credentialSubject: {
      id: input.achievementId,
      type: ['EndorsementSubject'],
      endorsementComment: endorsementComment(input.comment),
    },
    credentialStatus: input.credentialStatus ? buildStatusEntry(input.credentialStatus) : undefined,
  }) as UnsignedCredential;
}
