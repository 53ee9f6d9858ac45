// An issuer's owner or admin rotates its signing key (suspected exposure, routine hygiene): the
// active key is retired — still published, so every credential it signed keeps verifying — and a
// new one signs from now on (awards, endorsements, status lists). One transaction with its event.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { CREDENTIALS_SCHEMA } from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import type { IssuerKeyRecord } from '@lattice/credentials-openbadges';
import { IssuerTrust } from '../shared/issuer-trust';

@Injectable()
export class RotateIssuerKeyUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly trust: IssuerTrust,
  ) {}

  async execute(
    principal: Principal,
    organizationId: string,
  ): Promise<{ previous: IssuerKeyRecord; next: IssuerKeyRecord }> {
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      const rotated = await this.trust.rotateKey(manager, organizationId);
      if (!rotated) {
        throw CredentialsErrors.of(
          'NO_ISSUER_KEY',
          'This organization has not signed anything yet, so it has no key to rotate: its first award or endorsement creates one.',
          {
            organizationId,
          },
        );
      }
      emit({
        type: 'credentials.issuer_key.rotated',
        actorId: principal.userId,
        payload: { organizationId, keyId: rotated.next.id, previousKeyId: rotated.previous.id },
      });
      return rotated;
    });
  }
}
