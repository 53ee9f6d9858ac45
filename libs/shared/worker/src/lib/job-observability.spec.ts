import { currentEventMetadata } from '@lattice/shared-data-access';
import {
  activeTraceIds,
  currentRequestId,
  inSpan,
  runInRequestScope,
} from '@lattice/shared-util-observability';
import { observeJob } from './job-observability';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const job = (data: unknown) => ({
  id: 'e1',
  queue: 'notifications-events' as const,
  name: 'x' as never,
  data: data as never,
  attemptsMade: 0,
  maxAttempts: 3,
});

describe('a job runs as part of the request that caused it', () => {
  it('restores the request id and continues the trace from the event metadata', async () => {
    let seen: { requestId?: string; traceId?: string } = {};
    await observeJob(
      'notifications-events',
      job({ metadata: { requestId: 'req-12345678', traceparent: `00-${traceId}-00f067aa0ba902b7-01` } }),
      async () => {
        seen = { requestId: currentRequestId(), traceId: activeTraceIds()?.traceId };
      },
    );
    expect(seen).toEqual({ requestId: 'req-12345678', traceId });
  });

  it('logs under the job id when no request caused it, and rethrows a failure', async () => {
    let seen: string | undefined;
    await expect(
      observeJob('notifications-events', job({}), async () => {
        seen = currentRequestId();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen).toBe('job:e1');
  });

  it('events appended during a request carry its id and trace context', async () => {
    const metadata = await runInRequestScope({ requestId: 'req-abcdefgh' }, () =>
      inSpan('request', { parent: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } }, async () =>
        currentEventMetadata(),
      ),
    );
    expect(metadata).toMatchObject({
      requestId: 'req-abcdefgh',
      traceparent: expect.stringContaining(traceId) as unknown,
    });
    expect(currentEventMetadata()).toBeNull();
  });
});
