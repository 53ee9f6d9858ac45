import { checkPublicUrl, isPublicAddress, type Resolver } from './public-url';

const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const found = table[host];
    if (!found) throw new Error('ENOTFOUND');
    return found;
  };

describe('isPublicAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'])(
    'refuses %s',
    (address) => expect(isPublicAddress(address)).toBe(false),
  );
  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('accepts %s', (address) => expect(isPublicAddress(address)).toBe(true));
  it('refuses what is not an address', () => expect(isPublicAddress('example.org')).toBe(false));
});

describe('checkPublicUrl', () => {
  const resolve = resolverOf({
    'hooks.example.org': ['93.184.216.34'],
    'sneaky.example.org': ['93.184.216.34', '10.0.0.5'],
    'metadata.example.org': ['169.254.169.254'],
    'v6local.example.org': ['::1'],
  });

  it('refuses schemes other than http(s) and credentials in the URL, in every mode', async () => {
    for (const production of [true, false]) {
      expect(await checkPublicUrl('ftp://hooks.example.org/x', { production, resolve })).toMatchObject({ ok: false });
      expect(await checkPublicUrl('file:///etc/passwd', { production, resolve })).toMatchObject({ ok: false });
      expect(await checkPublicUrl('not a url', { production, resolve })).toMatchObject({ ok: false });
      expect(await checkPublicUrl('https://user:pw@hooks.example.org/', { production, resolve })).toMatchObject({ ok: false });
    }
  });

  it('in production accepts a host whose every address is public', async () => {
    expect(await checkPublicUrl('https://hooks.example.org/lattice', { production: true, resolve })).toMatchObject({ ok: true });
  });

  it('in production refuses loopback, private and link-local targets, by literal or by any resolved address', async () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://[::1]/',
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'https://sneaky.example.org/',
      'https://metadata.example.org/',
      'https://v6local.example.org/',
      'https://unknown.example.org/',
    ]) {
      const verdict = await checkPublicUrl(url, { production: true, resolve });
      expect({ url, ok: verdict.ok }).toEqual({ url, ok: false });
    }
  });

  it('keeps to the schemes it is given', async () => {
    expect(await checkPublicUrl('http://hooks.example.org/', { production: true, resolve, protocols: ['https:'] })).toEqual({ ok: false, reason: 'only https URLs are allowed' });
    expect(await checkPublicUrl('https://hooks.example.org/', { production: true, resolve, protocols: ['https:'] })).toMatchObject({ ok: true });
  });

  it('in development allows local receivers (tests, laptops)', async () => {
    expect(await checkPublicUrl('http://127.0.0.1:9999/hook', { production: false, resolve })).toMatchObject({ ok: true });
  });
});
