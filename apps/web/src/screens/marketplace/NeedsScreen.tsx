// An employer's skill needs: status, skills, region; post a new one, edit one, see who fits it.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { skillLabel } from '../../ui/SkillPicker';
import { errorText } from '../../graphql/errors';
import { useCurrentOrganization } from '../../app/current-organization';
import { useRegions } from './shared/marketplace-documents';
import './shared/marketplace.css';

export const ORGANIZATION_NEEDS = graphql(`
  query OrganizationNeeds($organizationId: ID!) {
    skillNeeds(filter: { organizationId: $organizationId }, first: 50) {
      edges {
        node {
          ...NeedSummaryFields
        }
      }
    }
  }
`);

export function Component() {
  const { t, i18n } = useTranslation('marketplace');
  const { current, loading: loadingOrg } = useCurrentOrganization();
  const organization = current?.organization;
  const isEmployer = organization?.kind === 'EMPLOYER';
  const { data, loading, error } = useQuery(ORGANIZATION_NEEDS, {
    variables: { organizationId: organization?.id ?? '' },
    skip: !isEmployer,
    fetchPolicy: 'cache-and-network',
  });
  const regions = useRegions();
  const needs = data?.skillNeeds.edges.map((e) => e.node) ?? [];
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <Page
      title={t('needs.title')}
      actions={
        isEmployer && (
          <div className="toolbar">
            <Link to="/partnerships" className="secondary-link">
              {t('partnerships.link')}
            </Link>
            <Link to="/needs/new" className="button button-primary">
              {t('needs.post')}
            </Link>
          </div>
        )
      }
    >
      {!loadingOrg && !isEmployer ? (
        <p>{organization?.kind === 'INSTITUTION' ? t('needs.forInstitutions') : t('needs.employersOnly')}</p>
      ) : (
        <>
          <p>{t('needs.intro', { organization: organization?.name ?? '' })}</p>
          <FormError>{error && errorText(t, error)}</FormError>
          {loading && !data ? (
            <p>{t('common:loading')}</p>
          ) : needs.length === 0 ? (
            <p>{t('needs.empty')}</p>
          ) : (
            <ul className="cards" aria-label={t('needs.listLabel')}>
              {needs.map((need) => (
                <li key={need.id} className="card">
                  <h2>
                    <Link to={`/needs/${need.id}`}>{need.title}</Link>{' '}
                    <span className={`status status-${need.status.toLowerCase()}`}>
                      {t(`needStatus.${need.status}`)}
                    </span>
                  </h2>
                  <dl className="facts">
                    <div>
                      <dt>{t('fields.region')}</dt>
                      <dd>{regions.name(need.region)}</dd>
                    </div>
                    <div>
                      <dt>{t('fields.learnerCount')}</dt>
                      <dd>{need.learnerCount}</dd>
                    </div>
                    {need.neededBy && (
                      <div>
                        <dt>{t('fields.neededBy')}</dt>
                        <dd>{date.format(new Date(`${need.neededBy}T12:00:00`))}</dd>
                      </div>
                    )}
                    <div>
                      <dt>{t('fields.skills')}</dt>
                      <dd>
                        {need.skills
                          .map(
                            (s) =>
                              `${skillLabel(s.skill, i18n.language)} (${t(`common:skillPicker.levels.${s.level}`)})`,
                          )
                          .join(', ')}
                      </dd>
                    </div>
                  </dl>
                  {need.status === 'OPEN' && (
                    <p className="toolbar">
                      <Link to={`/needs/${need.id}/matches`}>
                        {t('needs.matchesFor', { title: need.title })}
                      </Link>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
