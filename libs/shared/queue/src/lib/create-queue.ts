// Chooses the driver: BullMQ when Redis answers, the in-process driver (loudly) when it does not
// and the deployment allows it. Production sets QUEUE_DRIVER=bullmq so a missing Redis is fatal.
import { Socket } from 'node:net';
import { BullMqQueueDriver } from './bullmq.driver';
import { InProcessQueueDriver } from './in-process.driver';
import type { QueuePort, RetryOptions } from './queue.port';

export type QueueDriverChoice = 'auto' | 'bullmq' | 'in-process';

export async function createQueue(options: {
  driver: QueueDriverChoice;
  redisUrl: string;
  /** A Redis Cluster's seed nodes (`REDIS_CLUSTER_NODES`): BullMQ runs on the cluster. */
  clusterNodes?: readonly string[];
  redisPassword?: string;
  prefix?: string;
  log?: (line: string) => void;
  /** Per-queue retry policy overrides (operators and tests). */
  policies?: RetryOptions['policies'];
}): Promise<QueuePort> {
  const log = options.log ?? ((line: string) => console.warn(line));
  if (options.driver === 'in-process') return new InProcessQueueDriver({ policies: options.policies });
  const probeUrl = options.clusterNodes?.length ? `redis://${options.clusterNodes[0]}` : options.redisUrl;
  if (options.driver === 'bullmq' || (await redisAnswers(probeUrl))) {
    return new BullMqQueueDriver({
      redisUrl: options.redisUrl,
      clusterNodes: options.clusterNodes,
      redisPassword: options.redisPassword,
      prefix: options.prefix,
      policies: options.policies,
    });
  }
  log(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      `!!  No Redis answers at ${probeUrl}.`,
      '!!  Using the IN-PROCESS queue: fine for a laptop, not for production.',
      '!!  Jobs in flight are lost on restart (the outbox re-sends unsent events).',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ].join('\n'),
  );
  return new InProcessQueueDriver({ policies: options.policies });
}

export function redisAnswers(url: string, timeoutMs = 500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 6379), hostname, () => done(true));
  });
}
