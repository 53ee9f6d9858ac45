// What a sender does with its delivery: claim it for a lease (NotificationsSettings), record the
// outcome (SENT, a retry, DEAD, SKIPPED), and read what the message needs. The statements are
// DeliveryRepository's, DirectoryRepository's and the directory of organizations'; this keeps the lease, the failure metric, and
// the insistence on recording a message that has left.
import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DomainEvent } from '@lattice/shared-contracts';
import { deliveryFailures } from '@lattice/shared-util-observability';
import {
  type ClaimedDelivery,
  DeliveryRepository,
  type DeliveryToSend,
  type DirectoryPerson,
  DirectoryRepository,
} from '@lattice/notifications-data-access';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications-settings';
import { organizationNames } from '../directory/organizations';

export type { ClaimedDelivery, DeliveryToSend } from '@lattice/notifications-data-access';

/** How long a sender may hold a delivery before the sweep assumes it died (NotificationsSettings.deliveryLeaseSeconds). */
export const LEASE_SECONDS = 120;

@Injectable()
export class DeliveryStore {
  private readonly leaseSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly directory: DirectoryRepository,
    @Optional()
    @Inject(NOTIFICATIONS_SETTINGS)
    settings?: Pick<NotificationsSettings, 'deliveryLeaseSeconds'>,
  ) {
    this.leaseSeconds = settings?.deliveryLeaseSeconds ?? LEASE_SECONDS;
  }

  /** Takes the delivery if nobody has sent it and nobody holds it; null otherwise. */
  claim(id: string, manager: EntityManager = this.dataSource.manager): Promise<ClaimedDelivery | null> {
    return this.deliveries.claim(id, this.leaseSeconds, manager);
  }

  /**
   * Claims the delivery (as `claim`) and reads its event and its person or subscription in the
   * same statement: one round trip before sending instead of four.
   */
  claimToSend(id: string): Promise<DeliveryToSend | null> {
    return this.deliveries.claimToSend(id, this.leaseSeconds);
  }

  async succeeded(
    id: string,
    detail: { statusCode?: number } = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const record = () => this.deliveries.markSent(id, detail.statusCode ?? null, manager);
    if (manager !== this.dataSource.manager) return record();
    // The message has left: failing to record that (Postgres restarting) would send it again once
    // the lease expires. Keep trying for up to a minute before giving up.
    for (let attempt = 0; ; attempt++) {
      try {
        return await record();
      } catch (error) {
        if (attempt >= 12) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** attempt, 10_000)));
      }
    }
  }

  /** Records a failed attempt: back to PENDING for the queue's next retry, or DEAD after the last. */
  async failed(id: string, error: string, final: boolean, statusCode: number | null = null): Promise<void> {
    deliveryFailures.inc({ outcome: final ? 'dead' : 'retry' });
    await this.deliveries.markFailed(id, final ? 'DEAD' : 'PENDING', error.slice(0, 500), statusCode);
  }

  skipped(id: string, reason: string): Promise<void> {
    return this.deliveries.markSkipped(id, reason);
  }

  async event(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<DomainEvent> {
    const event = await this.deliveries.routedEvent(eventId, manager);
    if (!event) throw new Error(`routed event ${eventId} not found`);
    return event;
  }

  /** Organization names a message needs, from the directory: { param: organizationId } → { param: name }. */
  async names(
    refs: Record<string, string>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Record<string, string>> {
    const ids = [...new Set(Object.values(refs))];
    if (ids.length === 0) return {};
    const byId = await organizationNames(manager, ids);
    return Object.fromEntries(Object.entries(refs).map(([param, id]) => [param, byId.get(id) ?? '—']));
  }

  person(userId: string, manager: EntityManager = this.dataSource.manager): Promise<DirectoryPerson | null> {
    return this.directory.person(userId, manager);
  }
}
