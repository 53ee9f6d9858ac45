// The worker's operations surface: readiness with queue depth and failures, and the queue
// dashboard for operators only.
import { ok, ports, signUp } from './support/client';
import { OPERATOR } from './support/global-setup';

const worker = () => `http://127.0.0.1:${ports()['worker']}`;

describe('worker operations', () => {
  it('reports every queue with its depth and failures on readiness', async () => {
    const response = await fetch(`${worker()}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: Array<{ queue: string }> };
    const names = body.queues.map((q: { queue: string }) => q.queue);
    expect(names).toEqual(
      expect.arrayContaining([
        'notifications-events',
        'notifications-deliveries',
        'notifications-webhooks',
        'notifications-scheduled',
      ]),
    );
    for (const queue of body.queues)
      expect(queue).toMatchObject({ running: true, waiting: expect.any(Number), failed: expect.any(Number) });
  });

  it('shows the queue dashboard to operators only', async () => {
    const redis =
      ((await (await fetch(`${worker()}/health/ready`)).json()) as { driver: string }).driver === 'bullmq';
    if (!redis) return; // the dashboard needs BullMQ; the in-process driver has nothing to show
    expect((await fetch(`${worker()}/admin/queues`)).status).toBe(401);
    expect(
      (await fetch(`${worker()}/admin/queues`, { headers: { authorization: 'Bearer not.a.token' } })).status,
    ).toBe(401);
    const someone = await signUp('not-operator');
    expect(
      (await fetch(`${worker()}/admin/queues`, { headers: { authorization: `Bearer ${someone.token}` } }))
        .status,
    ).toBe(403);
    const operator = await ok<{ logIn: { token: string } }>(
      'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }',
      { e: OPERATOR.email, p: OPERATOR.password },
    );
    const page = await fetch(`${worker()}/admin/queues`, {
      headers: { authorization: `Bearer ${operator.logIn.token}` },
    });
    expect(page.status).toBe(200);
    const api = await fetch(`${worker()}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${operator.logIn.token}` },
    });
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain('notifications-webhooks');
  });
});
