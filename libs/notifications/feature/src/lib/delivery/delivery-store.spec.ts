// The sender's side of a delivery: a failure's record (retry or dead, the error cut short), the
// message's organization names, and the sweep that re-queues what the queue lost.
import type { DataSource } from 'typeorm';
import type { QueuePort } from '@lattice/shared-queue';
import { retryPolicyOf } from '@lattice/shared-contracts';
import type { DeliveryRepository, DirectoryRepository } from '@lattice/notifications-data-access';
import { DeliveryStore } from './delivery-store';
import { DeliverySweep } from './delivery-sweep';

/** The directory of organizations' copy knows org-1 only. */
const manager = {
  query: jest.fn(async () => [
    {
      id: 'org-1',
      name: 'Collège',
      kind: 'INSTITUTION',
      size: null,
      region: null,
      sector: null,
      verified: false,
    },
  ]),
};
const dataSource = { manager } as unknown as DataSource;

describe('DeliveryStore', () => {
  const deliveries = { markFailed: jest.fn(async () => undefined), claim: jest.fn(async () => null) };
  const directory = {};
  const store = new DeliveryStore(
    dataSource,
    deliveries as unknown as DeliveryRepository,
    directory as unknown as DirectoryRepository,
    { deliveryLeaseSeconds: 45 },
  );

  beforeEach(() => jest.clearAllMocks());

  it('sends a failed delivery back for a retry, or to DEAD after the last attempt, with at most 500 characters of error', async () => {
    await store.failed('d-1', 'x'.repeat(600), false, 503);
    await store.failed('d-2', 'refused', true);
    expect(deliveries.markFailed).toHaveBeenNthCalledWith(1, 'd-1', 'PENDING', 'x'.repeat(500), 503);
    expect(deliveries.markFailed).toHaveBeenNthCalledWith(2, 'd-2', 'DEAD', 'refused', null);
  });

  it('claims for the configured lease', async () => {
    await store.claim('d-1');
    expect(deliveries.claim).toHaveBeenCalledWith('d-1', 45, manager);
  });

  it('names the organizations a message needs, with a dash for one the directory does not know, and asks nothing for none', async () => {
    await expect(store.names({ organization: 'org-1', umbrella: 'org-2' })).resolves.toEqual({
      organization: 'Collège',
      umbrella: '—',
    });
    await expect(store.names({})).resolves.toEqual({});
    expect(manager.query).toHaveBeenCalledTimes(1);
  });
});

describe('DeliverySweep', () => {
  it('re-queues the stranded deliveries under a fresh job id per sweep, webhooks on their own queue', async () => {
    const deliveries = {
      sweepStranded: jest.fn(async () => [
        { id: 'd-1', channel: 'EMAIL' as const, sweeps: 1 },
        { id: 'd-2', channel: 'WEBHOOK' as const, sweeps: 3 },
      ]),
    };
    const queue = { addBulk: jest.fn(async () => undefined) };
    const sweep = new DeliverySweep(
      deliveries as unknown as DeliveryRepository,
      queue as unknown as QueuePort,
    );

    await expect(sweep.sweep(60_000, 10)).resolves.toBe(2);
    expect(deliveries.sweepStranded).toHaveBeenCalledWith({
      graceMs: 60_000,
      webhookRetryMs: 2 * retryPolicyOf('notifications-webhooks').maxMs,
      deliveryRetryMs: 2 * retryPolicyOf('notifications-deliveries').maxMs,
      limit: 10,
    });
    expect(queue.addBulk).toHaveBeenCalledWith('notifications-deliveries', [
      { name: 'email', data: { deliveryId: 'd-1' }, options: { jobId: 'd-1-sweep-1' } },
    ]);
    expect(queue.addBulk).toHaveBeenCalledWith('notifications-webhooks', [
      { name: 'webhook', data: { deliveryId: 'd-2' }, options: { jobId: 'd-2-sweep-3' } },
    ]);
  });
});
