// The in-process driver, beside its library: what producers and consumers rely on (the full
// driver contract, shared with BullMQ, runs in libs/shared/testing's queue-drivers int-spec).
import type { DomainEvent } from '@lattice/shared-contracts';
import { InProcessQueueDriver } from './in-process.driver';
import { effectivePolicy } from './queue.port';

const event = (id: string) =>
  ({
    id,
    type: 'identity.user.signed_up',
    source: 'identity',
    occurredAt: new Date().toISOString(),
    actorId: null,
    payload: { userId: id, email: 'a@example.org', name: 'A', locale: 'en' },
  }) as DomainEvent<'identity.user.signed_up'>;

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > 5_000) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('InProcessQueueDriver', () => {
  let queue: InProcessQueueDriver;
  beforeEach(
    () =>
      (queue = new InProcessQueueDriver({
        baseBackoffMs: 5,
        policies: { 'notifications-webhooks': { attempts: 2, baseMs: 5, maxMs: 10 } },
      })),
  );
  afterEach(() => queue.close());

  it('delivers each job id once, however often it is added while known', async () => {
    const seen: string[] = [];
    await queue.add('notifications-events', 'identity.user.signed_up', event('e1'), { jobId: 'e1' });
    await queue.addBulk('notifications-events', [
      { name: 'identity.user.signed_up', data: event('e1'), options: { jobId: 'e1' } },
    ]);
    await queue.consume('notifications-events', async (job) => void seen.push(job.id));
    await until(async () => (await queue.counts('notifications-events')).completed === 1);
    expect(seen).toEqual(['e1']);
  });

  it('hands the consumer a copy: the producer changing its object afterwards changes nothing', async () => {
    const data = event('e2');
    await queue.add('notifications-events', 'identity.user.signed_up', data, { jobId: 'e2' });
    (data.payload as { name: string }).name = 'Changed';
    const names: string[] = [];
    await queue.consume(
      'notifications-events',
      async (job) => void names.push((job.data as typeof data).payload.name),
    );
    await until(() => names.length === 1);
    expect(names).toEqual(['A']);
  });

  it('retries with the queue’s policy, then fails the job (dead letter) after its last attempt', async () => {
    const attempts: Array<[number, number]> = [];
    await queue.consume('notifications-webhooks', async (job) => {
      attempts.push([job.attemptsMade, job.maxAttempts]);
      throw new Error('down');
    });
    await queue.add('notifications-webhooks', 'webhook', { deliveryId: 'd1' }, { jobId: 'w1' });
    await until(async () => (await queue.counts('notifications-webhooks')).failed === 1);
    expect(attempts).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(
      effectivePolicy('notifications-webhooks', { policies: { 'notifications-webhooks': { attempts: 2 } } })
        .attempts,
    ).toBe(2);
  });

  it("refuses job ids BullMQ cannot store (':' or an integer)", async () => {
    await expect(
      queue.add('notifications-events', 'identity.user.signed_up', event('x'), { jobId: 'a:b' }),
    ).rejects.toThrow();
    await expect(
      queue.add('notifications-events', 'identity.user.signed_up', event('x'), { jobId: '42' }),
    ).rejects.toThrow();
  });
});
