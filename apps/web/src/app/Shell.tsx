// The frame around every screen: skip link, header (product, navigation, organization switcher,
// language, inbox count, user menu), the main landmark the skip link targets, and a footer.
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { UNREAD_COUNT } from '../graphql/documents';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { screens } from './routes';
import { sessionStore, useSession } from './session';
import { useCurrentOrganization } from './current-organization';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="header-control">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => void setLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`shell.languageName.${lang}`, { lng: lang })}
          </option>
        ))}
      </select>
    </div>
  );
}

function OrganizationSwitch() {
  const { t } = useTranslation();
  const { me, current } = useCurrentOrganization();
  const id = useId();
  if (!me || me.memberships.length === 0)
    return <Link to="/organizations/new">{t('shell.createOrganization')}</Link>;
  return (
    <div className="header-control">
      <label htmlFor={id}>{t('shell.organization')}</label>
      <select
        id={id}
        value={current?.organization.id}
        onChange={(event) => sessionStore.switchOrganization(event.target.value)}
      >
        {me.memberships.map((m) => (
          <option key={m.organization.id} value={m.organization.id}>
            {m.organization.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function InboxBadge() {
  const { t } = useTranslation();
  const { data } = useQuery(UNREAD_COUNT, { pollInterval: 30_000 });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <NavLink to="/inbox" className="inbox-link">
      {t('shell.inbox')}
      <span className="badge" data-testid="unread-count">
        {count}
      </span>
      <span className="visually-hidden">{t('shell.unread', { count })}</span>
    </NavLink>
  );
}

// The user menu (react-aria's menu) loads when first opened: until then a plain button with the
// same name stands in, which keeps react-aria out of the first page's bundle.
const UserMenu = lazy(() => import('./UserMenu'));

function UserMenuButton() {
  const { t } = useTranslation();
  const { me } = useCurrentOrganization();
  const [wanted, setWanted] = useState(false);
  const placeholder = (
    <button
      type="button"
      className="button button-secondary"
      aria-label={t('shell.userMenu', { name: me?.name ?? '' })}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={() => setWanted(true)}
    >
      {me?.name ?? '…'} ▾
    </button>
  );
  if (!wanted) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <UserMenu defaultOpen />
    </Suspense>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const { current } = useCurrentOrganization();
  const kind = current?.organization.kind;
  // On a phone the navigation and the header's tools fold behind "Menu"; going somewhere folds them again.
  // (Open on the page where it was opened: a new path closes it.)
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === pathname;
  const menuId = useId();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          Lattice
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setOpenOn(menuOpen ? null : pathname)}
        >
          {t('shell.menu')}
        </button>
        <div id={menuId} className={`header-menu${menuOpen ? ' header-menu-open' : ''}`}>
          {signedIn && (
            <nav aria-label={t('shell.navigation')}>
              <ul>
                {screens
                  .filter((s) => s.nav && (!s.navKinds || (kind !== undefined && s.navKinds.includes(kind))))
                  .map((s) => (
                    <li key={s.path}>
                      <NavLink to={s.path}>{t(s.nav!)}</NavLink>
                    </li>
                  ))}
              </ul>
            </nav>
          )}
          <div className="header-tools">
            {signedIn && <OrganizationSwitch />}
            <LanguageSwitch />
            {signedIn && <InboxBadge />}
            {signedIn ? <UserMenuButton /> : <Link to="/log-in">{t('shell.logIn')}</Link>}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p>{t('loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </>
  );
}
