// The outcome of a verification in words: verified or not, then each check, passed or failed,
// with what it means and the verifier's detail. Announced when it appears.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { VerificationCheck, VerificationResult } from './credential-document';

const KNOWN_CHECKS = ['schema', 'dates', 'issuerKey', 'proof', 'status', 'credentials'];
// The reasons this app words itself (the verifier's codes); others keep the verifier's English detail.
const KNOWN_CODES = ['NOT_A_JSON_OBJECT', 'NO_EMBEDDED_CREDENTIAL', 'EMBEDDED_CREDENTIALS_FAIL', 'NOT_AN_OPEN_BADGE', 'NO_SCHEMA_VALIDATOR', 'VALID_FROM_MISSING', 'NOT_YET_VALID', 'VALID_UNTIL_INVALID', 'EXPIRED', 'NO_PROOF', 'NO_VERIFICATION_METHOD', 'KEY_NOT_ISSUERS', 'KEY_UNRESOLVED', 'KEY_NOT_MULTIKEY', 'KEY_REVOKED', 'KEY_NOT_ASSERTION', 'PROOF_INVALID', 'NO_STATUS', 'STATUS_TYPE_UNSUPPORTED', 'STATUS_MALFORMED', 'NO_STATUS_RESOLVER', 'STATUS_LIST_NOT_FOUND', 'SUSPENDED', 'REVOKED', 'STATUS_UNCHECKED', 'SCHEMA_INVALID'];

function checkDetail(t: TFunction, check: VerificationCheck, language: string): string | null {
  if (!check.code || !KNOWN_CODES.includes(check.code)) return check.detail;
  const params = check.params ?? {};
  const date = (value: unknown) => {
    const parsed = typeof value === 'string' ? new Date(value) : null;
    return parsed && !Number.isNaN(parsed.getTime()) ? new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(parsed) : String(value ?? '');
  };
  return t(`verification.codes.${check.code}`, {
    validFrom: date(params['validFrom']),
    validUntil: date(params['validUntil']),
    revoked: date(params['revoked']),
    key: String(params['key'] ?? ''),
    issuer: String(params['issuer'] ?? ''),
    type: String(params['type'] ?? ''),
    url: String(params['url'] ?? ''),
    count: typeof params['count'] === 'number' ? params['count'] : 0,
    errors: Array.isArray(params['errors']) ? params['errors'].join('; ') : '',
  });
}

export function VerificationReport({ result }: { result: VerificationResult }) {
  const { t, i18n } = useTranslation('public');
  return (
    <section aria-labelledby="verification-title" className={result.verified ? 'notice notice-success' : 'notice notice-error'} role="status">
      <h2 id="verification-title" className="verification-title">
        {result.verified ? t('verification.verified') : t('verification.notVerified')}
      </h2>
      <ul className="checks" aria-label={t('verification.checks')}>
        {result.checks.map((check) => (
          <li key={check.name} data-testid="verification-check" data-passed={check.passed}>
            <strong>{check.passed ? t('verification.passed') : t('verification.failed')}</strong>
            {t('verification.separator')}
            {KNOWN_CHECKS.includes(check.name) ? t(`verification.check.${check.name}`) : check.name}
            {check.detail && <span className="check-detail"> — {checkDetail(t, check, i18n.language)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
