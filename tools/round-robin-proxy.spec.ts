// The test stack's round-robin proxy: requests alternate over the replicas, a replica that is
// down is skipped (nothing lost), a replica that dies holding a request gives that request a
// 502 SERVICE_UNAVAILABLE (counted) and never a hang, and hop-by-hop headers stay on their hop.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const { startRoundRobinProxy } = require('./round-robin-proxy.cjs') as {
  startRoundRobinProxy(options: {
    port: number;
    upstreams: Array<{ host: string; port: number }>;
    name?: string;
  }): Promise<{
    port: number;
    stats: { forwarded: number; skipped: number; failed: number };
    close(): Promise<void>;
  }>;
};

function replica(name: string, behaviour: 'answer' | 'die' = 'answer'): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (behaviour === 'die') return request.socket.destroy();
      response.writeHead(200, {
        'content-type': 'application/json',
        connection: 'keep-alive',
        'keep-alive': 'timeout=99',
      });
      response.end(JSON.stringify({ replica: name, body: Buffer.concat(chunks).toString() }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const portOf = (server: Server) => (server.address() as AddressInfo).port;
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('round-robin proxy', () => {
  it('spreads requests over the replicas in turn, bodies intact', async () => {
    const replicas = await Promise.all(['a', 'b', 'c'].map((name) => replica(name)));
    const proxy = await startRoundRobinProxy({
      port: 0,
      upstreams: replicas.map((r) => ({ host: '127.0.0.1', port: portOf(r) })),
    });
    try {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`http://127.0.0.1:${proxy.port}/graphql`, {
          method: 'POST',
          body: `{"n":${i}}`,
        });
        const json = (await response.json()) as { replica: string; body: string };
        expect(json.body).toBe(`{"n":${i}}`);
        expect(response.headers.get('keep-alive')).not.toBe('timeout=99');
        seen.push(json.replica);
      }
      expect(seen).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
      expect(proxy.stats).toEqual({ forwarded: 6, skipped: 0, failed: 0 });
    } finally {
      await proxy.close();
      await Promise.all(replicas.map(close));
    }
  });

  it('skips a replica that is down: every request answered', async () => {
    const up = await replica('up');
    const down = await replica('down');
    const proxy = await startRoundRobinProxy({
      port: 0,
      upstreams: [
        { host: '127.0.0.1', port: portOf(down) },
        { host: '127.0.0.1', port: portOf(up) },
      ],
    });
    await close(down);
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(`http://127.0.0.1:${proxy.port}/health/live`).then(
            (r) => r.json() as Promise<{ replica: string }>,
          ),
        ),
      );
      expect(answers.map((a) => a.replica)).toEqual(Array(10).fill('up'));
      expect(proxy.stats.failed).toBe(0);
      expect(proxy.stats.skipped).toBeGreaterThanOrEqual(1);
    } finally {
      await proxy.close();
      await close(up);
    }
  });

  it('answers 502 SERVICE_UNAVAILABLE, not a hang, when a replica dies holding the request', async () => {
    const dying = await replica('dying', 'die');
    const proxy = await startRoundRobinProxy({
      port: 0,
      upstreams: [{ host: '127.0.0.1', port: portOf(dying) }],
    });
    try {
      const response = await fetch(`http://127.0.0.1:${proxy.port}/graphql`, {
        method: 'POST',
        body: '{}',
        signal: AbortSignal.timeout(5_000),
      });
      expect(response.status).toBe(502);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(
        ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions
          .code,
      ).toBe('SERVICE_UNAVAILABLE');
      expect(proxy.stats.failed).toBe(1);
    } finally {
      await proxy.close();
      await close(dying);
    }
  });
});
