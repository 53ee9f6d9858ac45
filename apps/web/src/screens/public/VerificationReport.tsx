// The outcome of a verification in words: verified or not, then each check, passed or failed,
// with what it means and the verifier's detail. Announced when it appears.
import { useTranslation } from 'react-i18next';
import type { VerificationResult } from './credential-document';

const KNOWN_CHECKS = ['schema', 'dates', 'issuerKey', 'proof', 'status', 'credentials'];

export function VerificationReport({ result }: { result: VerificationResult }) {
  const { t } = useTranslation('public');
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
            {check.detail && <span className="check-detail"> — {check.detail}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
