// The outcome of a verification in words: verified or not, then each check, passed or failed,
// with what it means and the verifier's detail. Announced when it appears.
import { useTranslation } from 'react-i18next';
import type { VerificationResult } from './credential-document';
import { checkDetail, KNOWN_CHECKS, technicalDetail } from './verification-text';

export function VerificationReport({ result }: { result: VerificationResult }) {
  const { t, i18n } = useTranslation('public');
  return (
    <section
      aria-labelledby="verification-title"
      className={result.verified ? 'notice notice-success' : 'notice notice-error'}
      role="status"
    >
      <h2 id="verification-title" className="verification-title">
        {result.verified ? t('verification.verified') : t('verification.notVerified')}
      </h2>
      <ul className="checks" aria-label={t('verification.checks')}>
        {result.checks.map((check) => {
          const technical = technicalDetail(check);
          return (
            <li key={check.name} data-testid="verification-check" data-passed={check.passed}>
              <strong>{check.passed ? t('verification.passed') : t('verification.failed')}</strong>
              {t('verification.separator')}
              {KNOWN_CHECKS.includes(check.name) ? t(`verification.check.${check.name}`) : check.name}
              {check.detail && (
                <span className="check-detail"> — {checkDetail(t, check, i18n.language)}</span>
              )}
              {technical && (
                <details className="check-technical">
                  <summary>{t('verification.technical')}</summary>
                  <code lang="en">{technical}</code>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
