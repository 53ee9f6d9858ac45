// The batch fast path against the reference path on adversarial generated awards: several hundred
// seeded credentials (odd URLs, repeated and colliding ids, unusual unicode, missing and extra
// optional fields, several achievement shapes) must come out byte for byte identical, or be
// refused by both with the same message. A spread sample is verified by @digitalbazaar/vc with
// the eddsa-rdfc-2022 cryptosuite, which shares nothing with the fast path's template code.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { SignedCredential, UnsignedCredential } from '../credentials/credential-types';
import {
  Achievement,
  buildAchievement,
  buildOpenBadgeCredential,
  EvidenceInput,
} from '../credentials/open-badge-credential';
import { hashRecipientEmail } from '../credentials/recipient-identity';
import { BASE, CREATED, createWorld } from '../testing/openbadges.fixture';
import { BatchCredentialSigner } from './batch-credential-signer';
import { signCredential } from './sign-credential';

const COUNT = 300;
const SEED = 0x1a77ce;
const STATUS = { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '3' };

/** mulberry32: a small seeded generator, so a failure names a reproducible case. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof random>;

const TEXTS = [
  'Shop-floor demonstration',
  'Quotes "verbatim" \\ back\\slash, a tab\tand a newline\nend',
  'Café crème, NFC',
  'Cafe\u0301 cre\u0300me, NFD', // combining marks: not the same string as the NFC one
  'e\u0301\u0301\u0301 stacked combining marks',
  'שלום עולם — right to left',
  'مرحبا \u202Ebidi override\u202C',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral 😀👩‍🔧',
  'zero\u200Bwidth\u200Djoiner\uFEFFbom',
  'ᐊᓂᔑᓈᐯᒧᐎᓐ syllabics',
  '',
  ' ',
  '\u0001\u007f control',
  '<script>alert(1)</script> & <b>',
  '_:b0',
  'urn:not-an-iri-here',
  'https://looks.like/an/url',
  '@id',
  '0',
  'x'.repeat(600),
];

function urlPool(award: string, achievement: string, issuer: string, statusList: string): string[] {
  return [
    `${BASE}/evidence/1`,
    `${BASE}/evidence/1`, // repeated on purpose: same URL twice in one list
    `${BASE}/evidence/2?q=a&b=c#frag`,
    `${BASE}/evidence/%C3%A9t%C3%A9`,
    `${BASE}/evidence/%zz`,
    award, // colliding with the credential's own id
    achievement,
    issuer,
    statusList,
    `${statusList}#7`,
    'https://xn--a.com/e', // invalid punycode
    'https://xn--nxasmq6b.com/e', // valid punycode
    'https://a.example:65535/e',
    'https://a.example:65536/e', // port out of range
    'https://a.example:99999/e',
    'https://a.example:0/e',
    'https://a.example:/e',
    'https://A.EXAMPLE/Upper',
    'HTTPS://a.example/scheme-case',
    'https://127.0.0.1/e',
    'https://[::1]/e',
    'https://bücher.example/e',
    'https://user@a.example/e',
    'https://a..example/e',
    'https://-a.example/e',
    'https://a.example./e',
    'https://a.example',
    'https://a.example/#',
    'https://a.example?',
    'urn:uuid:2f1d3c4b-5a69-4788-99aa-bbccddeeff00',
    'urn:x:y',
    'urn:isbn:0451450523',
    'https://a.example/évidence',
    'https://a.example/white space',
    'https://a.example/tab\tinside',
    'not a url',
    '',
  ];
}

function evidenceList(rng: Random, urls: string[]): EvidenceInput[] {
  const n = rng.pick([0, 1, 1, 2, 3, 4]);
  const shared = rng.pick(urls);
  return Array.from({ length: n }, () => {
    const item: Record<string, string> = {};
    // Often the same URL for several items (the defect's case), sometimes any URL, sometimes none.
    if (rng.chance(0.8)) item['id'] = rng.chance(0.5) ? shared : rng.pick(urls);
    if (rng.chance(0.7)) item['name'] = rng.pick(TEXTS);
    if (rng.chance(0.5)) item['narrative'] = rng.pick(TEXTS);
    if (rng.chance(0.2)) item['description'] = rng.pick(TEXTS);
    if (rng.chance(0.2)) item['genre'] = rng.pick(['Video', 'Portfolio', TEXTS[rng.int(TEXTS.length)]]);
    if (rng.chance(0.1)) item['audience'] = rng.pick(TEXTS);
    return item;
  });
}

describe('batch signer against the reference signer (differential, adversarial input)', () => {
  let world: Awaited<ReturnType<typeof createWorld>>;
  let achievements: Achievement[];

  beforeAll(async () => {
    world = await createWorld();
    const plain = (
      id: string,
      name: string,
      language: string,
      more: Partial<Parameters<typeof buildAchievement>[0]> = {},
    ) =>
      buildAchievement({
        id,
        name,
        description: `${name}: what it certifies.`,
        criteriaNarrative: 'Assessed on the job.',
        alignments: [],
        language,
        ...more,
      });
    achievements = [
      world.achievement, // alignments, mastery threshold, hours, an embedded signed endorsement
      plain(`${BASE}/credentials/designs/minimal`, 'Minimal', 'en'),
      plain(`${BASE}/credentials/designs/fr`, 'Soudage — sécurité «\u00a0avancée\u00a0»', 'fr-CA', {
        masteryThreshold: 0,
        tags: ['soudure', 'sécurité', 'Cafe\u0301'],
        fieldOfStudy: 'Métiers',
        version: '2.0-β',
        criteriaUrl: `${BASE}/criteria/fr`,
        image: { id: `${BASE}/images/fr.png`, caption: '图像 😀' },
        creator: world.employer,
        alignments: [
          {
            framework: 'SFS',
            uri: 'https://lattice.example/sfs/numeracy',
            name: 'Numératie',
            code: 'N-1',
            description: 'ℕ',
          },
        ],
      }),
      plain(`${BASE}/credentials/designs/rtl`, 'שלום مرحبا', 'ar', {
        masteryThreshold: 100,
        hours: 0.5,
        achievementType: 'Certificate',
      }),
    ];
  });

  function generate(i: number, rng: Random): UnsignedCredential {
    const achievement = rng.pick(achievements);
    const colliding = rng.chance(0.1) ? 7 : i; // repeated award ids across the batch
    const awardId = rng.chance(0.9)
      ? `${BASE}/credentials/award-${colliding}`
      : rng.pick(['urn:uuid:00000000-0000-4000-8000-000000000001', `${BASE}/credentials/é-${i}`]);
    const urls = urlPool(awardId, achievement.id, world.college.id, world.statusListUrl);
    const statusUrl = rng.chance(0.85)
      ? world.statusListUrl
      : rng.pick(urls.filter((u) => /^(https?|urn):/i.test(u) && !/\s/.test(u)));
    let credential: UnsignedCredential;
    try {
      credential = buildOpenBadgeCredential({
        issuer: world.college,
        achievement,
        award: {
          id: awardId,
          recipient: hashRecipientEmail(
            rng.pick([`learner${i}@example.org`, 'Élève@Exemple.ca', 'x@y']),
            rng.pick([`salt-${i}`, '', 'sel 😀']),
          ),
          validFrom: rng.pick([
            '2025-06-01T09:00:00Z',
            '2025-06-01T09:00:00.123+02:00',
            '2024-02-29T23:59:59-05:00',
          ]),
          validUntil: rng.chance(0.3) ? '2030-01-01T00:00:00Z' : null,
          awardedDate: rng.chance(0.3) ? '2025-05-30T00:00:00Z' : null,
          score: rng.pick([null, 80, 100, '95.5', 0]),
          evidence: [],
          credentialStatus: rng.chance(0.8)
            ? { statusListCredential: statusUrl, statusListIndex: rng.pick([0, i, 7, 131071]) }
            : null,
        },
      });
    } catch {
      // The builder refused (its own rule, before any signer): sign the reference status entry instead.
      credential = buildOpenBadgeCredential({
        issuer: world.college,
        achievement,
        award: {
          id: `${BASE}/credentials/award-${i}`,
          recipient: hashRecipientEmail(`learner${i}@example.org`, 's'),
          validFrom: CREATED,
        },
      });
    }
    // Evidence goes in raw (past the builder's URL rule), so the signers see every odd URL.
    const evidence = evidenceList(rng, urls).map((item) => ({
      ...(item['id'] !== undefined ? { id: item['id'] } : {}),
      type: ['Evidence'],
      ...item,
    }));
    const out = { ...credential } as Record<string, unknown>;
    if (evidence.length) out['evidence'] = evidence;
    // Extra and missing optional fields, and now and then a required one missing.
    if (rng.chance(0.08)) {
      const url = rng.pick(urls); // a raw status entry: the builder would refuse some of these
      out['credentialStatus'] = { ...STATUS, id: `${url}#3`, statusListCredential: url };
    }
    if (rng.chance(0.1)) out['description'] = rng.pick(TEXTS);
    if (rng.chance(0.05)) out['image'] = { id: rng.pick(urls), type: 'Image' };
    if (rng.chance(0.03)) out['unknownTerm'] = 'dropped by expansion: the safe mode refuses it';
    if (rng.chance(0.03)) delete out['issuer'];
    if (rng.chance(0.03))
      out['credentialSubject'] = { ...(out['credentialSubject'] as object), id: rng.pick(urls) };
    if (rng.chance(0.05)) out['name'] = rng.pick(TEXTS);
    // An achievement copied (not frozen): its strings become per-learner slots on the fast path.
    if (rng.chance(0.05))
      out['credentialSubject'] = {
        ...(out['credentialSubject'] as object),
        achievement: structuredClone(achievement),
      };
    return out as unknown as UnsignedCredential;
  }

  const outcome = (promise: Promise<SignedCredential>) =>
    promise.then(
      (signed) => ({ ok: true as const, json: JSON.stringify(signed) }),
      (error: Error) => ({ ok: false as const, json: `${error.name}: ${error.message}` }),
    );

  it(`gives byte-identical output or the same refusal on ${COUNT} generated awards, and a sample verifies`, async () => {
    const signer = await world.signer();
    const options = { signer, documentLoader: world.documentLoader, created: CREATED };
    // One batch signer for the whole run, as the batch processor uses one per batch: later awards
    // of a shape are signed from the first one's template.
    const batch = new BatchCredentialSigner(options);
    const rng = random(SEED);
    const signed: SignedCredential[] = [];
    const mismatches: string[] = [];
    let refused = 0;
    for (let i = 0; i < COUNT; i++) {
      const credential = generate(i, rng);
      const before = JSON.stringify(credential);
      const fast = await outcome(batch.sign(credential));
      const reference = await outcome(signCredential(credential, options));
      expect(JSON.stringify(credential)).toBe(before); // neither signer changes its input
      if (fast.ok !== reference.ok || fast.json !== reference.json) {
        mismatches.push(
          `award ${i} (seed ${SEED}): fast ${fast.json.slice(0, 300)}\n  reference ${reference.json.slice(0, 300)}\n  input ${before.slice(0, 600)}`,
        );
      } else if (fast.ok) signed.push(JSON.parse(fast.json));
      else refused++;
    }
    expect(mismatches).toEqual([]);
    // The run exercised both outcomes and mostly the fast path's templates.
    expect(refused).toBeGreaterThan(10);
    expect(signed.length).toBeGreaterThan(COUNT / 2);
    expect(batch.stats.templated).toBeGreaterThan(COUNT / 3);

    const suite = new DataIntegrityProof({ cryptosuite });
    const sample = signed.filter((_, k) => k % 10 === 0);
    for (const credential of sample) {
      const result = await vc.verifyCredential({
        credential,
        suite,
        documentLoader: world.documentLoader,
        now: new Date('2026-01-01T00:00:00Z'),
        checkStatus: async () => ({ verified: true }),
      });
      expect({
        id: credential.id,
        verified: result.verified,
        error: result.error?.errors?.[0]?.message ?? result.error?.message,
      }).toEqual({
        id: credential.id,
        verified: true,
        error: undefined,
      });
    }
    expect(sample.length).toBeGreaterThan(20);
  }, 600_000);

  it('signs an award whose evidence repeats one URL with a proof that verifies (defect 1)', async () => {
    const signer = await world.signer();
    const batch = new BatchCredentialSigner({
      signer,
      documentLoader: world.documentLoader,
      created: CREATED,
    });
    // The first award sets the shape's template; the second substitutes the same URL into both items.
    await batch.sign(
      world.credentialFor(40, { evidence: [{ id: `${BASE}/evidence/a` }, { id: `${BASE}/evidence/b` }] }),
    );
    const credential = world.credentialFor(41, {
      evidence: [{ id: `${BASE}/evidence/same` }, { id: `${BASE}/evidence/same` }],
    });
    const fast = await batch.sign(credential);
    expect(batch.stats.templated).toBe(2);
    expect(JSON.stringify(fast)).toBe(
      JSON.stringify(
        await signCredential(credential, { signer, documentLoader: world.documentLoader, created: CREATED }),
      ),
    );
    const result = await vc.verifyCredential({
      credential: fast,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: world.documentLoader,
      checkStatus: async () => ({ verified: true }),
    });
    expect(result.verified).toBe(true);
  });

  it.each([
    [
      'an invalid punycode evidence host',
      { evidence: [{ id: 'https://xn--a.com/e', type: ['Evidence'] }] },
      '"evidence" must be a URI',
    ],
    [
      'an evidence port above 65535',
      { evidence: [{ id: 'https://a.example:70000/e', type: ['Evidence'] }] },
      '"evidence" must be a URI',
    ],
    [
      'an invalid punycode status host',
      {
        credentialStatus: {
          ...STATUS,
          id: 'https://xn--a.com/list#3',
          statusListCredential: 'https://xn--a.com/list',
        },
      },
      '"credentialStatus.id" must be a URI',
    ],
    [
      'a status port above 65535',
      {
        credentialStatus: {
          ...STATUS,
          id: 'https://a.example:65536/list#3',
          statusListCredential: 'https://a.example:65536/list',
        },
      },
      '"credentialStatus.id" must be a URI',
    ],
  ])('refuses %s as the reference path does (defect 1)', async (_, members, message) => {
    const signer = await world.signer();
    const batch = new BatchCredentialSigner({
      signer,
      documentLoader: world.documentLoader,
      created: CREATED,
    });
    await batch.sign(world.credentialFor(50)); // a template of this shape exists
    // Past the builder (which refuses these too): the signers' own rule is under test.
    const credential = { ...world.credentialFor(51), ...members } as unknown as UnsignedCredential;
    await expect(
      signCredential(credential, { signer, documentLoader: world.documentLoader, created: CREATED }),
    ).rejects.toThrow(message);
    await expect(batch.sign(credential)).rejects.toThrow(message);
  });
});

describe('the credential builder refuses the URLs the signers refuse, naming the field', () => {
  it.each([
    ['evidence.id', { evidence: [{ id: 'https://xn--a.com/e' }] }],
    ['evidence.id', { evidence: [{ id: 'https://a.example:65536/e' }] }],
    [
      'credentialStatus.statusListCredential',
      { credentialStatus: { statusListCredential: 'https://a.example:99999/l', statusListIndex: 1 } },
    ],
    ['award.id', { id: 'https://xn--a.com/credentials/1' }],
  ])('%s', async (field, overrides) => {
    const world = await createWorld();
    expect(() => world.credentialFor(1, overrides)).toThrow(
      expect.objectContaining({ code: 'OPENBADGES.INVALID_CREDENTIAL_INPUT', details: { field } }),
    );
  });
});
