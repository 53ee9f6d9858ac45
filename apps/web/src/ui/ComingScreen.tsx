import { useTranslation } from 'react-i18next';
import { Coming } from './Coming';

/** The route component for a placeholder screen (see coming() in app/routes.tsx). */
export function comingScreen(titleKey: string) {
  return function ComingScreen() {
    const { t } = useTranslation();
    return <Coming title={t(titleKey)} />;
  };
}
