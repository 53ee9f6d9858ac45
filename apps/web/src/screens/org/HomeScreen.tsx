import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../ui/Page';
import { useCurrentOrganization } from '../../app/current-organization';
import { UnverifiedEmailNotice } from '../auth/UnverifiedEmailNotice';

export function Component() {
  const { t } = useTranslation('org');
  const { me, current, loading } = useCurrentOrganization();
  if (loading && !me) return <p>{t('common:loading')}</p>;
  return (
    <Page title={t('home.title', { name: me?.name ?? '' })}>
      {me && !me.emailVerified && <UnverifiedEmailNotice email={me.email} />}
      {current ? (
        <p data-testid="current-organization">{t('home.workingAs', { organization: current.organization.name, role: t(`roles.${current.role}`) })}</p>
      ) : (
        <p>{t('home.noOrganization')}</p>
      )}
      <ul className="link-list">
        <li>
          <Link to="/organizations/new">{t('home.create')}</Link>
        </li>
        {current && (
          <li>
            <Link to="/organizations/invite">{t('home.invite')}</Link>
          </li>
        )}
        {current && current.organization.kind !== 'UMBRELLA' && (
          <li>
            <Link to="/organizations/join-umbrella">{t('home.joinUmbrella')}</Link>
          </li>
        )}
        <li>
          <Link to="/inbox">{t('home.inbox')}</Link>
        </li>
      </ul>
    </Page>
  );
}
