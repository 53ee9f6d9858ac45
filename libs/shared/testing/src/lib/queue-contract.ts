// One behavioural contract for every queue driver: the in-process driver must behave like
// BullMQ where producers and consumers can tell the difference.
import type { DomainEvent } from '@lattice/shared-contracts';
import type { QueuePort } from '@lattice/shared-queue';

export function sampleEvent(id: string): DomainEvent<'identity.user.signed_up'> {
  return {
    id,
    type: 'identity.user.signed_up',
    source: 'identity',
    occurredAt: new Date().toISOString(),
    actorId: null,
    payload: { userId: id, email: `${id}@example.org`, name: 'Sample', locale: 'en' },
  };
}

/** Retry policies the contract expects its drivers to be built with. */
export const CONTRACT_POLICIES = {
  'notifications-webhooks': { attempts: 3, baseMs: 20, maxMs: 100 },
} as const;

export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Registers the shared driver contract as jest tests; `make` builds a fresh driver per test, with
 * retries shortened and the webhooks queue allowed 3 attempts (see CONTRACT_POLICIES).
 */
export function describeQueueContract(make: () => Promise<QueuePort>): void {
  let queue: QueuePort;
  beforeEach(async () => {
    queue = await make();
  });
  afterEach(async () => {
    await queue.close();
  });

  it('delivers a job to its consumer with its payload', async () => {
    const seen: string[] = [];
    await queue.consume(
      'notifications-events',
      async (job) => void seen.push(`${job.name}:${(job.data as DomainEvent).id}`),
    );
    const event = sampleEvent(crypto.randomUUID());
    await queue.add('notifications-events', 'identity.user.signed_up', event, { jobId: event.id });
    await waitUntil(() => seen.length === 1);
    expect(seen).toEqual([`identity.user.signed_up:${event.id}`]);
  });

  it('ignores a job whose id it already holds', async () => {
    const event = sampleEvent(crypto.randomUUID());
    await queue.add('notifications-events', 'identity.user.signed_up', event, { jobId: event.id });
    await queue.addBulk('notifications-events', [
      { name: 'identity.user.signed_up', data: event, options: { jobId: event.id } },
      { name: 'identity.user.signed_up', data: event, options: { jobId: event.id } },
    ]);
    const seen: string[] = [];
    await queue.consume('notifications-events', async (job) => void seen.push(job.id));
    await waitUntil(async () => (await queue.counts('notifications-events')).completed >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual([event.id]);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    let attempts = 0;
    await queue.consume('notifications-events', async (job) => {
      attempts++;
      if (job.attemptsMade < 2) throw new Error('transient');
    });
    const event = sampleEvent(crypto.randomUUID());
    await queue.add('notifications-events', 'identity.user.signed_up', event, { jobId: event.id });
    await waitUntil(() => attempts === 3, 15_000);
    await waitUntil(async () => (await queue.counts('notifications-events')).completed === 1);
  });

  it('tells a handler how many attempts its queue allows, and fails the job (dead letter) after the last', async () => {
    const seen: Array<[number, number]> = [];
    await queue.consume('notifications-webhooks', async (job) => {
      seen.push([job.attemptsMade, job.maxAttempts]);
      throw new Error('endpoint down');
    });
    await queue.add(
      'notifications-webhooks',
      'webhook',
      { deliveryId: crypto.randomUUID() },
      { jobId: crypto.randomUUID() },
    );
    await waitUntil(async () => (await queue.counts('notifications-webhooks')).failed === 1, 15_000);
    expect(seen).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });

  it('runs a repeatable job on its schedule, once per key however often it is declared, until unscheduled', async () => {
    const runs: string[] = [];
    await queue.consume('notifications-scheduled', async (job) => void runs.push(job.name));
    await queue.schedule('notifications-scheduled', 'deliveries.sweep', {}, 'contract-sweep', {
      everyMs: 150,
    });
    await queue.schedule('notifications-scheduled', 'deliveries.sweep', {}, 'contract-sweep', {
      everyMs: 150,
    });
    await waitUntil(() => runs.length >= 3, 10_000);
    await queue.unschedule('notifications-scheduled', 'contract-sweep');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = runs.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(runs.length).toBe(after);
    expect(new Set(runs)).toEqual(new Set(['deliveries.sweep']));
  });

  it("refuses job ids BullMQ cannot store (':' or an integer)", async () => {
    const event = sampleEvent(crypto.randomUUID());
    await expect(
      queue.add('notifications-events', 'identity.user.signed_up', event, { jobId: `${event.id}:retry` }),
    ).rejects.toThrow();
    await expect(
      queue.add('notifications-events', 'identity.user.signed_up', event, { jobId: '42' }),
    ).rejects.toThrow();
  });

  it('reports itself healthy', async () => {
    expect((await queue.health()).ok).toBe(true);
  });
}
