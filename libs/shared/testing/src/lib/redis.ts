// Suites that need Redis run when it answers; without it they report themselves skipped,
// unless REQUIRE_REDIS=1 (CI), where a missing Redis fails the run instead of hiding it.
import { Socket } from 'node:net';

export function testRedisUrl(): string {
  return process.env['TEST_REDIS_URL'] ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}

export function redisAnswers(url = testRedisUrl(), timeoutMs = 500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 6379), hostname, () => {
      socket.write('PING\r\n');
      socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    });
  });
}

export function redisRequired(): boolean {
  return process.env['REQUIRE_REDIS'] === '1';
}
