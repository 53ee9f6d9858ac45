// Organization members (issue 12): owners and admins change a member's role and remove members;
// a member leaves. The last owner can never be removed, demoted or leave.
//
// Concurrency: every change locks the organization's row first (SELECT … FOR UPDATE), so changes
// to one organization's members run one at a time; the caller's own role and the owner count are
// read after the lock, from the database (not the token). Two admins demoting each other at once:
// the second waits, then sees the first's change and is refused — never zero owners.
//
// A person removed or demoted stops being able to act with their old role at once: their access
// tokens issued before now are refused everywhere (the shared revocation moment); their refresh
// token still works and gives a token with what they hold now.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ROLE_RANK, type Principal } from '@lattice/shared-auth';
import type { Role } from '@lattice/shared-contracts';
import { inTransaction } from '@lattice/shared-data-access';
import {
  deleteMembership,
  IDENTITY_SCHEMA,
  lockOrganization,
  type MembershipEntity,
  membershipOf,
  otherOwnerCount,
  setMembershipRole,
} from '@lattice/identity-data-access';
import { CommonErrors } from '@lattice/shared-util-errors';
import { IdentityErrors } from '../shared/identity.errors';
import { SessionsEnded } from '../shared/sessions-ended';
import { AuditTrail } from '../shared/audit-trail';

@Injectable()
export class ManageMembersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessionsEnded: SessionsEnded,
    private readonly audit: AuditTrail,
  ) {}

  async changeRole(
    principal: Principal,
    organizationId: string,
    userId: string,
    role: Role,
  ): Promise<MembershipEntity> {
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      const caller = await this.lockAndAuthorize(manager, principal, organizationId, 'ADMIN');
      const target = await this.memberOrFail(manager, organizationId, userId);
      if ((role === 'OWNER' || target.role === 'OWNER') && caller.role !== 'OWNER')
        throw IdentityErrors.of(
          'ONLY_OWNER_MAY_GRANT_OWNER',
          'Only an owner can make someone an owner or change an owner’s role.',
        );
      if (target.role === role) return target;
      if (target.role === 'OWNER') await this.requireAnotherOwner(manager, organizationId, userId, 'demoted');
      await setMembershipRole(manager, target.id, role);
      if (ROLE_RANK[role] < ROLE_RANK[target.role]) await this.sessionsEnded.endAccessTokens(manager, userId);
      emit({
        type: 'identity.membership.role_changed',
        actorId: principal.userId,
        payload: { userId, organizationId, role, previousRole: target.role, by: principal.userId },
      });
      await this.audit.record(
        manager,
        principal,
        organizationId,
        'member.role_changed',
        { type: 'user', id: userId },
        { role, previousRole: target.role },
      );
      return { ...target, role };
    });
  }

  async remove(principal: Principal, organizationId: string, userId: string): Promise<void> {
    await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      const caller = await this.lockAndAuthorize(manager, principal, organizationId, 'ADMIN');
      const target = await this.memberOrFail(manager, organizationId, userId);
      if (target.role === 'OWNER' && caller.role !== 'OWNER')
        throw IdentityErrors.of('ONLY_OWNER_MAY_GRANT_OWNER', 'Only an owner can remove an owner.');
      if (target.role === 'OWNER') await this.requireAnotherOwner(manager, organizationId, userId, 'removed');
      await this.drop(manager, principal, target, false, emit);
    });
  }

  async leave(principal: Principal, organizationId: string): Promise<void> {
    await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      await this.lockAndAuthorize(manager, principal, organizationId, 'MEMBER');
      const target = await this.memberOrFail(manager, organizationId, principal.userId);
      if (target.role === 'OWNER')
        await this.requireAnotherOwner(manager, organizationId, principal.userId, 'leave');
      await this.drop(manager, principal, target, true, emit);
    });
  }

  private async drop(
    manager: EntityManager,
    principal: Principal,
    target: MembershipEntity,
    left: boolean,
    emit: (event: {
      type: 'identity.membership.removed';
      actorId: string;
      payload: { userId: string; organizationId: string; role: Role; by: string; left: boolean };
    }) => void,
  ): Promise<void> {
    await deleteMembership(manager, target.id);
    await this.sessionsEnded.endAccessTokens(manager, target.userId);
    emit({
      type: 'identity.membership.removed',
      actorId: principal.userId,
      payload: {
        userId: target.userId,
        organizationId: target.organizationId,
        role: target.role,
        by: principal.userId,
        left,
      },
    });
    await this.audit.record(
      manager,
      principal,
      target.organizationId,
      left ? 'member.left' : 'member.removed',
      { type: 'user', id: target.userId },
      { role: target.role },
    );
  }

  /** Locks the organization (one member change at a time) and checks the caller's live role. */
  private async lockAndAuthorize(
    manager: EntityManager,
    principal: Principal,
    organizationId: string,
    minimum: Role,
  ): Promise<MembershipEntity> {
    const organization = await lockOrganization(manager, organizationId);
    const caller = organization ? await membershipOf(manager, organizationId, principal.userId) : null;
    if (!caller || ROLE_RANK[caller.role] < ROLE_RANK[minimum])
      throw CommonErrors.of(
        'FORBIDDEN',
        `You need the ${minimum} role or higher in that organization to do this.`,
        { organizationId },
      );
    return caller;
  }

  private async memberOrFail(
    manager: EntityManager,
    organizationId: string,
    userId: string,
  ): Promise<MembershipEntity> {
    const member = await membershipOf(manager, organizationId, userId);
    if (!member)
      throw IdentityErrors.of('MEMBER_NOT_FOUND', 'That person is not a member of this organization.', {
        userId,
      });
    return member;
  }

  private async requireAnotherOwner(
    manager: EntityManager,
    organizationId: string,
    userId: string,
    what: 'demoted' | 'removed' | 'leave',
  ): Promise<void> {
    const others = await otherOwnerCount(manager, organizationId, userId);
    if (others === 0) {
      const message =
        what === 'leave'
          ? 'You are the last owner: make someone else an owner before you leave.'
          : `The last owner cannot be ${what}: make someone else an owner first.`;
      throw IdentityErrors.of('LAST_OWNER', message, { userId });
    }
  }
}
