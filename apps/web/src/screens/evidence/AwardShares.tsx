// A learner's shares of one award: with which employers it is shared (each can be taken back), and
// sharing it with one more, found by name. An employer sees no individual without a share.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { FormError } from '../../ui/FormError';
import { apiErrors, errorMessage } from '../../graphql/errors';
import { useDate } from '../trust/trust-ui';
import { MY_AWARD_SHARES, REVOKE_AWARD_SHARE, SHARE_AWARD, SHARE_ORGANIZATIONS } from './documents';

export function AwardShares({ awardId }: { awardId: string }) {
  const { t } = useTranslation('evidence');
  const date = useDate();
  const id = useId();
  const [search, setSearch] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const shares = useQuery(MY_AWARD_SHARES);
  const organizations = useQuery(SHARE_ORGANIZATIONS, { variables: { search: search.trim() || null } });
  const refetch = { refetchQueries: ['MyAwardShares'], awaitRefetchQueries: true };
  const [share, { loading: sharing }] = useMutation(SHARE_AWARD, refetch);
  const [revoke, { loading: revoking }] = useMutation(REVOKE_AWARD_SHARE, refetch);
  const mine = (shares.data?.myAwardShares ?? []).filter((s) => s.awardId === awardId);
  const options = organizations.data?.organizations.edges.map((e) => e.node) ?? [];
  const fail = (failure: unknown) =>
    setError(
      apiErrors(failure)
        .map((e) => errorMessage(t, e))
        .join(' '),
    );

  return (
    <section aria-labelledby={`${id}-title`} className="evidence-section">
      <h2 id={`${id}-title`}>{t('shares.title')}</h2>
      <p>{t('shares.intro')}</p>
      {mine.length === 0 ? (
        <p>{t('shares.none')}</p>
      ) : (
        <ul data-testid="award-shares">
          {mine.map((s) => (
            <li key={s.organizationId}>
              {t('shares.sharedWith', {
                name: s.organizationName ?? s.organizationId,
                date: date(s.grantedAt),
              })}{' '}
              <Button
                variant="link"
                isDisabled={revoking}
                aria-label={t('shares.revokeFrom', { name: s.organizationName ?? s.organizationId })}
                onPress={() =>
                  void revoke({ variables: { awardId, organizationId: s.organizationId } }).catch(fail)
                }
              >
                {t('shares.revoke')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('shares.search')}</label>
          <input id={`${id}-search`} type="text" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-org`}>{t('shares.organization')}</label>
          <select id={`${id}-org`} value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
            <option value="">{t('shares.choose')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <Button
          variant="secondary"
          isDisabled={!organizationId || sharing}
          onPress={() => {
            setError(null);
            void share({ variables: { awardId, organizationId } }).then(() => setOrganizationId(''), fail);
          }}
        >
          {t('shares.share')}
        </Button>
      </div>
      <FormError>{error}</FormError>
    </section>
  );
}
