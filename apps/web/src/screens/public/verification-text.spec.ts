import i18next from 'i18next';
import en from '../../i18n/en/public.json';
import fr from '../../i18n/fr/public.json';
import type { VerificationCheck } from './credential-document';
import { checkDetail, technicalDetail } from './verification-text';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

async function translator(lng: 'en' | 'fr') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { public: en }, fr: { public: fr } },
    defaultNS: 'public',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const schemaFailure: VerificationCheck = {
  name: 'schema',
  passed: false,
  detail:
    '/credentialSubject/achievement must have required property \'criteria\'; /issuer/id must match format "uri"',
  code: 'SCHEMA_INVALID',
  params: {
    errors: [
      "/credentialSubject/achievement must have required property 'criteria'",
      '/issuer/id must match format "uri"',
    ],
    problems: [
      { code: 'MISSING', path: '/credentialSubject/achievement', property: 'criteria' },
      { code: 'BAD_FORMAT', path: '/issuer/id' },
    ],
  },
};

describe('verification checks in the reader’s language', () => {
  it('words schema problems from their codes, not the validator’s English', async () => {
    expect(checkDetail(await translator('en'), schemaFailure, 'en')).toBe(
      'the format is not followed: /credentialSubject/achievement/criteria is missing; /issuer/id is not in the expected format',
    );
    const french = checkDetail(await translator('fr'), schemaFailure, 'fr');
    expect(french).toBe(
      `le format n’est pas respecté${NBSP}: /credentialSubject/achievement/criteria est absent${NNBSP}; /issuer/id n’a pas le format attendu`,
    );
    expect(french).not.toMatch(/must|required|match/);
  });

  it('words a problem at the top level and an unknown problem code', async () => {
    const t = await translator('fr');
    const check: VerificationCheck = {
      name: 'schema',
      passed: false,
      detail: 'id is required',
      code: 'SCHEMA_INVALID',
      params: {
        problems: [
          { code: 'MISSING', path: '/', property: 'id' },
          { code: 'SOMETHING_NEW', path: '/x' },
        ],
      },
    };
    expect(checkDetail(t, check, 'fr')).toBe(
      `le format n’est pas respecté${NBSP}: /id est absent${NNBSP}; /x ne suit pas le format`,
    );
  });

  it('keeps the English errors from a verifier that gives no problem codes', async () => {
    const { problems: _problems, ...params } = schemaFailure.params!;
    expect(checkDetail(await translator('en'), { ...schemaFailure, params }, 'en')).toBe(
      `the format is not followed: ${schemaFailure.detail}`,
    );
  });

  it('words dates and keys in French, and counts', async () => {
    const t = await translator('fr');
    expect(
      checkDetail(
        t,
        {
          name: 'dates',
          passed: false,
          detail: 'Expired at 2025-06-30T00:00:00Z.',
          code: 'EXPIRED',
          params: { validUntil: '2025-06-30T00:00:00Z' },
        },
        'fr',
      ),
    ).toBe('expiré le 30 juin 2025');
    expect(
      checkDetail(
        t,
        { name: 'proof', passed: false, detail: 'Invalid signature.', code: 'PROOF_INVALID', params: {} },
        'fr',
      ),
    ).toBe('la signature ne correspond pas au contenu');
    expect(
      checkDetail(
        t,
        {
          name: 'credentials',
          passed: false,
          detail: 'credential 0: proof',
          code: 'EMBEDDED_CREDENTIALS_FAIL',
          params: { count: 2 },
        },
        'fr',
      ),
    ).toMatch(/^2 /);
  });

  it('shows the verifier’s English only for an unknown code, or folded away as a technical detail', async () => {
    const t = await translator('fr');
    expect(
      checkDetail(
        t,
        { name: 'proof', passed: false, detail: 'Something new.', code: 'NEW_CODE', params: {} },
        'fr',
      ),
    ).toBe('Something new.');
    expect(
      technicalDetail({
        name: 'proof',
        passed: false,
        detail: 'Invalid signature.',
        code: 'PROOF_INVALID',
        params: {},
      }),
    ).toBe('Invalid signature.');
    expect(technicalDetail(schemaFailure)).toBe(schemaFailure.detail);
    // Nothing more to say: the code says it all, or the check passed.
    expect(
      technicalDetail({
        name: 'status',
        passed: false,
        detail: 'The credential has been revoked.',
        code: 'REVOKED',
        params: {},
      }),
    ).toBeNull();
    expect(technicalDetail({ name: 'proof', passed: true, detail: null })).toBeNull();
  });
});
