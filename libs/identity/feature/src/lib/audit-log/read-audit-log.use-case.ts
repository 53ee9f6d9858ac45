// Reading the audit log: an organization's owners and admins, and Lattice operators. Newest first,
// paged by sequence; the CSV export holds the newest EXPORT_LIMIT entries.
import { Injectable } from '@nestjs/common';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { type AuditLogEntity, IdentityRepository } from '@lattice/identity-data-access';
import { toCsv } from './audit-csv';

export const AUDIT_EXPORT_LIMIT = 10_000;

@Injectable()
export class ReadAuditLogUseCase {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly repository: IdentityRepository,
  ) {}

  async page(principal: Principal, organizationId: string, limit: number, beforeSeq: string | null): Promise<AuditLogEntity[]> {
    await this.requireReader(principal, organizationId);
    return this.repository.auditLog(organizationId, limit, beforeSeq);
  }

  async csv(principal: Principal, organizationId: string): Promise<string> {
    await this.requireReader(principal, organizationId);
    const rows = await this.repository.auditLog(organizationId, AUDIT_EXPORT_LIMIT, null);
    return toCsv(
      ['occurred_at', 'action', 'actor_kind', 'actor_id', 'target_type', 'target_id', 'details', 'source', 'request_id', 'id'],
      rows.map((r) => [r.occurredAt.toISOString(), r.action, r.actorKind, r.actorId, r.targetType, r.targetId, JSON.stringify(r.details), r.source, r.requestId, r.id]),
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
