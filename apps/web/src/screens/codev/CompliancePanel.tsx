// The live compliance panel: the design checked against its framework (or another one chosen
// here), rule by rule with the reason. Saves refetch it (refetchQueries: COMPLIANCE).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';

import { COMPLIANCE, FRAMEWORKS, type DesignDetail } from './documents';
import { reasonText, ruleLabel } from './compliance-text';
import { ErrorNotice } from './ErrorNotice';

export function CompliancePanel({ design }: { design: DesignDetail }) {
  const { t, i18n } = useTranslation('codev');
  const selectId = useId();
  const [frameworkId, setFrameworkId] = useState('');
  const frameworks = useQuery(FRAMEWORKS);
  const chosen = frameworkId || design.framework.id;
  const { data, error, loading } = useQuery(COMPLIANCE, {
    variables: { id: design.id, frameworkId: chosen },
  });
  const report = data?.credentialDesign?.compliance;
  return (
    <section className="panel" aria-labelledby="compliance-title">
      <h2 id="compliance-title">{t('compliance.title')}</h2>
      <div className="field">
        <label htmlFor={selectId}>{t('compliance.framework')}</label>
        <select id={selectId} value={chosen} onChange={(event) => setFrameworkId(event.target.value)}>
          {(frameworks.data?.frameworks ?? [design.framework]).map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} ({f.version})
              {f.id === design.framework.id ? ` — ${t('compliance.designsFramework')}` : ''}
            </option>
          ))}
        </select>
      </div>
      <ErrorNotice error={error} />
      {loading && !report ? (
        <p>{t('common:loading')}</p>
      ) : report ? (
        <>
          <p
            role="status"
            data-testid="compliance-result"
            className={report.passed ? 'status-pass' : 'status-fail'}
          >
            {report.passed
              ? t('compliance.passed', { framework: report.framework.name })
              : t('compliance.failed', {
                  framework: report.framework.name,
                  count: report.rules.filter((r) => r.status === 'FAIL').length,
                })}
          </p>
          <ul className="rules" aria-label={t('compliance.rules')}>
            {report.rules.map((rule) => (
              <li key={rule.id}>
                <p>
                  <span className={`status-${rule.status.toLowerCase()}`}>
                    {t(`compliance.status.${rule.status}`)}
                  </span>{' '}
                  — {ruleLabel(t, report.framework.key, rule)}
                </p>
                <p className="reason">{reasonText(t, rule, i18n.language)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
