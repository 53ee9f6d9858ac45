// Keeps evidence's read tables from other services' events and asks for feedback. Runs in the
// worker; each event is applied once (processed_events), its effects and the events it causes in
// one transaction. A burst of events is applied in batches (one commit per batch).
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventType } from '@lattice/shared-contracts';
import { appendToOutbox, type PendingEvent } from '@lattice/shared-data-access';
import { GroupCommit, type JobHandlerDeclaration } from '@lattice/shared-worker';
import { claimEvent, equityRollup, EVIDENCE_SCHEMA, readTables } from '@lattice/evidence-data-access';
import { type LearnerKeys, REMINDER_AFTER_DAYS } from '../shared/evidence.options';

type Subscribed =
  | 'identity.organization.created'
  | 'identity.umbrella.joined'
  | 'identity.umbrella.member_removed'
  | 'marketplace.partnership.accepted'
  | 'credentials.design.published'
  | 'credentials.award.issued'
  | 'credentials.award.revoked'
  | 'credentials.endorsement.added'
  | 'credentials.design.compliance_reviewed';
type Handler<T extends DomainEventType> = (
  manager: EntityManager,
  event: DomainEvent<T>,
  emit: (event: PendingEvent) => void,
) => Promise<void>;
type HandlerTable = { [T in Subscribed]: Handler<T> };

const CONSUMER = 'evidence.read-tables';
const BATCH = { maxBatch: 200, maxInFlight: 1 } as const;
const DAY_MS = 86_400_000;

@Injectable()
export class EvidenceEventHandlers {
  private readonly group = new GroupCommit<DomainEvent>((events) => this.applyAll(events), BATCH);

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: LearnerKeys,
  ) {}

  static readonly concurrency = 2 * BATCH.maxBatch;

  private readonly table: HandlerTable = {
    'identity.organization.created': async (manager, { payload: p }) => {
      await readTables.organization(manager, {
        id: p.organizationId,
        name: p.name,
        kind: p.kind,
        size: p.size,
        region: p.region,
        sector: p.sector,
      });
      await this.refreshGroups(manager, await equityRollup.credentialsOf(manager, p.organizationId));
    },
    'identity.umbrella.joined': async (manager, { payload: p }) => {
      await readTables.umbrellaMember(manager, p.umbrellaId, p.organizationId);
      await this.refreshGroups(manager, await equityRollup.credentialsOf(manager, p.organizationId));
    },
    'identity.umbrella.member_removed': async (manager, { payload: p }) => {
      await readTables.umbrellaMemberRemoved(manager, p.umbrellaId, p.organizationId);
      await this.refreshGroups(manager, await equityRollup.credentialsOf(manager, p.organizationId));
    },
    'marketplace.partnership.accepted': async (manager, { payload: p, occurredAt }) => {
      await readTables.partnership(manager, {
        id: p.partnershipId,
        employerId: p.employerId,
        institutionId: p.institutionId,
        acceptedAt: occurredAt,
      });
    },
    'credentials.design.published': async (manager, { payload: p, occurredAt }, emit) => {
      const fresh = await readTables.credential(manager, {
        ...p,
        id: p.credentialId,
        publishedAt: occurredAt,
      });
      await this.refreshGroups(manager, [p.credentialId]);
      if (fresh) {
        emit({
          type: 'evidence.framework_survey.requested',
          actorId: null,
          payload: {
            credentialId: p.credentialId,
            credentialTitle: p.title,
            issuerId: p.issuerId,
            frameworkId: p.frameworkId,
          },
        });
      }
    },
    'credentials.endorsement.added': async (manager, { payload: p }) => {
      await readTables.tie(manager, p.credentialId, p.organizationId, 'ENDORSER');
      await this.refreshGroups(manager, [p.credentialId]);
    },
    'credentials.design.compliance_reviewed': async (manager, { payload: p }) => {
      await readTables.elementsReviewed(manager, p.frameworkId, p.elements);
    },
    'credentials.award.issued': async (manager, { payload: p, occurredAt }, emit) => {
      const learnerLookup = this.keys.lookup(p.recipientEmail);
      // Equity counts change with the learner's holdings, in this transaction.
      const fresh = await equityRollup.around(manager, [learnerLookup], this.keys.equityBits, () =>
        readTables.award(manager, {
          id: p.awardId,
          credentialId: p.credentialId,
          issuerId: p.issuerId,
          learnerLookup,
          issuedAt: occurredAt,
          credentialTitle: p.credentialTitle,
          sealedEmail: this.keys.seal(p.recipientEmail),
          remindAfter: new Date(Date.parse(occurredAt) + REMINDER_AFTER_DAYS * DAY_MS),
        }),
      );
      if (fresh) {
        emit({
          type: 'evidence.feedback.requested',
          actorId: null,
          payload: {
            awardId: p.awardId,
            credentialId: p.credentialId,
            credentialTitle: p.credentialTitle,
            recipientEmail: p.recipientEmail,
            reminder: false,
          },
        });
      }
    },
    'credentials.award.revoked': async (manager, { payload: p, occurredAt }) => {
      const learnerLookup = await readTables.learnerOfAward(manager, p.awardId);
      await equityRollup.around(manager, learnerLookup ? [learnerLookup] : [], this.keys.equityBits, () =>
        readTables.revokeAward(manager, p.awardId, occurredAt),
      );
    },
  };

  /** Credentials whose groups (facts, issuer's region, partners' sector, ties, umbrellas) may have changed: their equity keys follow. */
  private refreshGroups(manager: EntityManager, credentialIds: readonly string[]): Promise<void> {
    return equityRollup.refreshCredentials(manager, credentialIds, this.keys.equityBits);
  }

  declarations(): JobHandlerDeclaration[] {
    return (Object.keys(this.table) as Subscribed[]).map((type) => ({
      queue: 'evidence-events',
      name: type,
      owner: EvidenceEventHandlers.name,
      handle: (data: unknown) => this.group.submit(data as DomainEvent),
    }));
  }

  apply(event: DomainEvent): Promise<void> {
    return this.applyAll([event]);
  }

  /** Applies events in order, in one transaction, each once; the events they cause go to evidence's outbox in it. */
  async applyAll(events: readonly DomainEvent[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const caused: PendingEvent[] = [];
      for (const event of events) {
        const handler = this.table[event.type as Subscribed] as Handler<DomainEventType> | undefined;
        if (!handler) throw new Error(`no evidence handler for ${event.type}`);
        if (!(await claimEvent(manager, event.id, CONSUMER))) continue;
        await handler(manager, event, (e) => void caused.push(e));
      }
      await appendToOutbox(manager, EVIDENCE_SCHEMA, caused);
    });
  }
}
