// A CLR 2.0 transcript: signed over its embedded Open Badges credentials, verified as a whole and
// credential by credential, with the bundled CLR context (no fetch).
/* eslint-disable @typescript-eslint/no-explicit-any -- the tampering tests write to arbitrary paths of a signed transcript's JSON. */
import { createWorld, CREATED, BASE } from '../testing/openbadges.fixture';
import { signCredential } from '../signing/sign-credential';
import { createCredentialVerifier } from '../verify/verify-credential';
import { SignedCredential } from './credential-types';
import { buildIssuerRef } from './open-badge-credential';
import { buildClrCredential, CLR_CONTEXT } from './clr-credential';
import { hashRecipientEmail } from './recipient-identity';

const NOW = new Date('2025-07-01T00:00:00Z');

describe('CLR 2.0 transcripts', () => {
  let world: Awaited<ReturnType<typeof createWorld>>;
  let verifier: ReturnType<typeof createCredentialVerifier>;
  let badges: SignedCredential[];
  let transcript: SignedCredential;

  beforeAll(async () => {
    world = await createWorld();
    verifier = createCredentialVerifier({
      documentLoader: world.documentLoader,
      resolveStatusListCredential: (url) =>
        url === world.statusListUrl ? world.statusListCredential() : null,
    });
    const college = await world.signer();
    badges = await Promise.all(
      [1, 2].map((i) =>
        signCredential(world.credentialFor(i), {
          signer: college,
          documentLoader: world.documentLoader,
          created: CREATED,
        }),
      ),
    );
    const unsigned = buildClrCredential({
      id: `${BASE}/transcripts/t-1`,
      issuer: buildIssuerRef({ id: world.employer.id, name: world.employer.name }),
      name: 'Transcript of Learner 1',
      validFrom: CREATED,
      learner: hashRecipientEmail('learner1@example.org', 'transcript-salt'),
      credentials: badges,
    });
    transcript = await signCredential(unsigned, {
      signer: await world.signer('employer'),
      documentLoader: world.documentLoader,
      created: CREATED,
    });
  });

  afterAll(() => {
    expect(world.documentLoader.stats.networkFetches).toBe(0);
    expect(world.documentLoader.stats.refused).toBe(0);
  });

  it('is a signed ClrCredential whose subject embeds the credentials as issued', () => {
    expect(transcript['@context']).toEqual(CLR_CONTEXT);
    expect(transcript.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    const subject = transcript['credentialSubject'] as {
      type: string[];
      verifiableCredential: SignedCredential[];
    };
    expect(subject.type).toEqual(['ClrSubject']);
    expect(subject.verifiableCredential.map((c) => c.proof)).toEqual(badges.map((b) => b.proof));
  });

  it('verifies: its own proof and every embedded credential', async () => {
    const report = await verifier.verify(transcript, { now: NOW });
    expect(report.failed).toEqual([]);
    expect(report.checks.map((c) => [c.check, c.status])).toEqual([
      ['schema', 'passed'],
      ['dates', 'passed'],
      ['issuerKey', 'passed'],
      ['proof', 'passed'],
      ['status', 'skipped'],
      ['credentials', 'passed'],
    ]);
  });

  it('fails when an embedded credential is tampered with, naming it', async () => {
    const forged = structuredClone(transcript) as any;
    forged.credentialSubject.verifiableCredential[1].credentialSubject.result[0].value = '100';
    const report = await verifier.verify(forged, { now: NOW });
    expect(report.verified).toBe(false);
    expect(report.failed).toEqual(['proof', 'credentials']);
    expect(report.checks.find((c) => c.check === 'credentials')!.message).toMatch(
      /^credential 1 \(.*award-2\): proof/,
    );
  });

  it('fails the credentials check when an embedded credential was revoked since', async () => {
    world.statusList.set(1002, true);
    await world.signStatusList();
    try {
      const report = await verifier.verify(transcript, { now: NOW });
      expect(report.failed).toEqual(['credentials']);
      expect(report.checks.find((c) => c.check === 'credentials')!.message).toMatch(
        /credential 1 .*status \(The credential has been revoked/,
      );
    } finally {
      world.statusList.set(1002, false);
      await world.signStatusList();
    }
  });

  it('fails the schema check for a transcript without credentials or with the wrong contexts', async () => {
    const empty = structuredClone(transcript) as any;
    empty.credentialSubject.verifiableCredential = [];
    empty['@context'] = empty['@context'].slice(0, 2);
    const report = await verifier.verify(empty, { now: NOW });
    expect(report.failed).toEqual(expect.arrayContaining(['schema', 'credentials']));
    expect(report.checks.find((c) => c.check === 'schema')!.message).toMatch(
      /@context.*; credentialSubject.verifiableCredential/,
    );
  });
});
