import { checkPublicUrl, isPublicAddress, type Resolver } from './public-url';

const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const found = table[host];
    if (!found) throw new Error('ENOTFOUND');
    return found;
  };

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));
  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts %s',
    (address) => expect(isPublicAddress(address)).toBe(true),
  );
  it('refuses what is not an address', () => expect(isPublicAddress('example.org')).toBe(false));

  // Every way IPv6 can carry an IPv4 address, in every written form (issue 12, defect 8).
  it.each([
    // IPv4-mapped ::ffff:0:0/96: as public as the IPv4 address, dotted or hex (new URL writes hex)
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::FFFF:7F00:0001', false],
    ['0:0:0:0:0:ffff:a9fe:a9fe', false], // 169.254.169.254, cloud metadata
    ['::ffff:c0a8:101', false], // 192.168.1.1
    ['::ffff:808:808', true], // 8.8.8.8
    // IPv4-compatible ::a.b.c.d (deprecated): refused whatever it embeds
    ['::127.0.0.1', false],
    ['::7f00:1', false],
    ['::8.8.8.8', false],
    ['::808:808', false],
    // IPv4-translated ::ffff:0:a.b.c.d (RFC 2765): refused
    ['::ffff:0:8.8.8.8', false],
    ['::ffff:0:7f00:1', false],
    // 6to4 2002::/16: the IPv4 address in bits 16–47
    ['2002:7f00:1::', false],
    ['2002:7f00:0001::1', false],
    ['2002:a00:1::', false], // 10.0.0.1
    ['2002:a9fe:a9fe::', false],
    ['2002:c0a8:0101::1', false],
    ['2002:808:808::1', true],
    // NAT64 well-known 64:ff9b::/96: the IPv4 address in the last 32 bits
    ['64:ff9b::127.0.0.1', false],
    ['64:ff9b::7f00:1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['64:ff9b::10.1.1.1', false],
    ['64:ff9b::8.8.8.8', true],
    ['64:ff9b::808:808', true],
    // NAT64 local-use 64:ff9b:1::/48: refused altogether
    ['64:ff9b:1::8.8.8.8', false],
    ['64:ff9b:1:abcd::7f00:1', false],
    // Teredo 2001::/32: refused altogether
    ['2001::1', false],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false],
    ['2001:0:7f00:1::', false],
    // other special-purpose ranges
    ['100::1', false],
    ['2001:2::1', false],
    ['2001:10::1', false],
    ['2001:20::1', false],
    ['2001:db8::1', false],
    ['fec0::1', false],
    ['ff02::1', false],
    ['fe80::1%eth0', false],
    // documentation IPv4 nets
    ['192.0.2.1', false],
    ['198.51.100.7', false],
    ['203.0.113.9', false],
    // public IPv6 stays public, including neighbours of the special ranges
    ['2001:4860:4860::8888', true],
    ['2001:1::1', true],
    ['2003::1', true],
    ['64:ff9c::1', true],
    ['2a00:1450:4001:82a::200e', true],
  ] as const)('%s → public: %s', (address, expected) => expect(isPublicAddress(address)).toBe(expected));
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
      expect(await checkPublicUrl('ftp://hooks.example.org/x', { production, resolve })).toMatchObject({
        ok: false,
      });
      expect(await checkPublicUrl('file:///etc/passwd', { production, resolve })).toMatchObject({
        ok: false,
      });
      expect(await checkPublicUrl('not a url', { production, resolve })).toMatchObject({ ok: false });
      expect(
        await checkPublicUrl('https://user:pw@hooks.example.org/', { production, resolve }),
      ).toMatchObject({ ok: false });
    }
  });

  it('in production accepts a host whose every address is public', async () => {
    expect(
      await checkPublicUrl('https://hooks.example.org/lattice', { production: true, resolve }),
    ).toMatchObject({ ok: true });
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
      'http://[::127.0.0.1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
      'http://[2002:7f00:1::]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[2001:0:7f00:1::]/',
    ]) {
      const verdict = await checkPublicUrl(url, { production: true, resolve });
      expect({ url, ok: verdict.ok }).toEqual({ url, ok: false });
    }
  });

  it('keeps to the schemes it is given', async () => {
    expect(
      await checkPublicUrl('http://hooks.example.org/', { production: true, resolve, protocols: ['https:'] }),
    ).toEqual({ ok: false, reason: 'only https URLs are allowed' });
    expect(
      await checkPublicUrl('https://hooks.example.org/', {
        production: true,
        resolve,
        protocols: ['https:'],
      }),
    ).toMatchObject({ ok: true });
  });

  it('in development allows local receivers (tests, laptops)', async () => {
    expect(await checkPublicUrl('http://127.0.0.1:9999/hook', { production: false, resolve })).toMatchObject({
      ok: true,
    });
  });
});
