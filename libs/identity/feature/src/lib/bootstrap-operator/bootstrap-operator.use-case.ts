// First start: someone must be able to verify organizations. Given an operator e-mail and
// password in the environment, identity makes sure that person exists and owns an OPERATOR
// organization. Safe to run on every start and from several replicas at once.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import {
  IDENTITY_SCHEMA,
  insertMembership,
  insertOrganization,
  insertUser,
  OrganizationEntity,
  operatorOrganizationRunBy,
  takeOperatorBootstrapLock,
  UserEntity,
  userWithEmail,
} from '@lattice/identity-data-access';
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

  async execute(
    account: OperatorAccount,
  ): Promise<{ userId: string; organizationId: string; created: boolean }> {
    const passwordHash = await this.hasher.hash(account.password);
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      await takeOperatorBootstrapLock(manager);
      let user = await userWithEmail(manager, account.email);
      let created = false;
      if (!user) {
        // The deployer named this address in the environment: it needs no e-mail round trip.
        user = manager.create(UserEntity, {
          id: randomUUID(),
          email: account.email,
          name: account.name,
          passwordHash,
          locale: 'en',
          emailVerifiedAt: new Date(),
        });
        await insertUser(manager, user);
        emit({
          type: 'identity.user.signed_up',
          actorId: user.id,
          payload: { userId: user.id, email: user.email, name: user.name, locale: 'en' },
        });
        created = true;
      }
      const existing = await operatorOrganizationRunBy(manager, user.id);
      if (existing) return { userId: user.id, organizationId: existing, created };
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
      await insertOrganization(manager, organization);
      await insertMembership(manager, {
        id: randomUUID(),
        userId: user.id,
        organizationId: organization.id,
        role: 'OWNER',
      });
      emit({
        type: 'identity.organization.created',
        actorId: user.id,
        payload: {
          organizationId: organization.id,
          name: organization.name,
          kind: 'OPERATOR',
          size: 'SMALL',
          region: null,
          sector: null,
          createdBy: user.id,
        },
      });
      emit({
        type: 'identity.membership.created',
        actorId: user.id,
        payload: { userId: user.id, organizationId: organization.id, role: 'OWNER' },
      });
      return { userId: user.id, organizationId: organization.id, created: true };
    });
  }
}
