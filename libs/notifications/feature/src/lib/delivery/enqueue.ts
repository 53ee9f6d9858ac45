// Queues pending deliveries: in-app and e-mail on the deliveries queue, webhooks on their own
// queue (its own retry policy); job id = delivery id, so queueing twice queues once.
import type { QueuePort } from '@lattice/shared-queue';
import type { Channel } from '@lattice/notifications-domain';

export async function enqueueDeliveries(
  queue: QueuePort,
  deliveries: ReadonlyArray<{ id: string; channel: Channel; jobId?: string }>,
): Promise<void> {
  const people = deliveries.filter((d) => d.channel !== 'WEBHOOK');
  const hooks = deliveries.filter((d) => d.channel === 'WEBHOOK');
  await queue.addBulk(
    'notifications-deliveries',
    people.map((d) => ({
      name: d.channel === 'IN_APP' ? ('in-app' as const) : ('email' as const),
      data: { deliveryId: d.id },
      options: { jobId: d.jobId ?? d.id },
    })),
  );
  await queue.addBulk(
    'notifications-webhooks',
    hooks.map((d) => ({
      name: 'webhook' as const,
      data: { deliveryId: d.id },
      options: { jobId: d.jobId ?? d.id },
    })),
  );
}
