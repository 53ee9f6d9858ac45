// A credential's public page in the catalogue, no account needed: what it is (issuer, hours,
// delivery, language, price, credit), the pathways it counts toward (and those it leads to), and
// the institutions that recognize it, toward a pathway or for credit.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/Page';
import { ApiErrorNotice, useDate } from '../trust/trust-ui';
import { CATALOGUE_CREDENTIAL } from './documents';
import { useEntryFacts } from './catalogue-ui';
import type { CatalogueCredentialQuery } from '../../graphql/generated/graphql';

type Entry = NonNullable<CatalogueCredentialQuery['catalogueEntry']>;

function Facts({ entry }: { entry: Entry }) {
  const facts = useEntryFacts(entry);
  return (
    <p className="meta" data-testid="credential-facts">
      {facts.join(' · ')}
    </p>
  );
}

export function Component() {
  const { t } = useTranslation('catalogue');
  const date = useDate();
  const { id = '' } = useParams();
  const valid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const { data, loading, error } = useQuery(CATALOGUE_CREDENTIAL, { variables: { id }, skip: !valid });
  const entry = data?.catalogueEntry;
  if (!valid || (data && !entry)) {
    return (
      <Page title={t('page.notFound')}>
        <p>{t('page.notFoundIntro')}</p>
        <Link to="/public/catalogue">{t('page.back')}</Link>
      </Page>
    );
  }
  if (!entry) {
    return (
      <Page title={t('title')}>
        <ApiErrorNotice error={error} />
        {loading && <p>{t('common:loading')}</p>}
      </Page>
    );
  }
  const pathways = data?.pathways ?? [];
  const countsToward = pathways.filter((p) => p.steps.some((s) => s.credential.id === entry.credential.id));
  const leadsFrom = pathways.filter((p) => p.target?.id === entry.credential.id);
  const recognitions = data?.recognitions ?? [];
  return (
    <Page title={entry.credential.title}>
      <Facts entry={entry} />
      {entry.retired && <p className="notice notice-warning">{t('page.retired')}</p>}
      {entry.description && <p>{entry.description}</p>}
      <p className="meta">{t('page.published', { date: date(entry.publishedAt) })}</p>

      <section aria-labelledby="pathways-title" data-testid="credential-pathways">
        <h2 id="pathways-title">{t('page.countsToward')}</h2>
        {countsToward.length === 0 ? (
          <p>{t('page.noPathways')}</p>
        ) : (
          <ul className="link-list">
            {countsToward.map((pathway) => (
              <li key={pathway.id}>
                <strong>{pathway.title}</strong>
                {pathway.ownerName && <> — {pathway.ownerName}</>}
                <div className="meta">
                  {t(pathway.rule === 'ALL_OF' ? 'page.allOf' : 'page.nOf', {
                    count: pathway.steps.length,
                    required: pathway.requiredCount,
                  })}{' '}
                  {pathway.target && (
                    <>
                      {t('page.leadsTo')}{' '}
                      <Link to={`/public/catalogue/${pathway.target.id}`}>{pathway.target.title}</Link>
                    </>
                  )}
                </div>
                <ol>
                  {pathway.steps.map((step) => (
                    <li key={step.position}>
                      {step.credential.id === entry.credential.id ? (
                        <span aria-current="page">{step.credential.title}</span>
                      ) : (
                        <Link to={`/public/catalogue/${step.credential.id}`}>{step.credential.title}</Link>
                      )}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        )}
        {leadsFrom.length > 0 && (
          <>
            <h3>{t('page.earnedThrough')}</h3>
            <ul className="link-list">
              {leadsFrom.map((pathway) => (
                <li key={pathway.id}>
                  {pathway.title} — {t('page.steps', { count: pathway.steps.length })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="recognitions-title" data-testid="credential-recognitions">
        <h2 id="recognitions-title">{t('page.recognizedBy')}</h2>
        {recognitions.length === 0 ? (
          <p>{t('page.noRecognitions')}</p>
        ) : (
          <ul className="link-list">
            {recognitions.map((recognition) => (
              <li key={recognition.id}>
                <strong>{recognition.institutionName ?? t('page.anInstitution')}</strong>
                {recognition.pathway && (
                  <> — {t('page.towardPathway', { title: recognition.pathway.title })}</>
                )}
                {recognition.creditAmount !== null && recognition.creditAmount !== undefined && (
                  <>
                    {' '}
                    —{' '}
                    {t('page.credit', {
                      amount: recognition.creditAmount,
                      unit: recognition.creditUnit ?? '',
                    })}
                  </>
                )}
                {recognition.conditions && <div className="meta">{recognition.conditions}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to="/public/catalogue">{t('page.back')}</Link>
      </p>
    </Page>
  );
}
