/* eslint-disable @typescript-eslint/no-explicit-any -- the tampering tests write to arbitrary paths of signed JSON (`c.credentialSubject.result[0].value = …`); the reads are typed below. */
import { createHash, createPublicKey, verify as edVerify } from 'node:crypto';
import { join } from 'node:path';
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { type DataIntegrityProofValue, SignedCredential } from './credentials/credential-types';
import { type HashedIdentity, identityMatchesEmail } from './credentials/recipient-identity';
import { BatchCredentialSigner } from './signing/batch-credential-signer';
import { signCredential } from './signing/sign-credential';
import { createOb3SchemaValidator, loadOb3Schema } from './verify/ob3-schema';
import { createCredentialVerifier } from './verify/verify-credential';
import { revokeIssuerKey, rotateIssuerKey } from './keys/issuer-keys';
import { BASE, CREATED, createWorld, KEK } from './testing/openbadges.fixture';

/** The achievement of an issued credential, as these tests read it. */
interface IssuedAchievement {
  achievementType: string;
  alignment: Array<{ targetFramework: string }>;
  resultDescription: unknown[];
  creditsAvailable: number;
  inLanguage: string;
  endorsement: Array<{ type: string[]; credentialSubject: { endorsementComment: string } }>;
}

const ROOT = join(__dirname, '../../../../..');
const validateSchema = createOb3SchemaValidator(
  loadOb3Schema(join(ROOT, 'data/ob3/ob_v3p0_achievementcredential_schema.json')),
);
const NOW = new Date('2025-07-01T00:00:00Z');

