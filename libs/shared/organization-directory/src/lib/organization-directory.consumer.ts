// Keeps one service's copy of the directory current from identity's events. Runs in the worker,
// on the service's own events queue; each event is applied once per consumer (processed_events,
// in the same transaction). Jobs that arrive while a batch is applied are applied together next,
// in one transaction: a burst of events costs a commit per batch, not one per event.
import type { DataSource } from 'typeorm';
import type { DomainEvent, EventQueueName } from '@lattice/shared-contracts';
import { GroupCommit, type JobHandlerDeclaration } from '@lattice/shared-worker';
import { type DirectoryTables, ORGANIZATION_DIRECTORY_EVENTS } from './directory-tables';
import { OrganizationReadModel } from './organization-read-model';

/** Events applied in one transaction at most; one batch at a time, so batches never wait on each other's rows. */
const BATCH = { maxBatch: 200, maxInFlight: 1 } as const;

export interface OrganizationDirectoryConsumerOptions {
  /** The service's events queue (it must subscribe to ORGANIZATION_DIRECTORY_EVENTS). */
  readonly queue: EventQueueName;
  /** The name its applied events are recorded under, e.g. `marketplace.directory`. */
  readonly consumer: string;
  readonly tables: DirectoryTables;
}

export class OrganizationDirectoryConsumer {
  /** Jobs its queue may run at once: enough for a batch to gather while one is applied. */
  static readonly concurrency = 2 * BATCH.maxBatch;

  private readonly readModel: OrganizationReadModel;
  private readonly group = new GroupCommit<DomainEvent>((events) => this.applyAll(events), BATCH);

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OrganizationDirectoryConsumerOptions,
  ) {
    this.readModel = new OrganizationReadModel(options.tables);
  }

  declarations(): JobHandlerDeclaration[] {
    return ORGANIZATION_DIRECTORY_EVENTS.map((type) => ({
      queue: this.options.queue,
      name: type,
      owner: `${OrganizationDirectoryConsumer.name}(${this.options.consumer})`,
      handle: (data: unknown) => this.group.submit(data as DomainEvent),
    }));
  }

  /** Applies events in order, in one transaction, each once: a repeated delivery changes nothing. */
  async applyAll(events: readonly DomainEvent[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const fresh = await this.readModel.claim(
        manager,
        events.map((event) => event.id),
        this.options.consumer,
      );
      await this.readModel.apply(
        manager,
        events.filter(
          (event, index) =>
            fresh.has(event.id) && events.findIndex((other) => other.id === event.id) === index,
        ),
      );
    });
  }
}
