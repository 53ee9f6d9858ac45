// Credentials from another issuer (a Lattice-like issuer on its own origin, played by an HTTP
// server in this test) verify through the gateway: the credentials service fetches the issuer's
// key and status list over HTTP, checks them like its own, caches them, and reports tampering,
// revocation and a key that does not resolve. (In production only https to public addresses is
// fetched; libs/shared/util-network's tests show loopback refused.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Achievement,
  BitstringStatusList,
  buildAchievement,
  buildIssuerProfile,
  buildIssuerRef,
  buildOpenBadgeCredential,
  buildStatusListCredential,
  createDocumentLoader,
  createIssuerDocumentResolver,
  generateIssuerKey,
  hashRecipientEmail,
  issuerProfileUrl,
  issuerSigner,
  type SignedCredential,
  signCredential,
} from '@lattice/credentials-openbadges';
import { verifyOverHttp, failedChecks } from './support/credentials';
import type { Untyped } from './support/client';

jest.setTimeout(60_000);

describe('trust: verifying other issuers’ credentials over HTTP', () => {
  let server: Server;
  const served = new Map<string, unknown>();
  const requests: string[] = [];
  let credential: SignedCredential;
  let sign: Parameters<typeof signCredential>[1];
  let foreignBase: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const document = served.get(request.url ?? '');
      if (!document) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(document));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    foreignBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const kek = Buffer.alloc(32, 9);
    const key = await generateIssuerKey({
      publicBaseUrl: foreignBase,
      orgId: 'northern-poly',
      sequence: 1,
      keyEncryptionKey: kek,
    });
    const profile = buildIssuerProfile({
      publicBaseUrl: foreignBase,
      orgId: 'northern-poly',
      name: 'Northern Polytechnic',
      keys: [key],
    });
    served.set('/issuers/northern-poly', profile);
    const documentLoader = createDocumentLoader({
      resolveIssuerDocument: createIssuerDocumentResolver(foreignBase, (orgId) =>
        orgId === 'northern-poly' ? profile : null,
      ),
    });
    const signer = await issuerSigner(key, kek);
    const issuer = buildIssuerRef({
      id: issuerProfileUrl(foreignBase, 'northern-poly'),
      name: 'Northern Polytechnic',
    });

    sign = { signer, documentLoader };
    const listUrl = `${foreignBase}/status-lists/1`;
    served.set(
      '/status-lists/1',
      await signCredential(
        buildStatusListCredential({
          id: listUrl,
          issuer: issuer.id,
          list: new BitstringStatusList(),
          validFrom: '2025-01-01T00:00:00Z',
        }),
        sign,
      ),
    );

    const achievement = buildAchievement({
      id: `${foreignBase}/achievements/hvac-1`,
      name: 'HVAC fundamentals',
      description: 'Installs and services residential HVAC systems.',
      criteriaNarrative: 'Passes the practical assessment.',
      alignments: [],
      masteryThreshold: 75,
      hours: 30,
      language: 'en',
    });
    credential = await signCredential(
      buildOpenBadgeCredential({
        issuer,
        achievement,
        award: {
          id: `${foreignBase}/credentials/a-1`,
          recipient: hashRecipientEmail('learner@example.org'),
          validFrom: '2025-06-01T00:00:00Z',
          score: 88,
          credentialStatus: { statusListCredential: listUrl, statusListIndex: 42 },
        },
      }),
      sign,
    );
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('verifies it with the key and status list fetched from its issuer, then from the cache', async () => {
    const report = await verifyOverHttp(credential);
    expect(failedChecks(report)).toEqual([]);
    expect(report.verified).toBe(true);
    expect(requests).toEqual(expect.arrayContaining(['/issuers/northern-poly', '/status-lists/1']));

    // Each credentials process keeps its own cache: with replicas (E2E_REPLICAS), every other
    // replica fetches the key and the list once too, and never again.
    const replicas = Number(JSON.parse(process.env['LATTICE_E2E_REPLICAS'] ?? '{}')['credentials'] ?? 1);
    const asked = requests.length;
    for (let i = 0; i < 2 * replicas + 1; i++) expect((await verifyOverHttp(credential)).verified).toBe(true);
    expect(requests.length).toBeLessThanOrEqual(asked + 2 * (replicas - 1));
  });

  it('reports a tampered credential from another issuer', async () => {
    const tampered = structuredClone(credential) as Untyped;
    tampered.credentialSubject.result[0].value = '100';
    expect(failedChecks(await verifyOverHttp(tampered))).toEqual(['proof']);
  });

  it('fails the issuer key check when the key does not resolve, saying why', async () => {
    const elsewhere = structuredClone(credential) as Untyped;
    elsewhere.proof.verificationMethod = `${foreignBase}/issuers/nobody#key-1`;
    elsewhere.issuer.id = `${foreignBase}/issuers/nobody`;
    const report = await verifyOverHttp(elsewhere);
    expect(failedChecks(report)).toEqual(expect.arrayContaining(['issuerKey', 'proof']));
    expect(report.checks.find((c) => c.name === 'issuerKey')!.detail).toMatch(/does not resolve.*404/);
  });

  it('reports a credential its issuer revoked in its status list', async () => {
    // A second credential on a second list, revoked before anyone verified it (lists are cached for minutes).
    const revokedList = new BitstringStatusList();
    revokedList.set(7, true);
    const listUrl = `${foreignBase}/status-lists/2`;
    served.set(
      '/status-lists/2',
      await signCredential(
        buildStatusListCredential({
          id: listUrl,
          issuer: credential.issuer.id,
          list: revokedList,
          validFrom: '2025-01-01T00:00:00Z',
        }),
        sign,
      ),
    );
    const revoked = await signCredential(
      buildOpenBadgeCredential({
        issuer: credential.issuer,
        achievement: (credential['credentialSubject'] as { achievement: Achievement }).achievement,
        award: {
          id: `${foreignBase}/credentials/a-2`,
          recipient: hashRecipientEmail('other@example.org'),
          validFrom: '2025-06-01T00:00:00Z',
          score: 90,
          credentialStatus: { statusListCredential: listUrl, statusListIndex: 7 },
        },
      }),
      sign,
    );
    const report = await verifyOverHttp(revoked);
    expect(failedChecks(report)).toEqual(['status']);
    expect(report.checks.find((c) => c.name === 'status')!.detail).toMatch(/revoked/);
  });
});
