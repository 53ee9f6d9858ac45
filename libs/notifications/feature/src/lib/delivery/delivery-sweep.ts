// Redis is a transport, not the record: the deliveries table is. The sweep re-queues what the
// queue may have lost — a delivery never attempted a while after it was routed, one whose sender
// died holding its lease, or one whose retry never came back — under a fresh job id.
import { Inject, Injectable } from '@nestjs/common';
import { QUEUE_PORT, type QueuePort } from '@lattice/shared-queue';
import { retryPolicyOf } from '@lattice/shared-contracts';
import { DeliveryRepository } from '@lattice/notifications-data-access';
import { enqueueDeliveries } from './enqueue';

@Injectable()
export class DeliverySweep {
  constructor(
    private readonly deliveries: DeliveryRepository,
    @Inject(QUEUE_PORT) private readonly queue: QueuePort,
  ) {}

  /** Re-queues stranded deliveries; returns how many. `graceMs`: how long a fresh delivery is left to its first job. */
  async sweep(graceMs = 2 * 60_000, limit = 2000): Promise<number> {
    // A retry waits at most the policy's cap: beyond twice that, its job is presumed lost.
    const stranded = await this.deliveries.sweepStranded({
      graceMs,
      webhookRetryMs: 2 * retryPolicyOf('notifications-webhooks').maxMs,
      deliveryRetryMs: 2 * retryPolicyOf('notifications-deliveries').maxMs,
      limit,
    });
    await enqueueDeliveries(
      this.queue,
      stranded.map((row) => ({ id: row.id, channel: row.channel, jobId: `${row.id}-sweep-${row.sweeps}` })),
    );
    return stranded.length;
  }
}
