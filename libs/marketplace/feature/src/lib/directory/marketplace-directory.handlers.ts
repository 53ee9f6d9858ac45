// Keeps marketplace's directory of organizations (and umbrella memberships) current from
// identity's events. Runs in the worker; each event is applied once (processed_events). The jobs
// that arrive while a batch is being applied are applied together next, in one transaction, so a
// burst of events costs a commit per batch instead of one per event.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventType } from '@lattice/shared-contracts';
import { GroupCommit, type JobHandlerDeclaration } from '@lattice/shared-worker';
import { claimEvent } from '@lattice/marketplace-data-access';
import { upsertDirectoryOrganization } from '../shared/organization-directory';

type Subscribed = 'identity.organization.created' | 'identity.organization.verified' | 'identity.umbrella.joined' | 'identity.umbrella.member_removed';
type Handler<T extends DomainEventType> = (manager: EntityManager, event: DomainEvent<T>) => Promise<void>;
type HandlerTable = { [T in Subscribed]: Handler<T> };

const CONSUMER = 'marketplace.directory';
/** Events applied in one transaction at most; one batch at a time, so batches never wait on each other's rows. */
const BATCH = { maxBatch: 200, maxInFlight: 1 } as const;

@Injectable()
export class MarketplaceDirectoryHandlers {
  private readonly group = new GroupCommit<DomainEvent>((events) => this.applyAll(events), BATCH);

  constructor(private readonly dataSource: DataSource) {}

  /** Jobs the marketplace events queue may run at once: enough for a batch to gather while one is applied. */
  static readonly concurrency = 2 * BATCH.maxBatch;

  private readonly table: HandlerTable = {
    'identity.organization.created': async (manager, { payload }) => {
      await upsertDirectoryOrganization(manager, {
        id: payload.organizationId,
        name: payload.name,
        kind: payload.kind,
        size: payload.size,
        region: payload.region,
        sector: payload.sector,
      });
    },
    'identity.organization.verified': async (manager, { payload }) => {
      // When the row is missing, the created event (or a synchronous fetch) will bring the flag.
      await manager.query(`UPDATE "marketplace"."organizations" SET "verified" = $2, "updated_at" = now() WHERE "id" = $1`, [payload.organizationId, payload.verified]);
    },
    'identity.umbrella.joined': async (manager, { payload }) => {
      await manager.query(`INSERT INTO "marketplace"."umbrella_members" ("umbrella_id", "organization_id") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        payload.umbrellaId,
        payload.organizationId,
      ]);
    },
    'identity.umbrella.member_removed': async (manager, { payload }) => {
      await manager.query(`DELETE FROM "marketplace"."umbrella_members" WHERE "umbrella_id" = $1 AND "organization_id" = $2`, [payload.umbrellaId, payload.organizationId]);
    },
  };

  declarations(): JobHandlerDeclaration[] {
    return (Object.keys(this.table) as Subscribed[]).map((type) => ({
      queue: 'marketplace-events',
      name: type,
      owner: MarketplaceDirectoryHandlers.name,
      handle: (data: unknown) => this.group.submit(data as DomainEvent),
    }));
  }

  /** Applies an event once: a repeated delivery finds its claim and does nothing. */
  apply(event: DomainEvent): Promise<void> {
    return this.applyAll([event]);
  }

  /** Applies events in order, in one transaction, each once. */
  async applyAll(events: readonly DomainEvent[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const event of events) {
        const handler = this.table[event.type as Subscribed] as Handler<DomainEventType> | undefined;
        if (!handler) throw new Error(`no marketplace directory handler for ${event.type}`);
        if (!(await claimEvent(manager, event.id, CONSUMER))) continue;
        await handler(manager, event);
      }
    });
  }
}
