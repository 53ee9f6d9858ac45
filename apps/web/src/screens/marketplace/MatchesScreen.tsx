// Institutions ranked for one of the employer's needs, each score with every reason behind it;
// small institutions are marked; the employer proposes a partnership to any of them.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../graphql/errors';
import { useCurrentOrganization } from '../../app/current-organization';
import { PARTNERSHIPS, SKILL_NEED, useRegions } from './shared/marketplace-documents';
import { RankedMatch } from './shared/MatchReasons';
import './shared/marketplace.css';

const PARTNER_MATCHES = graphql(`
  query PartnerMatches($needId: ID!) {
    partnerMatches(needId: $needId, first: 10) {
      score
      institution {
        id
        name
        size
        region
      }
      reasons {
        kind
        weight
        detail
        code
        params
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation('marketplace');
  const { id = '' } = useParams();
  const { current } = useCurrentOrganization();
  const organizationId = current?.organization.id ?? '';
  const need = useQuery(SKILL_NEED, { variables: { id } });
  const matches = useQuery(PARTNER_MATCHES, { variables: { needId: id }, fetchPolicy: 'cache-and-network' });
  const partnerships = useQuery(PARTNERSHIPS, {
    variables: { organizationId, filter: {} },
    skip: !organizationId,
    fetchPolicy: 'cache-and-network',
  });
  const regions = useRegions();
  const title = need.data?.skillNeed?.title ?? '';
  const proposed = new Map(
    (partnerships.data?.partnerships.edges ?? [])
      .map((e) => e.node)
      .filter((p) => p.need.id === id && (p.state === 'PROPOSED' || p.state === 'ACCEPTED'))
      .map((p) => [p.institution.id, p] as const),
  );
  const failure = need.error ?? matches.error;
  const list = matches.data?.partnerMatches ?? [];

  return (
    <Page title={t('matches.title', { title })}>
      <p className="toolbar">
        <Link to="/needs">{t('needForm.back')}</Link>
        <Link to={`/needs/${id}`}>{t('matches.editNeed')}</Link>
        <Link to="/partnerships">{t('partnerships.link')}</Link>
      </p>
      <p>{t('matches.intro')}</p>
      <FormError>{failure && errorText(t, failure)}</FormError>
      {matches.loading && !matches.data ? (
        <p>{t('common:loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('matches.empty')}</p>
      ) : (
        <ol className="cards ranked" aria-label={t('matches.listLabel')}>
          {list.map((match, index) => (
            <RankedMatch
              key={match.institution.id}
              id={match.institution.id}
              rank={index + 1}
              title={match.institution.name}
              heading="h2"
              small={match.institution.size === 'SMALL'}
              score={match.score}
              reasons={match.reasons}
              reasonsLabel={t('matches.reasonsFor', { name: match.institution.name })}
              already={proposed.get(match.institution.id)}
              organizationId={organizationId}
              proposal={{
                needId: id,
                institutionId: match.institution.id,
                partnerName: match.institution.name,
                onProposed: () => void partnerships.refetch(),
              }}
            >
              <p className="meta">
                {t('matches.institutionMeta', {
                  size: t(`sizes.${match.institution.size}`),
                  region: regions.name(match.institution.region),
                })}
              </p>
            </RankedMatch>
          ))}
        </ol>
      )}
    </Page>
  );
}
