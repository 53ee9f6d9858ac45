// What the catalogue's result list and a credential's public page both say about an entry, in
// the reader's language: issuer, region, hours, delivery mode, language, price, credit.
import { useTranslation } from 'react-i18next';
import type { CatalogueEntryFieldsFragment } from '../../graphql/generated/graphql';
import { useRegions } from '../marketplace/shared/marketplace-documents';

export function useEntryFacts(entry: CatalogueEntryFieldsFragment): string[] {
  const { t, i18n } = useTranslation('catalogue');
  const regions = useRegions();
  const money = new Intl.NumberFormat(i18n.language, {
    style: 'currency',
    currency: 'CAD',
    maximumFractionDigits: 0,
  });
  return [
    entry.issuerName,
    entry.issuerRegion ? regions.name(entry.issuerRegion) : null,
    entry.hours !== null && entry.hours !== undefined ? t('hours', { count: entry.hours }) : null,
    entry.deliveryMode ? t(`values.DELIVERY_MODE.${entry.deliveryMode}`) : null,
    t(`values.LANGUAGE.${entry.language}`),
    entry.price !== null && entry.price !== undefined
      ? entry.price === 0
        ? t('free')
        : money.format(entry.price)
      : null,
    entry.credit ? t('creditBearing') : null,
    entry.transcriptable ? t('transcriptable') : null,
  ].filter((fact): fact is string => Boolean(fact));
}
