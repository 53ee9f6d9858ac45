// Joining an umbrella is a request (issue 12, defect 9): the organization's admin asks, the
// umbrella's owners and admins are told (identity.umbrella.join_requested) and accept or decline.
// Only an accepted request makes the organization a member — and so able to adopt the umbrella's
// sponsored credentials. An umbrella admin can remove a member.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction, isUniqueViolation } from '@lattice/shared-data-access';
import {
  addUmbrellaMember,
  decideJoinRequest,
  IDENTITY_SCHEMA,
  IdentityRepository,
  insertJoinRequest,
  isUmbrellaMember,
  joinRequestByIdOrFail,
  lockJoinRequest,
  removeUmbrellaMember,
  type UmbrellaJoinRequestEntity,
} from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';
import { AuditTrail } from '../shared/audit-trail';

@Injectable()
export class JoinUmbrellaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: IdentityRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** A pending request (nothing is shared until an umbrella admin accepts it). */
  async execute(
    principal: Principal,
    umbrellaId: string,
    organizationId: string,
  ): Promise<UmbrellaJoinRequestEntity> {
    if (umbrellaId === organizationId)
      throw IdentityErrors.of('CANNOT_JOIN_ITSELF', 'An organization cannot join itself.');
    const [umbrella, organization] = await Promise.all([
      this.repository.organizationById(umbrellaId),
      this.repository.organizationById(organizationId),
    ]);
    if (!organization)
      throw IdentityErrors.of('ORGANIZATION_NOT_FOUND', 'No such organization.', { organizationId });
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    if (!umbrella)
      throw IdentityErrors.of('ORGANIZATION_NOT_FOUND', 'No such umbrella organization.', { umbrellaId });
    if (umbrella.kind !== 'UMBRELLA')
      throw IdentityErrors.of('NOT_AN_UMBRELLA', `${umbrella.name} is not an umbrella organization.`, {
        field: 'umbrellaId',
      });
    if (organization.kind === 'OPERATOR')
      throw IdentityErrors.of('INVALID_INPUT', 'The operator does not join umbrellas.');
    const already = () =>
      IdentityErrors.of(
        'ALREADY_IN_UMBRELLA',
        `${organization.name} is already a member of ${umbrella.name}.`,
      );
    try {
      return await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
        if (await isUmbrellaMember(manager, umbrellaId, organizationId)) throw already();
        const request: Partial<UmbrellaJoinRequestEntity> = {
          id: randomUUID(),
          umbrellaId,
          organizationId,
          state: 'PENDING',
          requestedBy: principal.userId,
          decidedBy: null,
          decidedAt: null,
        };
        await insertJoinRequest(manager, request);
        emit({
          type: 'identity.umbrella.join_requested',
          actorId: principal.userId,
          payload: { requestId: request.id!, umbrellaId, organizationId, by: principal.userId },
        });
        await this.audit.record(
          manager,
          principal,
          organizationId,
          'umbrella.join_requested',
          { type: 'organization', id: umbrellaId },
          { requestId: request.id },
        );
        return joinRequestByIdOrFail(manager, request.id!);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'umbrella_join_requests_pending_key'))
        throw IdentityErrors.of(
          'JOIN_REQUEST_PENDING',
          `${organization.name} already asked to join ${umbrella.name}; its admins have not answered yet.`,
        );
      throw error;
    }
  }

  /** Accept (the organization becomes a member) or decline a pending request; the umbrella's owners and admins only. */
  async respond(
    principal: Principal,
    requestId: string,
    accept: boolean,
  ): Promise<UmbrellaJoinRequestEntity> {
    const found = await this.repository.umbrellaJoinRequest(requestId);
    if (!found)
      throw IdentityErrors.of('JOIN_REQUEST_NOT_FOUND', 'No such request to join an umbrella.', {
        requestId,
      });
    await this.authorizer.requireRole(principal, found.umbrellaId, 'ADMIN');
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      const request = await lockJoinRequest(manager, requestId);
      if (request.state !== 'PENDING')
        throw IdentityErrors.of(
          'JOIN_REQUEST_DECIDED',
          `This request was already ${request.state.toLowerCase()}.`,
          { requestId, state: request.state },
        );
      const now = new Date();
      await decideJoinRequest(manager, requestId, request.version, accept, principal.userId, now);
      const { umbrellaId, organizationId } = request;
      if (accept) {
        await addUmbrellaMember(manager, umbrellaId, organizationId, request.requestedBy);
        // The joining organization's admin is the actor: the umbrella's admins hear that it joined.
        emit({
          type: 'identity.umbrella.joined',
          actorId: request.requestedBy,
          payload: {
            umbrellaId,
            organizationId,
            by: request.requestedBy,
            acceptedBy: principal.userId,
            requestId,
          },
        });
      } else {
        emit({
          type: 'identity.umbrella.join_declined',
          actorId: principal.userId,
          payload: { requestId, umbrellaId, organizationId, by: principal.userId },
        });
      }
      await this.audit.record(
        manager,
        principal,
        umbrellaId,
        accept ? 'umbrella.join_accepted' : 'umbrella.join_declined',
        { type: 'organization', id: organizationId },
        { requestId },
      );
      return joinRequestByIdOrFail(manager, requestId);
    });
  }

  /** An umbrella's owner or admin removes a member organization. */
  async remove(principal: Principal, umbrellaId: string, organizationId: string): Promise<void> {
    await this.authorizer.requireRole(principal, umbrellaId, 'ADMIN');
    await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
      if (!(await removeUmbrellaMember(manager, umbrellaId, organizationId)))
        throw IdentityErrors.of('NOT_IN_UMBRELLA', 'That organization is not a member of this umbrella.', {
          organizationId,
        });
      emit({
        type: 'identity.umbrella.member_removed',
        actorId: principal.userId,
        payload: { umbrellaId, organizationId, by: principal.userId },
      });
      await this.audit.record(manager, principal, umbrellaId, 'umbrella.member_removed', {
        type: 'organization',
        id: organizationId,
      });
    });
  }

  /** Pending requests to join an umbrella; its owners and admins only (others see none). */
  async pendingFor(principal: Principal, umbrellaId: string): Promise<UmbrellaJoinRequestEntity[]> {
    try {
      await this.authorizer.requireRole(principal, umbrellaId, 'ADMIN');
    } catch {
      return [];
    }
    return this.repository.umbrellaJoinRequests(umbrellaId, 'PENDING');
  }
}
