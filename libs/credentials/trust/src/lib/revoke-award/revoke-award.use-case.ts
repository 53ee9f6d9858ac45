// The issuer revokes an award: its bit in the issuer's status list is set and the list is
// re-signed, so every verifier sees it revoked. Revoking twice is a CONFLICT and changes nothing.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  type AwardEntity,
  CREDENTIALS_SCHEMA,
  latestIssuerName,
  lockAward,
  lockStatusList,
  revokeAward,
  rewriteStatusList,
} from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { BitstringStatusList } from '@lattice/credentials-openbadges';
import { IssuerTrust } from '../shared/issuer-trust';

@Injectable()
export class RevokeAwardUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly trust: IssuerTrust,
  ) {}

  async execute(principal: Principal, awardId: string, rawReason: string): Promise<AwardEntity> {
    const reason = rawReason.trim();
    if (reason.length < 1 || reason.length > 1000)
      throw CredentialsErrors.of(
        'INVALID_REVOCATION_REASON',
        'A revocation needs a reason of 1 to 1000 characters.',
      );
    const found = await this.trust.award(awardId);
    if (!found) throw CredentialsErrors.of('AWARD_NOT_FOUND', 'No such award.', { awardId });
    await this.authorizer.requireRole(principal, found.issuerId, 'ADMIN');
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      // The award row first, then its status list: the same order as a pathway award, which
      // share-locks the contributing awards before taking its own status list (no deadlock).
      const award = await lockAward(manager, found.id);
      const list = await lockStatusList(manager, found.statusListId);
      if (award.status === 'REVOKED')
        throw CredentialsErrors.of('ALREADY_REVOKED', 'This award is already revoked.', {
          awardId: award.id,
        });

      const bits = BitstringStatusList.decode(list.encodedList);
      bits.set(award.statusListIndex, true);
      const issuerName = await latestIssuerName(manager, award.issuerId);
      const signer = await this.trust.signerFor(manager, award.issuerId, issuerName);
      const signed = await this.trust.signStatusList(list.id, award.issuerId, bits, signer);
      await rewriteStatusList(manager, list.id, bits.encode(), signed);
      const revokedAt = new Date();
      await revokeAward(manager, award.id, { reason, revokedAt, revokedBy: principal.userId });
      emit({
        type: 'credentials.award.revoked',
        actorId: principal.userId,
        payload: {
          awardId: award.id,
          credentialId: award.credentialId,
          issuerId: award.issuerId,
          reason: reason,
          publicUrl: this.trust.awardUrl(award.id),
        },
      });
      return {
        ...award,
        status: 'REVOKED' as const,
        revokedReason: reason,
        revokedAt,
        revokedBy: principal.userId,
      };
    });
  }
}
