// Published credentials for signed-in people: who issues each, how many standing endorsements it
// has, whether an umbrella shares it; each opens its detail (endorse, sponsor, adopt).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/Page';
import { CREDENTIALS } from './documents';
import { ApiErrorNotice, useDate } from './trust-ui';

export function Component() {
  const { t } = useTranslation('trust');
  const date = useDate();
  const { data, loading, error } = useQuery(CREDENTIALS, { variables: {} });
  const credentials = data?.credentials.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('credentials.title')}>
      <p>{t('credentials.intro')}</p>
      <ApiErrorNotice error={error} />
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : credentials.length === 0 ? (
        <p>{t('credentials.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('credentials.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('credentials.credential')}</th>
              <th scope="col">{t('credentials.issuer')}</th>
              <th scope="col">{t('credentials.published')}</th>
              <th scope="col">{t('credentials.endorsements')}</th>
              <th scope="col">{t('credentials.sharedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {credentials.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/catalogue/${c.id}`}>{c.title}</Link>
                </td>
                <td>{c.issuer.name}</td>
                <td>{date(c.publishedAt)}</td>
                <td>{c.endorsements.filter((e) => !e.withdrawnAt).length}</td>
                <td>{c.sponsorships.map((s) => s.umbrella.name).join(', ') || t('credentials.notShared')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
