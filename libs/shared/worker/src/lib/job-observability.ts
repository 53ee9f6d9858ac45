// Each job runs as part of the request that caused it: the request id and trace context travel
// in the event's metadata (see the outbox), so the job's log lines carry the request id and its
// span continues the request's trace. A job that fails is logged with its cause and counted.
import type { QueueName } from '@lattice/shared-contracts';
import type { QueuedJob, QueuePort } from '@lattice/shared-queue';
import {
  inSpan,
  jobDuration,
  jobsProcessed,
  logger,
  queueDepth,
  queueOldestAge,
  runInRequestScope,
} from '@lattice/shared-util-observability';

interface WithMetadata {
  metadata?: { requestId?: unknown; traceparent?: unknown; tracestate?: unknown } | null;
}

function metadataOf(data: unknown): { requestId?: string; carrier?: Record<string, string> } {
  const metadata = data && typeof data === 'object' ? (data as WithMetadata).metadata : undefined;
  if (!metadata || typeof metadata !== 'object') return {};
  const carrier: Record<string, string> = {};
  if (typeof metadata.traceparent === 'string') carrier['traceparent'] = metadata.traceparent;
  if (typeof metadata.tracestate === 'string') carrier['tracestate'] = metadata.tracestate;
  return {
    ...(typeof metadata.requestId === 'string' ? { requestId: metadata.requestId } : {}),
    ...(carrier['traceparent'] ? { carrier } : {}),
  };
}

export async function observeJob(queue: QueueName, job: QueuedJob, work: () => Promise<void>): Promise<void> {
  const { requestId, carrier } = metadataOf(job.data);
  // Jobs no request caused (schedules, sweeps) log under their job id.
  return runInRequestScope({ requestId: requestId ?? `job:${job.id}` }, () =>
    inSpan(
      `job ${queue}/${job.name}`,
      {
        kind: 'consumer',
        ...(carrier ? { parent: carrier } : {}),
        attributes: { 'messaging.destination.name': queue, 'messaging.message.id': job.id },
      },
      async () => {
        const stop = jobDuration.startTimer({ queue });
        try {
          await work();
          jobsProcessed.inc({ queue, outcome: 'completed' });
        } catch (error) {
          jobsProcessed.inc({ queue, outcome: 'failed' });
          logger('job').warn(
            {
              err: error,
              queue,
              job: job.name,
              jobId: job.id,
              attempt: job.attemptsMade + 1,
              maxAttempts: job.maxAttempts,
            },
            'job failed',
          );
          throw error;
        } finally {
          stop();
        }
      },
    ),
  );
}

export async function recordQueueDepths(port: QueuePort, queues: readonly QueueName[]): Promise<void> {
  for (const queue of queues) {
    try {
      const counts = await port.counts(queue);
      for (const state of ['waiting', 'delayed', 'active', 'failed'] as const)
        queueDepth.set({ queue, state }, counts[state]);
      queueOldestAge.set(
        { queue },
        counts.oldestWaitingAt ? Math.max(0, (Date.now() - counts.oldestWaitingAt) / 1000) : 0,
      );
    } catch {
      // Redis down: the gauges keep their last values; the health endpoint reports the outage.
    }
  }
}
