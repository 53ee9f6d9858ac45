// In-app delivery: the inbox row and the delivery's SENT mark are written in one transaction,
// so the inbox gets each (event, person) exactly once whatever the queue repeats.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryJob } from '@lattice/shared-contracts';
import { InboxRepository } from '@lattice/notifications-data-access';
import { messageOf, notificationOf, ruleFor } from '@lattice/notifications-domain';
import { DeliveryStore } from './delivery-store';

@Injectable()
export class InAppDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DeliveryStore,
    private readonly inbox: InboxRepository,
  ) {}

  async deliver(job: DeliveryJob): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const delivery = await this.store.claim(job.deliveryId, manager);
      if (!delivery) return;
      const event = await this.store.event(delivery.event_id, manager);
      const person = await this.store.person(delivery.recipient, manager);
      const names = await this.store.names(ruleFor(event.type)?.names?.(event as never) ?? {}, manager);
      const message = messageOf(event, person?.locale ?? 'en', names, delivery.variant);
      await this.inbox.add(manager, [
        {
          userId: delivery.recipient,
          eventId: event.id,
          type: event.type,
          ...message,
          ...notificationOf(event, names, delivery.variant),
        },
      ]);
      await this.store.succeeded(delivery.id, {}, manager);
    });
  }
}
