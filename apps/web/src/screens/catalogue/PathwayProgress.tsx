// A learner's progress toward each pathway their standing awards count for, shown in
// My credentials: earned / required, and each step's status in words.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { ApiErrorNotice } from '../trust/trust-ui';
import { MY_PATHWAY_PROGRESS } from './documents';

export function PathwayProgress() {
  const { t } = useTranslation('catalogue');
  const { data, error } = useQuery(MY_PATHWAY_PROGRESS);
  const progress = data?.myPathwayProgress ?? [];
  if (!error && progress.length === 0) return null;
  return (
    <section aria-labelledby="pathway-progress-title">
      <h2 id="pathway-progress-title">{t('progress.title')}</h2>
      <p>{t('progress.intro')}</p>
      <ApiErrorNotice error={error} />
      <ul className="link-list">
        {progress.map((entry) => (
          <li key={entry.pathway.id} className="card" data-testid="pathway-progress">
            <h3>{entry.pathway.title}</h3>
            <p>
              <strong data-testid="pathway-earned">
                {t('progress.earned', { earned: entry.earned, required: entry.required })}
              </strong>
              {entry.complete && <> — {t('progress.complete')}</>}
            </p>
            {entry.pathway.target && (
              <p className="meta">
                <Link to={`/public/catalogue/${entry.pathway.target.id}`}>
                  {t('progress.leadsTo', { title: entry.pathway.target.title })}
                </Link>
              </p>
            )}
            <ol aria-label={t('progress.steps', { title: entry.pathway.title })}>
              {entry.steps.map((step) => (
                <li key={step.credential.id}>
                  <Link to={`/public/catalogue/${step.credential.id}`}>{step.credential.title}</Link>:{' '}
                  {t(`progress.status.${step.status}`)}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}
