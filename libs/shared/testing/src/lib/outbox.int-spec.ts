// The outbox against real Postgres on the in-process queue and on BullMQ over one Redis (the
// suite itself: outbox-contract.ts; on a Redis Cluster: redis-cluster.int-spec.ts).
import { randomUUID } from 'node:crypto';
import { BullMqQueueDriver, InProcessQueueDriver } from '@lattice/shared-queue';
import { runRelaySuite } from './outbox-contract';
import { describeWithRedis } from './redis-suite';
import { testRedisUrl } from './redis';

runRelaySuite('in-process', () => new InProcessQueueDriver({ baseBackoffMs: 20 }));
describeWithRedis('with Redis', () => {
  runRelaySuite(
    'BullMQ',
    () => new BullMqQueueDriver({ redisUrl: testRedisUrl(), prefix: `lattice-test-${randomUUID()}` }),
  );
});
