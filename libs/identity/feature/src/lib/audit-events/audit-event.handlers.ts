// Other services' security-relevant actions, appended to the organization's audit log (ADR 0015):
// credentials' award revocations and issuer key rotations, notifications' webhook changes. Each
// service wrote its event in the action's transaction; this consumer (in the worker) appends it
// once — the event id is the entry's source_event_id, unique, so a replay adds nothing.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { DomainEvent, DomainEventPayloads } from '@lattice/shared-contracts';
import type { JobHandlerDeclaration } from '@lattice/shared-worker';
import { appendAuditFromEvent } from '@lattice/identity-data-access';

type Subscribed =
  'credentials.award.revoked' | 'credentials.issuer_key.rotated' | 'notifications.webhook.changed';

interface Entry {
  organizationId: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

const ENTRIES: { [T in Subscribed]: (payload: DomainEventPayloads[T]) => Entry } = {
  'credentials.award.revoked': (p) => ({
    organizationId: p.issuerId,
    action: 'credentials.award.revoked',
    targetType: 'award',
    targetId: p.awardId,
    details: { credentialId: p.credentialId, reason: p.reason },
  }),
  'credentials.issuer_key.rotated': (p) => ({
    organizationId: p.organizationId,
    action: 'credentials.issuer_key.rotated',
    targetType: 'issuer_key',
    targetId: p.keyId,
    details: { previousKeyId: p.previousKeyId },
  }),
  'notifications.webhook.changed': (p) => ({
    organizationId: p.organizationId,
    action: p.change === 'CREATED' ? 'webhook.created' : 'webhook.deleted',
    targetType: 'webhook_subscription',
    targetId: p.subscriptionId,
    details: { urlOrigin: p.urlOrigin, events: p.events },
  }),
};

@Injectable()
export class AuditEventHandlers {
  static readonly concurrency = 4;

  constructor(private readonly dataSource: DataSource) {}

  declarations(): JobHandlerDeclaration[] {
    return (Object.keys(ENTRIES) as Subscribed[]).map((type) => ({
      queue: 'identity-events',
      name: type,
      owner: AuditEventHandlers.name,
      handle: (data: unknown) => this.apply(data as DomainEvent),
    }));
  }

  async apply(event: DomainEvent): Promise<void> {
    const toEntry = ENTRIES[event.type as Subscribed] as ((payload: unknown) => Entry) | undefined;
    if (!toEntry) throw new Error(`no audit handler for ${event.type}`);
    const entry = toEntry(event.payload);
    await appendAuditFromEvent(this.dataSource.manager, {
      id: randomUUID(),
      ...entry,
      occurredAt: event.occurredAt,
      actorId: event.actorId,
      requestId: event.metadata?.requestId ?? null,
      source: event.source,
      eventId: event.id,
    });
  }
}