describe('Open Badges 3.0 issuance and verification', () => {
  let world: Awaited<ReturnType<typeof createWorld>>;
  let verifier: ReturnType<typeof createCredentialVerifier>;
  let issued: SignedCredential;

  beforeAll(async () => {
    world = await createWorld();
    verifier = createCredentialVerifier({
      documentLoader: world.documentLoader,
      validateSchema,
      resolveStatusListCredential: (url) =>
        url === world.statusListUrl ? world.statusListCredential() : null,
    });
    issued = await signCredential(world.credentialFor(1), {
      signer: await world.signer(),
      documentLoader: world.documentLoader,
      created: CREATED,
    });
  });

  afterAll(() => {
    // Every context and key came from the bundle or the issuer resolver: nothing touched the network.
    expect(world.documentLoader.stats.networkFetches).toBe(0);
    expect(world.documentLoader.stats.refused).toBe(0);
  });

  it('issues an OpenBadgeCredential that validates against 1EdTech’s OB 3.0 schema', () => {
    expect(validateSchema(issued)).toEqual({ valid: true, errors: [] });
    expect(issued['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(issued.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(issued.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: `${BASE}/issuers/college#key-1`,
    });
  });

  it('carries the design: ESCO and Skills for Success alignments, mastery threshold, hours, language, endorsement', () => {
    const achievement = (issued['credentialSubject'] as { achievement: IssuedAchievement }).achievement;
    expect(achievement.achievementType).toBe('MicroCredential');
    expect(achievement.alignment.map((a) => a.targetFramework)).toEqual(['ESCO', 'Skills for Success']);
    expect(achievement.resultDescription[0]).toMatchObject({ resultType: 'Percent', requiredValue: '80' });
    expect(achievement.creditsAvailable).toBe(40);
    expect(achievement.inLanguage).toBe('en');
    expect(achievement.endorsement[0].type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
    expect(achievement.endorsement[0].credentialSubject.endorsementComment).toMatch(
      /in demand.*reflects job performance/s,
    );
  });

  it('never publishes the recipient e-mail, only its salted hash', () => {
    expect(JSON.stringify(issued)).not.toContain('learner1@example.org');
    const identity = (issued['credentialSubject'] as { identifier: [HashedIdentity] }).identifier[0];
    expect(identity).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
    expect(identityMatchesEmail(identity, ' Learner1@Example.org ')).toBe(true);
    expect(identityMatchesEmail(identity, 'learner2@example.org')).toBe(false);
  });

  it('verifies, reporting every check', async () => {
    const report = await verifier.verify(issued, { now: NOW });
    expect(report.checks.map((c) => [c.check, c.status])).toEqual([
      ['schema', 'passed'],
      ['dates', 'passed'],
      ['issuerKey', 'passed'],
      ['proof', 'passed'],
      ['status', 'passed'],
    ]);
    expect(report.verified).toBe(true);
  });

  it('verifies the embedded endorsement on its own', async () => {
    const report = await verifier.verify(world.endorsement, { now: NOW });
    expect(report.failed).toEqual([]);
  });

  it.each([
    [
      'the achievement name',
      (c: any) =>
        (c.credentialSubject.achievement = { ...c.credentialSubject.achievement, name: 'Something else' }),
    ],
    ['the score', (c: any) => (c.credentialSubject.result[0].value = '100')],
    [
      'the identity hash',
      (c: any) => (c.credentialSubject.identifier[0].identityHash = 'sha256$' + '0'.repeat(64)),
    ],
    ['the evidence', (c: any) => (c.evidence[0].narrative = 'Forged')],
    ['validFrom', (c: any) => (c.validFrom = '2025-06-01T09:00:01Z')],
    ['the status index', (c: any) => (c.credentialStatus.statusListIndex = '1002')],
  ])('fails the proof check when %s is changed', async (_field, tamper) => {
    const copy = structuredClone(issued) as any;
    tamper(copy);
    const report = await verifier.verify(copy, { now: NOW });
    expect(report.verified).toBe(false);
    expect(report.failed).toContain('proof');
  });

  it('fails the proof check when the signature is changed', async () => {
    const copy = structuredClone(issued) as any;
    const value: string = copy.proof.proofValue;
    copy.proof.proofValue = value.slice(0, 10) + (value[10] === 'A' ? 'B' : 'A') + value.slice(11);
    expect((await verifier.verify(copy, { now: NOW })).failed).toEqual(['proof']);
  });

  it('fails the proof check when the issuer’s published key is replaced', async () => {
    const original = world.profiles.get('college')!;
    const other = world.profiles.get('employer')!.verificationMethod[0].publicKeyMultibase;
    world.profiles.set('college', {
      ...original,
      verificationMethod: [{ ...original.verificationMethod[0], publicKeyMultibase: other }],
    });
    try {
      expect((await verifier.verify(issued, { now: NOW })).failed).toContain('proof');
    } finally {
      world.profiles.set('college', original);
    }
  });

  it('fails the issuer key check when the proof names another organization’s key', async () => {
    const copy = structuredClone(issued) as any;
    copy.proof.verificationMethod = `${BASE}/issuers/employer#key-1`;
    const report = await verifier.verify(copy, { now: NOW });
    expect(report.failed).toEqual(['issuerKey', 'proof']);
    expect(report.checks.find((c) => c.check === 'issuerKey')!.message).toMatch(
      /not controlled by the issuer/,
    );
  });

  it('fails the dates check before validFrom and after validUntil', async () => {
    const early = await verifier.verify(issued, { now: new Date('2025-05-01T00:00:00Z') });
    expect(early.failed).toEqual(['dates']);
    // The reason as data too, for an app to word in its reader's language.
    expect(early.checks.find((c) => c.check === 'dates')).toMatchObject({
      code: 'NOT_YET_VALID',
      params: { validFrom: (issued as any).validFrom },
    });
    const expiring = await signCredential(world.credentialFor(2, { validUntil: '2025-06-30T00:00:00Z' }), {
      signer: await world.signer(),
      documentLoader: world.documentLoader,
      created: CREATED,
    });
    const expired = await verifier.verify(expiring, { now: NOW });
    expect(expired.failed).toEqual(['dates']);
    expect(expired.checks.find((c) => c.check === 'dates')).toMatchObject({
      code: 'EXPIRED',
      params: { validUntil: '2025-06-30T00:00:00Z' },
    });
  });

  it('fails the schema check naming the missing field', async () => {
    const copy = structuredClone(issued) as any;
    delete copy.credentialSubject.achievement.criteria;
    const report = await verifier.verify(copy, { now: NOW });
    expect(report.failed).toEqual(['schema', 'proof']);
    expect(report.checks[0].message).toMatch(/criteria/);
    expect(report.checks[0]).toMatchObject({
      code: 'SCHEMA_INVALID',
      params: { errors: [expect.stringMatching(/criteria/)] },
    });
    // The same problem as data a reader's language can word: a code, where, and what is missing.
    expect(report.checks[0]?.params?.['problems']).toEqual([
      { code: 'MISSING', path: '/credentialSubject/achievement', property: 'criteria' },
    ]);
  });

  it('words a transcript that breaks the CLR shape as problem codes too', async () => {
    const report = await verifier.verify(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential', 'ClrCredential'],
        credentialSubject: { type: ['ClrSubject'] },
      },
      { now: NOW },
    );
    const schema = report.checks.find((c) => c.check === 'schema');
    expect(schema).toMatchObject({ status: 'failed', code: 'SCHEMA_INVALID' });
    expect(schema?.params?.['problems']).toEqual([
      { code: 'NOT_ALLOWED', path: '/@context' },
      { code: 'MISSING', path: '/', property: 'id' },
      { code: 'MISSING', path: '/', property: 'name' },
      { code: 'TOO_FEW', path: '/credentialSubject/verifiableCredential' },
    ]);
    expect(schema?.params?.['errors']).toHaveLength(4);
  });

  it('detects revocation through the signed status list', async () => {
    const credential = await signCredential(world.credentialFor(7), {
      signer: await world.signer(),
      documentLoader: world.documentLoader,
      created: CREATED,
    });
    expect((await verifier.verify(credential, { now: NOW })).verified).toBe(true);
    world.statusList.set(1007, true);
    await world.signStatusList();
    try {
      const report = await verifier.verify(credential, { now: NOW });
      expect(report.failed).toEqual(['status']);
      expect(report.checks.find((c) => c.check === 'status')).toMatchObject({
        message: expect.stringMatching(/revoked/),
        code: 'REVOKED',
        params: {},
      });
      // Others on the same list are unaffected.
      expect((await verifier.verify(issued, { now: NOW })).verified).toBe(true);
    } finally {
      world.statusList.set(1007, false);
      await world.signStatusList();
    }
  });

  it('refuses a status list that is not signed by the issuer', async () => {
    const forged = structuredClone(world.statusListCredential()) as any;
    forged.credentialSubject.encodedList = world.statusList.encode().slice(0, -4) + 'AAAA';
    const forgingVerifier = createCredentialVerifier({
      documentLoader: world.documentLoader,
      validateSchema,
      resolveStatusListCredential: () => forged,
    });
    const report = await forgingVerifier.verify(issued, { now: NOW });
    expect(report.failed).toEqual(['status']);
  });

  it('keeps old credentials verifiable after key rotation, and stops them when the old key is revoked', async () => {
    const saved = world.keys['college'];
    try {
      world.keys['college'] = await rotateIssuerKey(saved, {
        publicBaseUrl: BASE,
        orgId: 'college',
        keyEncryptionKey: KEK,
      });
      world.publish('college');
      const profile = world.profiles.get('college')!;
      expect(profile.verificationMethod.map((k) => [k.id, k.keyStatus])).toEqual([
        [`${BASE}/issuers/college#key-1`, 'retired'],
        [`${BASE}/issuers/college#key-2`, 'active'],
      ]);
      // The status list, signed with key-1 before the rotation, still verifies too.
      const status = verifier;
      expect((await status.verify(issued, { now: NOW })).verified).toBe(true);
      const fresh = await signCredential(world.credentialFor(3, { credentialStatus: null }), {
        signer: await world.signer(),
        documentLoader: world.documentLoader,
        created: CREATED,
      });
      expect((fresh.proof as DataIntegrityProofValue).verificationMethod).toBe(
        `${BASE}/issuers/college#key-2`,
      );
      expect((await status.verify(fresh, { now: NOW })).verified).toBe(true);

      world.keys['college'] = revokeIssuerKey(world.keys['college'], `${BASE}/issuers/college#key-1`, NOW);
      world.publish('college');
      const report = await status.verify(issued, { now: NOW });
      expect(report.failed).toContain('issuerKey');
      expect(report.checks.find((c) => c.check === 'issuerKey')!.message).toMatch(/revoked/);
    } finally {
      world.keys['college'] = saved;
      world.publish('college');
    }
  });

  it('signs a batch on the fast path byte for byte as the reference path does', async () => {
    const signer = await world.signer();
    const batch = new BatchCredentialSigner({
      signer,
      documentLoader: world.documentLoader,
      created: CREATED,
    });
    const variants = [
      world.credentialFor(10),
      world.credentialFor(11),
      world.credentialFor(12, { evidence: [] }),
      world.credentialFor(13, { validUntil: '2027-01-01T00:00:00Z', awardedDate: '2025-05-30T00:00:00Z' }),
      world.credentialFor(14, {
        evidence: [
          { narrative: 'Quotes "verbatim" \\ with a newline\nand ünïcödé' },
          { id: `${BASE}/evidence/x`, genre: 'Video' },
        ],
      }),
      world.credentialFor(15),
      world.credentialFor(16, { credentialStatus: null, score: null }),
      // Not a plain ASCII IRI: the fast path hands it to the reference path.
      world.credentialFor(17, { evidence: [{ id: 'https://example.org/évidence' }] }),
    ];
    for (const credential of variants) {
      const fast = await batch.sign(credential);
      const reference = await signCredential(credential, {
        signer,
        documentLoader: world.documentLoader,
        created: CREATED,
      });
      expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
    }
    // Learners 10, 11 and 15 share a shape: only the first of them was expanded.
    expect(batch.stats).toMatchObject({ templated: 7, reference: 1 });
    expect(batch.stats.templates).toBeLessThan(variants.length);
    const report = await verifier.verify(await batch.sign(world.credentialFor(18)), { now: NOW });
    expect(report.verified).toBe(true);
  });

  it('verifies with an independent eddsa-rdfc-2022 implementation (rdf-canonize + node:crypto)', async () => {
    expect(await independentlyVerify(issued)).toBe(true);
    const tampered = structuredClone(issued) as any;
    tampered.name = 'Changed';
    expect(await independentlyVerify(tampered)).toBe(false);
  });

  /**
   * The cryptosuite spec's algorithm written out: canonicalize the proof options (with the
   * document's context) and the document without its proof, SHA-256 each, concatenate, and
   * check the Ed25519 signature against the key in the issuer profile. Uses neither
   * @digitalbazaar/data-integrity nor the cryptosuite package.
   */
  async function independentlyVerify(credential: SignedCredential): Promise<boolean> {
    const { proof, ...document } = credential;
    const { proofValue, ...options } = proof as DataIntegrityProofValue;
    const canonize = async (input: object) =>
      rdfCanonize.canonize(
        await jsonld.toRDF(input, { documentLoader: world.documentLoader, safe: true, base: null }),
        { algorithm: 'RDFC-1.0' },
      );
    const hash = (text: string) => createHash('sha256').update(text).digest();
    const data = Buffer.concat([
      hash(await canonize({ '@context': document['@context'], ...options })),
      hash(await canonize(document)),
    ]);
    const orgId = options.verificationMethod.split('/issuers/')[1].split('#')[0];
    const method = world.profiles
      .get(orgId)!
      .verificationMethod.find((k) => k.id === options.verificationMethod)!;
    // Multikey: 'z' + base58btc(0xed01 ‖ 32-byte public key).
    const publicKey = base58btcDecode(method.publicKeyMultibase.slice(1)).subarray(2);
    const key = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]),
      format: 'der',
      type: 'spki',
    });
    return edVerify(null, data, key, base58btcDecode(proofValue.slice(1)));
  }
});

function base58btcDecode(text: string): Buffer {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let value = 0n;
  for (const char of text) value = value * 58n + BigInt(alphabet.indexOf(char));
  const hex = value.toString(16);
  const bytes = Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex');
  const zeros = text.match(/^1*/)![0].length;
  return Buffer.concat([Buffer.alloc(zeros), bytes]);
}
