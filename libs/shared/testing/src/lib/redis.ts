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

/** Synchronous probe, so a suite can choose describe or describe.skip while jest collects it. */
export function redisAnswersSync(url = testRedisUrl()): boolean {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const { hostname, port } = new URL(url);
  const script = `const s=require('net').connect(${Number(port || 6379)},${JSON.stringify(hostname)},()=>{s.write('PING\\r\\n')});s.setTimeout(500,()=>process.exit(1));s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1));`;
  return spawnSync(process.execPath, ['-e', script], { timeout: 3000 }).status === 0;
}
