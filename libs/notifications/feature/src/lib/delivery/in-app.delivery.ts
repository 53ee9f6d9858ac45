// In-app delivery: the inbox row and the delivery's SENT mark are written in one transaction,
// so the inbox gets each (event, person) exactly once whatever the queue repeats.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryJob } from '@lattice/shared-contracts';
import { messageOf, ruleFor } from '../routing/routing-rules';
import { DeliveryStore } from './delivery-store';

@Injectable()
export class InAppDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DeliveryStore,
  ) {}

  async deliver(job: DeliveryJob): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const delivery = await this.store.claim(job.deliveryId, manager);
      if (!delivery) return;
      const event = await this.store.event(delivery.event_id, manager);
      const person = await this.store.person(delivery.recipient, manager);
      const names = await this.store.names(ruleFor(event.type)?.names?.(event as never) ?? {}, manager);
      const message = messageOf(event, person?.locale ?? 'en', names, delivery.variant);
      await manager.query(
        `INSERT INTO "notifications"."notifications" ("id", "user_id", "event_id", "type", "title", "body", "link")
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT ("event_id", "user_id") DO NOTHING`,
        [randomUUID(), delivery.recipient, event.id, event.type, message.title, message.body, message.link],
      );
      await this.store.succeeded(delivery.id, {}, manager);
    });
  }
}
