// Reading the audit log: an organization's owners and admins, and Lattice operators. Newest first,
// paged by sequence; the CSV export holds the newest EXPORT_LIMIT entries.
import { Injectable } from '@nestjs/common';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { type AuditLogEntity, type AuditLogFilter, IdentityRepository } from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';
import { toCsv } from './audit-csv';

export const AUDIT_EXPORT_LIMIT = 10_000;
const ACTOR_KINDS = new Set(['USER', 'API_KEY', 'SYSTEM']);

/** An action is a dotted name (member.role_changed); an actor kind is USER, API_KEY or SYSTEM. */
function checkFilter(filter: AuditLogFilter): void {
  if (filter.action != null && !/^[a-z][a-z0-9_.]{0,99}$/.test(filter.action))
    throw IdentityErrors.of('INVALID_INPUT', 'action is a dotted name such as member.role_changed.', {
      field: 'action',
    });
  if (filter.actorKind != null && !ACTOR_KINDS.has(filter.actorKind))
    throw IdentityErrors.of('INVALID_INPUT', 'actorKind is USER, API_KEY or SYSTEM.', { field: 'actorKind' });
}

@Injectable()
export class ReadAuditLogUseCase {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly repository: IdentityRepository,
  ) {}

  async page(
    principal: Principal,
    organizationId: string,
    limit: number,
    beforeSeq: string | null,
    filter: AuditLogFilter = {},
  ): Promise<AuditLogEntity[]> {
    checkFilter(filter);
    await this.requireReader(principal, organizationId);
    return this.repository.auditLog(organizationId, limit, beforeSeq, filter);
  }

  async csv(principal: Principal, organizationId: string, filter: AuditLogFilter = {}): Promise<string> {
    checkFilter(filter);
    await this.requireReader(principal, organizationId);
    const rows = await this.repository.auditLog(organizationId, AUDIT_EXPORT_LIMIT, null, filter);
    return toCsv(
      [
        'occurred_at',
        'action',
        'actor_kind',
        'actor_id',
        'target_type',
        'target_id',
        'details',
        'source',
        'request_id',
        'id',
      ],
      rows.map((r) => [
        r.occurredAt.toISOString(),
        r.action,
        r.actorKind,
        r.actorId,
        r.targetType,
        r.targetId,
        JSON.stringify(r.details),
        r.source,
        r.requestId,
        r.id,
      ]),
    );
  }

  private async requireReader(principal: Principal, organizationId: string): Promise<void> {
    try {
      await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    } catch (error) {
      await this.authorizer.requireOperator(principal).catch(() => {
        throw error;
      });
    }
  }
}
