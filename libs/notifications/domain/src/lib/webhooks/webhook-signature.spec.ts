import { createHmac } from 'node:crypto';
import { newWebhookSecret, signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ hello: 'world' });

  it('is an HMAC-SHA256 over "<t>.<body>" that a receiver can recompute', () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
    expect(verifySignature(secret, body, header, 1_700_000_010)).toBe(true);
  });

  it('fails for another body, another secret, or an old timestamp', () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    expect(verifySignature(secret, body + ' ', header, 1_700_000_000)).toBe(false);
    expect(verifySignature(newWebhookSecret(), body, header, 1_700_000_000)).toBe(false);
    expect(verifySignature(secret, body, header, 1_700_000_000 + 3600)).toBe(false);
  });

  it('gives each subscription its own secret', () => {
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});
