// Redis is a transport, not the record: the deliveries table is. The sweep re-queues what the
// queue may have lost — a delivery never attempted a while after it was routed, one whose sender
// died holding its lease, or one whose retry never came back — under a fresh job id.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QUEUE_PORT, type QueuePort } from '@lattice/shared-queue';
import { retryPolicyOf } from '@lattice/shared-contracts';
import type { Channel } from '../routing/routing-rules';
import { enqueueDeliveries } from './enqueue';

@Injectable()
export class DeliverySweep {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(QUEUE_PORT) private readonly queue: QueuePort,
  ) {}

  /** Re-queues stranded deliveries; returns how many. `graceMs`: how long a fresh delivery is left to its first job. */
  async sweep(graceMs = 2 * 60_000, limit = 2000): Promise<number> {
    // A retry waits at most the policy's cap: beyond twice that, its job is presumed lost.
    const webhookRetryMs = 2 * retryPolicyOf('notifications-webhooks').maxMs;
    const deliveryRetryMs = 2 * retryPolicyOf('notifications-deliveries').maxMs;
    const rows = (await this.dataSource.query(
      `UPDATE "notifications"."deliveries" d SET "sweeps" = d."sweeps" + 1
        WHERE d."id" IN (
          SELECT "id" FROM "notifications"."deliveries"
           WHERE ("status" = 'PENDING' AND "attempts" = 0 AND "created_at" < now() - make_interval(secs => $1::double precision / 1000))
              OR ("status" = 'SENDING' AND "lease_until" < now())
              OR ("status" = 'PENDING' AND "attempts" > 0 AND "updated_at" < now() - make_interval(secs => (CASE WHEN "channel" = 'WEBHOOK' THEN $2::double precision ELSE $3::double precision END) / 1000))
           ORDER BY "created_at" LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING d."id", d."channel", d."sweeps"`,
      [graceMs, webhookRetryMs, deliveryRetryMs, limit],
    )) as [Array<{ id: string; channel: Channel; sweeps: number }>, number];
    const stranded = rows[0];
    await enqueueDeliveries(
      this.queue,
      stranded.map((row) => ({ id: row.id, channel: row.channel, jobId: `${row.id}-sweep-${row.sweeps}` })),
    );
    return stranded.length;
  }
}
