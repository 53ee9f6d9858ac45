import {
  decryptSecret,
  encryptSecret,
  generateKeyEncryptionKey,
  parseKeyEncryptionKey,
} from './key-encryption';
import { activeIssuerKey, generateIssuerKey, issuerSigner, rotateIssuerKey } from './issuer-keys';
import { buildIssuerProfile } from './issuer-profile';

const BASE = 'https://lattice.example';

describe('issuer keys', () => {
  const kek = parseKeyEncryptionKey(generateKeyEncryptionKey());

  it('seals the secret key: never stored in clear, bound to its key id, unreadable with another KEK', async () => {
    const key = await generateIssuerKey({
      publicBaseUrl: BASE,
      orgId: 'org-1',
      sequence: 1,
      keyEncryptionKey: kek,
    });
    expect(key.id).toBe(`${BASE}/issuers/org-1#key-1`);
    expect(key.controller).toBe(`${BASE}/issuers/org-1`);
    expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(key.sealedSecretKey).not.toMatch(/z3u2/);
    await expect(issuerSigner(key, kek)).resolves.toMatchObject({ id: key.id, algorithm: 'Ed25519' });
    await expect(issuerSigner(key, parseKeyEncryptionKey(generateKeyEncryptionKey()))).rejects.toMatchObject({
      code: 'OPENBADGES.KEY_DECRYPTION_FAILED',
    });
    await expect(issuerSigner({ ...key, id: `${BASE}/issuers/org-2#key-1` }, kek)).rejects.toMatchObject({
      code: 'OPENBADGES.KEY_DECRYPTION_FAILED',
    });
  });

  it('rejects a key-encryption key that is not 32 bytes', () => {
    expect(() => parseKeyEncryptionKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
    expect(decryptSecret(encryptSecret('x', kek, 'a'), kek, 'a')).toBe('x');
  });

  it('rotates: one active key, old ones retired but still assertion keys in the profile', async () => {
    const first = [
      await generateIssuerKey({ publicBaseUrl: BASE, orgId: 'org-1', sequence: 1, keyEncryptionKey: kek }),
    ];
    const keys = await rotateIssuerKey(first, { publicBaseUrl: BASE, orgId: 'org-1', keyEncryptionKey: kek });
    expect(keys.map((k) => k.status)).toEqual(['retired', 'active']);
    expect(activeIssuerKey(keys).id).toBe(`${BASE}/issuers/org-1#key-2`);
    await expect(issuerSigner(keys[0], kek)).rejects.toMatchObject({ code: 'OPENBADGES.KEY_REVOKED' });
    const profile = buildIssuerProfile({ publicBaseUrl: BASE, orgId: 'org-1', name: 'Org', keys });
    expect(profile.assertionMethod).toEqual([`${BASE}/issuers/org-1#key-1`, `${BASE}/issuers/org-1#key-2`]);
    expect(profile.type).toEqual(['Profile']);
  });
});
