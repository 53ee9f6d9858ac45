import { randomUUID } from 'node:crypto';
import { BullMqQueueDriver, InProcessQueueDriver, JobHandlerRegistry } from '@lattice/shared-queue';
import { CONTRACT_POLICIES, describeQueueContract } from './queue-contract';
import { describeWithRedis } from './redis-suite';
import { testRedisUrl } from './redis';

describe('in-process queue driver', () => {
  describeQueueContract(
    async () => new InProcessQueueDriver({ baseBackoffMs: 20, policies: CONTRACT_POLICIES }),
  );
});

// BullMQ needs Redis: skipped without it, unless REQUIRE_REDIS=1 (CI), where it fails instead.
describeWithRedis('BullMQ queue driver', () => {
  describeQueueContract(
    async () =>
      new BullMqQueueDriver({
        redisUrl: testRedisUrl(),
        prefix: `lattice-test-${randomUUID()}`,
        baseBackoffMs: 20,
        policies: CONTRACT_POLICIES,
      }),
  );

  it('finds Redis configured with noeviction', async () => {
    const driver = new BullMqQueueDriver({
      redisUrl: testRedisUrl(),
      prefix: `lattice-test-${randomUUID()}`,
    });
    try {
      expect(await driver.evictionPolicy()).toBe('noeviction');
    } finally {
      await driver.close();
    }
  });
});

describe('job handler registry', () => {
  it('refuses to start with a job that has no handler, or two', () => {
    const registry = new JobHandlerRegistry();
    registry.register('notifications-events', 'identity.user.signed_up', async () => undefined, 'A');
    registry.register('notifications-events', 'identity.user.signed_up', async () => undefined, 'B');
    expect(() => registry.assertComplete(['notifications-events'])).toThrow(
      /two handlers: A and B[\s\S]*identity.organization.created has no handler/,
    );
  });
});
