import { SignJWT, importPKCS8 } from 'jose';
import { generateTokenKeys, TokenIssuer, TokenVerifier } from './tokens';

describe('tokens', () => {
  const settings = { issuer: 'lattice-identity', audience: 'lattice' };
  let keys: { privateKeyPem: string; publicKeyPem: string };
  beforeAll(async () => {
    keys = await generateTokenKeys();
  });

  it('round-trips a principal with its memberships', async () => {
    const token = await new TokenIssuer(keys.privateKeyPem, { ...settings, ttlSeconds: 60 }).issue({
      userId: '7a1c9f3e-0000-4000-8000-000000000001',
      email: 'ada@example.org',
      memberships: [{ organizationId: 'org-1', role: 'OWNER', kind: 'EMPLOYER' }],
    });
    const principal = await new TokenVerifier(keys.publicKeyPem, settings).verify(token);
    expect(principal.userId).toBe('7a1c9f3e-0000-4000-8000-000000000001');
    expect(principal.memberships).toEqual([{ organizationId: 'org-1', role: 'OWNER', kind: 'EMPLOYER' }]);
    expect(principal.emailVerified).toBe(false);
  });

  it('carries a proven address as email_verified, and nothing else counts as proof', async () => {
    const issuer = new TokenIssuer(keys.privateKeyPem, { ...settings, ttlSeconds: 60 });
    const verifier = new TokenVerifier(keys.publicKeyPem, settings);
    expect(
      (
        await verifier.verify(
          await issuer.issue({ userId: 'u', email: 'e@x.org', emailVerified: true, memberships: [] }),
        )
      ).emailVerified,
    ).toBe(true);
    const stringly = await new SignJWT({ email: 'e@x.org', mbr: [], email_verified: 'true' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('u')
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(await importPKCS8(keys.privateKeyPem, 'EdDSA'));
    expect((await verifier.verify(stringly)).emailVerified).toBe(false);
  });

  it.each([
    ['a wrong audience', { ...settings, audience: 'other' }],
    ['a wrong issuer', { ...settings, issuer: 'someone-else' }],
  ])('rejects %s', async (_label, verifierSettings) => {
    const token = await new TokenIssuer(keys.privateKeyPem, { ...settings, ttlSeconds: 60 }).issue({
      userId: 'u',
      email: 'e@x.org',
      memberships: [],
    });
    await expect(new TokenVerifier(keys.publicKeyPem, verifierSettings).verify(token)).rejects.toMatchObject({
      category: 'UNAUTHENTICATED',
    });
  });

  it('rejects an expired token', async () => {
    const key = await importPKCS8(keys.privateKeyPem, 'EdDSA');
    const token = await new SignJWT({ email: 'e@x.org', mbr: [] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('u')
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    await expect(new TokenVerifier(keys.publicKeyPem, settings).verify(token)).rejects.toMatchObject({
      category: 'UNAUTHENTICATED',
    });
  });

  it('rejects a token signed by another key and an unsigned one', async () => {
    const other = await generateTokenKeys();
    const forged = await new TokenIssuer(other.privateKeyPem, { ...settings, ttlSeconds: 60 }).issue({
      userId: 'u',
      email: 'e@x.org',
      memberships: [],
    });
    const verifier = new TokenVerifier(keys.publicKeyPem, settings);
    await expect(verifier.verify(forged)).rejects.toMatchObject({ category: 'UNAUTHENTICATED' });
    const [header, body] = forged.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    await expect(verifier.verify(`${none}.${body}.`)).rejects.toMatchObject({ category: 'UNAUTHENTICATED' });
    await expect(verifier.verify(`${header}.${body}`)).rejects.toMatchObject({ category: 'UNAUTHENTICATED' });
  });
});
