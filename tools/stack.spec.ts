// The stack launcher never mistakes another process on its ports for its own services: two
// checkouts on one port base once ran one's tests against the other's stack and database.
import { createServer, type Server } from 'node:net';
import type * as Stack from './stack.cjs';

const { startStack } = require('./stack.cjs') as typeof Stack;

describe('startStack', () => {
  let busy: Server;
  let port: number;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it('refuses to start when one of its ports is taken, before it launches anything', async () => {
    const keys = { privateKeyPem: '', publicKeyPem: '' };
    // identity listens at base + 1.
    await expect(
      startStack({ portBase: port - 1, databaseUrl: 'postgres://unused/test', keys, services: ['identity'] }),
    ).rejects.toThrow(new RegExp(`port ${port} is already in use`));
  });
});
