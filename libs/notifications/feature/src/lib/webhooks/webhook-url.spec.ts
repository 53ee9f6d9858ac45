import { checkWebhookUrl } from './webhook-url';

describe('checkWebhookUrl', () => {
  const resolve = async (host: string) =>
    ({ 'hooks.example.org': ['93.184.216.34'], 'inside.example.org': ['10.0.0.5'] })[host] ?? [];

  it('takes http and https receivers and, in production, only public ones', async () => {
    expect(await checkWebhookUrl('http://hooks.example.org/x', { production: true, resolve })).toMatchObject({
      ok: true,
    });
    expect(
      await checkWebhookUrl('https://inside.example.org/x', { production: true, resolve }),
    ).toMatchObject({ ok: false });
    expect(await checkWebhookUrl('ftp://hooks.example.org/x', { production: false, resolve })).toMatchObject({
      ok: false,
    });
  });
});
