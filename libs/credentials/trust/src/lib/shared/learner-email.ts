import type { Principal } from '@lattice/shared-auth';
import { CredentialsErrors } from '@lattice/credentials-domain';

/**
 * The address a learner's awards are found by. Only a proven address counts: anyone can sign up
 * with someone else's e-mail, and must not see that person's awards.
 */
export function learnerEmailOf(principal: Principal): string {
  if (!principal.emailVerified) {
    throw CredentialsErrors.of(
      'EMAIL_NOT_VERIFIED',
      'Verify your e-mail address first (the link in the e-mail Lattice sent you): awards are found by a proven address.',
    );
  }
  return principal.email;
}
