// Writes the audit log (ADR 0015) inside the caller's transaction: the action and its record
// commit together or not at all. Who acted is the person, or the API key (its id), never a guess.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { insertAuditEntry } from '@lattice/identity-data-access';
import { currentRequestId } from '@lattice/shared-util-observability';

/** The actions identity records itself; others' arrive as events (see AuditEventHandlers). */
export type AuditAction =
  | 'invitation.created'
  | 'invitation.accepted'
  | 'member.role_changed'
  | 'member.removed'
  | 'member.left'
  | 'umbrella.join_requested'
  | 'umbrella.join_accepted'
  | 'umbrella.join_declined'
  | 'umbrella.member_removed'
  | 'api_key.created'
  | 'api_key.revoked';

@Injectable()
export class AuditTrail {
  async record(
    manager: EntityManager,
    principal: Principal,
    organizationId: string,
    action: AuditAction,
    target: { type: string; id: string } | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await insertAuditEntry(manager, {
      id: randomUUID(),
      organizationId,
      occurredAt: new Date(),
      actorId: principal.apiKeyId ?? principal.userId,
      actorKind: principal.apiKeyId ? 'API_KEY' : 'USER',
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      details: details as never,
      requestId: currentRequestId() ?? null,
      source: 'identity',
      sourceEventId: null,
    });
  }
}
