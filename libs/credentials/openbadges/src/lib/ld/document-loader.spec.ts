import { createDocumentLoader } from './document-loader';

describe('document loader', () => {
  it('serves bundled contexts and counts them', async () => {
    const loader = createDocumentLoader();
    for (const url of [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://w3id.org/security/data-integrity/v2',
      'https://w3id.org/security/multikey/v1',
      'https://www.w3.org/ns/credentials/status/v1',
    ]) {
      await expect(loader(url)).resolves.toMatchObject({ documentUrl: url });
    }
    expect(loader.stats).toMatchObject({ contexts: 5, networkFetches: 0, refused: 0 });
  });

  it('refuses anything else without touching the network', async () => {
    const remote = jest.fn();
    const loader = createDocumentLoader();
    await expect(loader('https://example.org/context.json')).rejects.toMatchObject({
      code: 'OPENBADGES.DOCUMENT_NOT_ALLOWED',
    });
    expect(loader.stats).toMatchObject({ refused: 1, networkFetches: 0 });
    // With a remote resolver, contexts (no fragment, not a known controller) are still refused.
    const withRemote = createDocumentLoader({ remoteResolver: remote });
    await expect(withRemote('https://example.org/context.json')).rejects.toMatchObject({
      code: 'OPENBADGES.DOCUMENT_NOT_ALLOWED',
    });
    expect(remote).not.toHaveBeenCalled();
  });

  it('resolves another issuer’s key, then its controller, through the injected resolver', async () => {
    const profile = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/security/multikey/v1'],
      id: 'https://other.example/issuer',
      verificationMethod: [
        {
          id: 'https://other.example/issuer#k1',
          type: 'Multikey',
          controller: 'https://other.example/issuer',
          publicKeyMultibase: 'z6Mk',
        },
      ],
    };
    const remote = jest.fn(async (url: string) => (url === profile.id ? profile : null));
    const loader = createDocumentLoader({ remoteResolver: remote });
    await expect(loader('https://other.example/issuer#k1')).resolves.toMatchObject({
      document: { id: 'https://other.example/issuer#k1', type: 'Multikey' },
    });
    await expect(loader('https://other.example/issuer')).resolves.toMatchObject({
      document: { id: profile.id },
    });
    expect(loader.stats.networkFetches).toBe(2);
  });
});
