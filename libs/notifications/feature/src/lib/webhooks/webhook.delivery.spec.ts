// Webhook delivery connects only to the address it checked (issue 12, defect 8): the URL is
// checked when the delivery starts, and the connection's own lookup refuses any non-public
// address, so DNS that answers "public" to the check and "127.0.0.1" to the connection (DNS
// rebinding) reaches nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecretBox } from '@lattice/shared-util-config';
import type { DeliveryStore } from '../delivery/delivery-store';
import { WebhookAttemptError, WebhookDelivery } from './webhook.delivery';

// The check at send time sees a public answer (what a rebinding DNS server gives first).
jest.mock('./webhook-url', () => ({
  checkWebhookUrl: async (raw: string) => ({ ok: true, url: new URL(raw) }),
}));

const KEY = Buffer.alloc(32, 3);

describe('WebhookDelivery', () => {
  let server: Server;
  let hits = 0;
  let port = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  function delivery(production: boolean, url: string) {
    const store = {
      claimToSend: jest.fn(async () => ({
        delivery: { id: '6f1c2b9e-1d3a-4c55-9e21-3b1f0b6b1c01' },
        event: {
          id: 'e1',
          type: 'marketplace.need.posted',
          occurredAt: new Date().toISOString(),
          actorId: null,
          payload: {},
        },
        subscription: { active: true, url, secret_ciphertext: new SecretBox(KEY).seal('whsec') },
      })),
      succeeded: jest.fn(async () => undefined),
      skipped: jest.fn(async () => undefined),
    };
    const sender = new WebhookDelivery(store as unknown as DeliveryStore, {
      production,
      webhookSecretKey: KEY,
      publicBaseUrl: 'http://x',
      mailFrom: 'x',
      webhookTimeoutMs: 3000,
    });
    return { sender, store };
  }

  it('in production, never connects to a non-public address, whatever the check saw', async () => {
    hits = 0;
    const { sender, store } = delivery(true, `http://localhost:${port}/hook`);
    await expect(sender.deliver({ deliveryId: 'd1' } as never)).rejects.toThrow(WebhookAttemptError);
    expect(hits).toBe(0);
    expect(store.succeeded).not.toHaveBeenCalled();
  });

  it('delivers to a local receiver outside production, and records the answer', async () => {
    hits = 0;
    const { sender, store } = delivery(false, `http://localhost:${port}/hook`);
    await sender.deliver({ deliveryId: 'd1' } as never);
    expect(hits).toBe(1);
    expect(store.succeeded).toHaveBeenCalledWith('6f1c2b9e-1d3a-4c55-9e21-3b1f0b6b1c01', { statusCode: 204 });
  });
});
