// A verification check in the reader's language, from the verifier's code and parameters: the
// English detail is shown only for a code this app does not know (and, folded away, as the
// technical detail of failures whose cause a developer may want to read).
import type { TFunction } from 'i18next';
import type { VerificationCheck } from './credential-document';

export const KNOWN_CHECKS = ['schema', 'dates', 'issuerKey', 'proof', 'status', 'credentials'];
// The reasons this app words itself (the verifier's codes); others keep the verifier's English detail.
export const KNOWN_CODES = [
  'NOT_A_JSON_OBJECT',
  'NO_EMBEDDED_CREDENTIAL',
  'EMBEDDED_CREDENTIALS_FAIL',
  'NOT_AN_OPEN_BADGE',
  'NO_SCHEMA_VALIDATOR',
  'VALID_FROM_MISSING',
  'NOT_YET_VALID',
  'VALID_UNTIL_INVALID',
  'EXPIRED',
  'NO_PROOF',
  'NO_VERIFICATION_METHOD',
  'KEY_NOT_ISSUERS',
  'KEY_UNRESOLVED',
  'KEY_NOT_MULTIKEY',
  'KEY_REVOKED',
  'KEY_NOT_ASSERTION',
  'PROOF_INVALID',
  'NO_STATUS',
  'STATUS_TYPE_UNSUPPORTED',
  'STATUS_MALFORMED',
  'NO_STATUS_RESOLVER',
  'STATUS_LIST_NOT_FOUND',
  'SUSPENDED',
  'REVOKED',
  'STATUS_UNCHECKED',
  'SCHEMA_INVALID',
];
/** Codes whose English detail carries a cause worth keeping (the library's own message, the schema's words). */
const TECHNICAL_CODES = [
  'PROOF_INVALID',
  'KEY_UNRESOLVED',
  'STATUS_UNCHECKED',
  'SCHEMA_INVALID',
  'EMBEDDED_CREDENTIALS_FAIL',
];
const SCHEMA_PROBLEMS = ['MISSING', 'WRONG_TYPE', 'BAD_FORMAT', 'NOT_ALLOWED', 'TOO_FEW', 'INVALID'];

interface SchemaProblem {
  code: string;
  path: string;
  property?: string;
}
const isProblem = (value: unknown): value is SchemaProblem =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as SchemaProblem).code === 'string' &&
  typeof (value as SchemaProblem).path === 'string';

/** One schema problem in words: where (a JSON pointer, the missing property included) and what. */
export function schemaProblemText(t: TFunction, problem: SchemaProblem): string {
  const where = problem.property ? `${problem.path.replace(/\/$/, '')}/${problem.property}` : problem.path;
  const code = SCHEMA_PROBLEMS.includes(problem.code) ? problem.code : 'INVALID';
  return t(`verification.schemaProblems.${code}`, { where });
}

/** The check's reason in the reader's language, or null when it has none (it passed). */
export function checkDetail(t: TFunction, check: VerificationCheck, language: string): string | null {
  if (!check.code || !KNOWN_CODES.includes(check.code)) return check.detail;
  const params = check.params ?? {};
  const date = (value: unknown) => {
    const parsed = typeof value === 'string' ? new Date(value) : null;
    return parsed && !Number.isNaN(parsed.getTime())
      ? new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(parsed)
      : String(value ?? '');
  };
  const problems = Array.isArray(params['problems']) ? params['problems'].filter(isProblem) : null;
  // A verifier that gives no problem codes: its English errors, as before.
  const errors = problems
    ? problems.map((p) => schemaProblemText(t, p)).join(t('verification.listSeparator'))
    : Array.isArray(params['errors'])
      ? params['errors'].join('; ')
      : '';
  return t(`verification.codes.${check.code}`, {
    validFrom: date(params['validFrom']),
    validUntil: date(params['validUntil']),
    revoked: date(params['revoked']),
    key: String(params['key'] ?? ''),
    issuer: String(params['issuer'] ?? ''),
    type: String(params['type'] ?? ''),
    url: String(params['url'] ?? ''),
    count: typeof params['count'] === 'number' ? params['count'] : 0,
    errors,
  });
}

/** The verifier's own English words, kept as a technical detail for the failures where they say more. */
export function technicalDetail(check: VerificationCheck): string | null {
  if (check.passed || !check.detail || !check.code || !KNOWN_CODES.includes(check.code)) return null;
  return TECHNICAL_CODES.includes(check.code) ? check.detail : null;
}
