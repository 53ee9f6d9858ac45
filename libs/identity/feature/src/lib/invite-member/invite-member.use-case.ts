import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import type { Role } from '@lattice/shared-contracts';
import { inTransaction } from '@lattice/shared-data-access';
import { SecretBox } from '@lattice/shared-util-config';
import {
  expirePendingInvitations,
  IDENTITY_SCHEMA,
  IdentityRepository,
  insertInvitation,
  InvitationEntity,
  membershipOf,
  pendingInvitations,
} from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../shared/identity.options';
import { hashSecretToken } from '../shared/email-verification-links';
import { AuditTrail } from '../shared/audit-trail';

export const hashInvitationToken = hashSecretToken;

export interface IssuedInvitation {
  readonly invitation: InvitationEntity;
  /** Shown once, to the inviter; only its hash is stored. */
  readonly token: string;
  readonly acceptUrl: string;
}

@Injectable()
export class InviteMemberUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: IdentityRepository,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly audit: AuditTrail,
  ) {}

  async execute(
    principal: Principal,
    organizationId: string,
    email: string,
    role: Role,
  ): Promise<IssuedInvitation> {
    const organization = await this.repository.organizationById(organizationId);
    if (!organization)
      throw IdentityErrors.of('ORGANIZATION_NOT_FOUND', 'No such organization.', { organizationId });
    const caller = await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    if (role === 'OWNER' && caller.role !== 'OWNER') {
      throw IdentityErrors.of('ONLY_OWNER_MAY_GRANT_OWNER', 'Only an owner can invite another owner.');
    }
    const normalized = email.trim();
    const invitee = await this.repository.userByEmail(normalized);
    if (invitee) {
      const existing = await membershipOf(this.dataSource.manager, organizationId, invitee.id);
      if (existing)
        throw IdentityErrors.of(
          'ALREADY_MEMBER',
          `${normalized} is already a member of ${organization.name}.`,
          { field: 'email' },
        );
    }
    const token = randomBytes(32).toString('base64url');
    const acceptUrl = `${this.options.publicBaseUrl.replace(/\/$/, '')}/invitations/accept?token=${token}`;
    const invitation = await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      // A new invitation to the same address replaces any pending one.
      await expirePendingInvitations(manager, organizationId, normalized);
      const invitation = manager.create(InvitationEntity, {
        id: randomUUID(),
        organizationId,
        email: normalized,
        role,
        tokenHash: hashInvitationToken(token),
        invitedBy: principal.userId,
        expiresAt: new Date(Date.now() + this.options.invitationTtlHours * 3_600_000),
        acceptedAt: null,
        acceptedBy: null,
      });
      await insertInvitation(manager, invitation);
      emit({
        type: 'identity.invitation.created',
        actorId: principal.userId,
        payload: {
          invitationId: invitation.id,
          organizationId,
          organizationName: organization.name,
          email: normalized,
          role,
          invitedBy: principal.userId,
          expiresAt: invitation.expiresAt.toISOString(),
          ...(this.options.invitationLinkKey
            ? { sealedAcceptUrl: new SecretBox(this.options.invitationLinkKey).seal(acceptUrl) }
            : {}),
        },
      });
      await this.audit.record(
        manager,
        principal,
        organizationId,
        'invitation.created',
        { type: 'invitation', id: invitation.id },
        { email: normalized, role },
      );
      return invitation;
    });
    return { invitation, token, acceptUrl };
  }

  /** Pending invitations of an organization, for its admins. */
  async pending(principal: Principal, organizationId: string): Promise<InvitationEntity[]> {
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    return pendingInvitations(this.dataSource.manager, organizationId, new Date());
  }
}
