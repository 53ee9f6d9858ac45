// A learner's transcript: their standing awards (addressed to their account's e-mail) wrapped as a
// CLR 2.0 ClrCredential, signed eddsa-rdfc-2022 by Lattice's own issuer key (the awards come from
// many issuers; each keeps its issuer's proof inside). Signed on request, not stored: a revoked
// award simply leaves the next transcript, and the learner is named by a fresh salted hash.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { activeAwardsOfRecipient } from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import {
  buildClrCredential,
  buildIssuerRef,
  hashRecipientEmail,
  isoSeconds,
  type SignedCredential,
} from '@lattice/credentials-openbadges';
import { IssuerTrust } from '../shared/issuer-trust';
import { learnerEmailOf } from '../shared/learner-email';

/** The issuer of transcripts: Lattice itself, with a key like any issuer's (profile at /issuers/:id). */
export const TRANSCRIPT_ISSUER_ID = '00000000-0000-4000-8000-000000000001';
export const TRANSCRIPT_ISSUER_NAME = 'Lattice';

@Injectable()
export class ExportTranscriptUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trust: IssuerTrust,
  ) {}

  async execute(principal: Principal): Promise<SignedCredential> {
    const email = learnerEmailOf(principal);
    const awards = await activeAwardsOfRecipient(this.dataSource.manager, this.trust.recipientLookup(email));
    if (awards.length === 0)
      throw CredentialsErrors.of(
        'TRANSCRIPT_EMPTY',
        'No credential has been awarded to this account’s e-mail address yet.',
      );
    const unsigned = buildClrCredential({
      id: `${this.trust.baseUrl}/transcripts/${randomUUID()}`,
      issuer: buildIssuerRef({
        id: this.trust.issuerUrl(TRANSCRIPT_ISSUER_ID),
        name: TRANSCRIPT_ISSUER_NAME,
      }),
      name: `Transcript of ${awards.at(-1)!.recipientName}`,
      description: `${awards.length} micro-credential${awards.length === 1 ? '' : 's'} awarded through Lattice.`,
      validFrom: isoSeconds(new Date()),
      learner: hashRecipientEmail(email),
      credentials: awards.map((award) => award.signedCredential as unknown as SignedCredential),
    });
    // The platform key is created on first need, like an issuer's.
    const signer = await this.dataSource.transaction((manager) =>
      this.trust.signerFor(manager, TRANSCRIPT_ISSUER_ID, TRANSCRIPT_ISSUER_NAME),
    );
    return this.trust.sign(unsigned, signer);
  }
}
