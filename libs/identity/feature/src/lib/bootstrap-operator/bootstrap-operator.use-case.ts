// First start: someone must be able to verify organizations. Given an operator e-mail and
// password in the environment, identity makes sure that person exists and owns an OPERATOR
// organization. Safe to run on every start and from several replicas at once.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import { IDENTITY_SCHEMA, MembershipEntity, OrganizationEntity, UserEntity } from '@lattice/identity-data-access';
import { PasswordHasher } from '../shared/password-hasher';

export interface OperatorAccount {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly organizationName: string;
}

@Injectable()
export class BootstrapOperatorUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(account: OperatorAccount): Promise<{ userId: string; organizationId: string; created: boolean }> {
    const passwordHash = await this.hasher.hash(account.password);
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('lattice.identity.bootstrap-operator'))`);
      let user = await manager.createQueryBuilder(UserEntity, 'u').where('lower(u.email) = lower(:email)', { email: account.email }).getOne();
      let created = false;
      if (!user) {
        // The deployer named this address in the environment: it needs no e-mail round trip.
        user = manager.create(UserEntity, { id: randomUUID(), email: account.email, name: account.name, passwordHash, locale: 'en', emailVerifiedAt: new Date() });
        await manager.insert(UserEntity, user);
        emit({ type: 'identity.user.signed_up', actorId: user.id, payload: { userId: user.id, email: user.email, name: user.name, locale: 'en' } });
        created = true;
      }
      const existing = (await manager.query(
        `SELECT o.id FROM identity.organizations o JOIN identity.memberships m ON m.organization_id = o.id
          WHERE o.kind = 'OPERATOR' AND m.user_id = $1 AND m.role IN ('OWNER', 'ADMIN') LIMIT 1`,
        [user.id],
      )) as Array<{ id: string }>;
      if (existing[0]) return { userId: user.id, organizationId: existing[0].id, created };
      const organization = manager.create(OrganizationEntity, {
        id: randomUUID(),
        name: account.organizationName,
        kind: 'OPERATOR',
        size: 'SMALL',
        region: null,
        sector: null,
        website: null,
        verified: true,
        verifiedAt: new Date(),
        createdBy: user.id,
      });
      await manager.insert(OrganizationEntity, organization);
      await manager.insert(MembershipEntity, { id: randomUUID(), userId: user.id, organizationId: organization.id, role: 'OWNER' });
      emit({
        type: 'identity.organization.created',
        actorId: user.id,
        payload: { organizationId: organization.id, name: organization.name, kind: 'OPERATOR', size: 'SMALL', region: null, sector: null, createdBy: user.id },
      });
      emit({ type: 'identity.membership.created', actorId: user.id, payload: { userId: user.id, organizationId: organization.id, role: 'OWNER' } });
      return { userId: user.id, organizationId: organization.id, created: true };
    });
  }
}
