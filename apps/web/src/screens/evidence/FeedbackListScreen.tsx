// /feedback — the learner's awards as evidence knows them, and whether each survey is answered.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/Page';
import { ApiErrorNotice, useDate } from '../trust/trust-ui';
import { MY_FEEDBACK_REQUESTS } from './documents';

export function Component() {
  const { t } = useTranslation('evidence');
  const date = useDate();
  const { data, loading, error } = useQuery(MY_FEEDBACK_REQUESTS);
  const requests = data?.myFeedbackRequests ?? [];
  return (
    <Page title={t('feedback.listTitle')}>
      <p>{t('feedback.listIntro')}</p>
      <p>
        <Link to="/privacy">{t('privacy.link')}</Link>
      </p>
      <ApiErrorNotice error={error} />
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : requests.length === 0 ? (
        <p>{t('feedback.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('feedback.listTitle')}>
          <table className="table">
            <caption className="visually-hidden">{t('feedback.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('feedback.credential')}</th>
                <th scope="col">{t('feedback.issuedAt')}</th>
                <th scope="col">{t('feedback.status')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.awardId} data-testid="feedback-request">
                  <td>
                    <Link to={`/feedback/${r.awardId}`}>{r.credentialTitle ?? t('feedback.untitled')}</Link>
                  </td>
                  <td>{date(r.issuedAt)}</td>
                  <td>
                    {r.revoked
                      ? t('feedback.statusRevoked')
                      : r.answered
                        ? t('feedback.statusAnswered')
                        : t('feedback.statusOpen')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
