// The organization's partnerships and proposals, either side: the side proposed to accepts or
// declines (with a message), the proposing side may withdraw an unanswered proposal.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../graphql/errors';
import { useCurrentOrganization } from '../../app/current-organization';
import { PARTNERSHIPS } from './shared/marketplace-documents';
import { Respond, Withdraw } from './shared/PartnershipActions';
import { PartnershipDirection, PartnershipState } from '../../graphql/generated/graphql';
import './shared/marketplace.css';

const STATES: string[] = Object.values(PartnershipState);
const DIRECTIONS: string[] = [PartnershipDirection.ProposedToUs, PartnershipDirection.ProposedByUs];

export function Component() {
  const { t, i18n } = useTranslation('marketplace');
  const { current } = useCurrentOrganization();
  const organizationId = current?.organization.id ?? '';
  const [params, setParams] = useSearchParams();
  // /partnerships/:id (the link in a proposal's notification): that one partnership, with its actions.
  const { id: only } = useParams();
  const direction = DIRECTIONS.includes(params.get('direction') ?? '')
    ? (params.get('direction') as PartnershipDirection)
    : null;
  const state = STATES.includes(params.get('state') ?? '') ? (params.get('state') as PartnershipState) : null;
  const { data, loading, error } = useQuery(PARTNERSHIPS, {
    variables: { organizationId, filter: { direction, state } },
    skip: !organizationId,
    fetchPolicy: 'cache-and-network',
  });
  const all = data?.partnerships.edges.map((e) => e.node) ?? [];
  const items = only ? all.filter((p) => p.id === only) : all;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const directionId = useId();
  const stateId = useId();
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Page title={only ? (items[0]?.need.title ?? t('partnerships.one')) : t('partnerships.title')}>
      {only && (
        <p className="toolbar">
          <Link to="/partnerships">{t('partnerships.allLink')}</Link>
        </p>
      )}
      <div className="toolbar" hidden={Boolean(only)}>
        <div className="field">
          <label htmlFor={directionId}>{t('partnerships.direction')}</label>
          <select
            id={directionId}
            value={direction ?? ''}
            onChange={(event) => setFilter('direction', event.target.value)}
          >
            <option value="">{t('partnerships.all')}</option>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`partnerships.directions.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={stateId}>{t('partnerships.state')}</label>
          <select
            id={stateId}
            value={state ?? ''}
            onChange={(event) => setFilter('state', event.target.value)}
          >
            <option value="">{t('partnerships.all')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`partnershipStates.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormError>{error && errorText(t, error)}</FormError>
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : items.length === 0 ? (
        <p>
          {only
            ? t('partnerships.notFound', { organization: current?.organization.name ?? '' })
            : t('partnerships.empty')}
        </p>
      ) : (
        <ul className="cards" aria-label={t('partnerships.listLabel')}>
          {items.map((p) => {
            const ours = p.proposedBy.id === organizationId;
            const counterpart = p.employer.id === organizationId ? p.institution.name : p.employer.name;
            return (
              <li key={p.id} className="card" data-testid="partnership">
                <div className="card-heading" id={`partnership-${p.id}`} tabIndex={-1}>
                  <h2>{p.need.title}</h2>
                  <span className={`status status-${p.state.toLowerCase()}`}>
                    {t(`partnershipStates.${p.state}`)}
                  </span>
                </div>
                <p className="meta">
                  {ours
                    ? t('partnerships.proposedTo', { name: counterpart })
                    : t('partnerships.proposedBy', { name: counterpart })}{' '}
                  · <time dateTime={p.createdAt}>{date.format(new Date(p.createdAt))}</time>
                </p>
                {p.message && (
                  <blockquote className="message">
                    <p>{p.message}</p>
                  </blockquote>
                )}
                {p.responseMessage && (
                  <p>
                    <strong>{t('partnerships.response')}</strong> {p.responseMessage}
                  </p>
                )}
                {p.state === 'ACCEPTED' && p.institution.id === organizationId && (
                  // The institution designs the credential the need asks for, starting from the need.
                  <p>
                    <Link
                      className="button button-primary"
                      to={`/designs?partnership=${p.id}#new-design`}
                      aria-label={t('partnerships.startDesignFor', { title: p.need.title })}
                    >
                      {t('partnerships.startDesign')}
                    </Link>
                  </p>
                )}
                {p.state === 'PROPOSED' &&
                  (ours ? (
                    <Withdraw partnership={p} counterpart={counterpart} />
                  ) : (
                    <Respond partnership={p} counterpart={counterpart} />
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
