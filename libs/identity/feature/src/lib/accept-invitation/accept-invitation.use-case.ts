import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { inTransaction, isUniqueViolation } from '@lattice/shared-data-access';
import {
  IDENTITY_SCHEMA,
  insertMembership,
  lockInvitation,
  markInvitationAccepted,
  MembershipEntity,
} from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';
import { hashInvitationToken } from '../invite-member/invite-member.use-case';
import { AuditTrail } from '../shared/audit-trail';

@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async execute(principal: Principal, token: string): Promise<MembershipEntity> {
    try {
      return await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
        // Lock the row: two accepts of one token race to exactly one membership.
        const invitation = await lockInvitation(manager, hashInvitationToken(token.trim()));
        if (!invitation)
          throw IdentityErrors.of('INVITATION_NOT_FOUND', 'This invitation link is not valid.');
        if (invitation.acceptedAt)
          throw IdentityErrors.of('INVITATION_USED', 'This invitation has already been used.');
        if (invitation.expiresAt.getTime() <= Date.now()) {
          throw IdentityErrors.of('INVITATION_EXPIRED', 'This invitation has expired. Ask for a new one.');
        }
        if (invitation.email.toLowerCase() !== principal.email.toLowerCase()) {
          throw IdentityErrors.of(
            'INVITATION_FOR_ANOTHER_EMAIL',
            `This invitation was sent to another e-mail address. Log in as that address to accept it.`,
          );
        }
        const membership = manager.create(MembershipEntity, {
          id: randomUUID(),
          userId: principal.userId,
          organizationId: invitation.organizationId,
          role: invitation.role,
        });
        await insertMembership(manager, membership);
        await markInvitationAccepted(manager, invitation.id, principal.userId, new Date());
        emit({
          type: 'identity.membership.created',
          actorId: principal.userId,
          payload: {
            userId: principal.userId,
            organizationId: invitation.organizationId,
            role: invitation.role,
          },
        });
        emit({
          type: 'identity.invitation.accepted',
          actorId: principal.userId,
          payload: {
            invitationId: invitation.id,
            organizationId: invitation.organizationId,
            userId: principal.userId,
            role: invitation.role,
          },
        });
        await this.audit.record(
          manager,
          principal,
          invitation.organizationId,
          'invitation.accepted',
          { type: 'user', id: principal.userId },
          { invitationId: invitation.id, role: invitation.role },
        );
        return membership;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'memberships_user_org_key')) {
        throw IdentityErrors.of('ALREADY_MEMBER', 'You are already a member of this organization.');
      }
      throw error;
    }
  }
}
