import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { Page } from '../ui/Page';

/** While the first screen's code loads: the app's frame without a screen yet. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <main id="main" className="page">
      <p role="status">{t('loading')}</p>
    </main>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </Page>
  );
}

/** Anything a screen threw while rendering or loading: say so plainly, offer a way on. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <main id="main" className="page">
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <a href="/">{t('notFound.home')}</a>
    </main>
  );
}
