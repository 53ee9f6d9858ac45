import { useTranslation } from 'react-i18next';
import { Page } from './Page';

/** A placeholder for a screen not built yet: it says so instead of pretending. */
export function Coming({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <p>{t('coming')}</p>
    </Page>
  );
}
