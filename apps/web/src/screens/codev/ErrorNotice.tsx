// The API's refusal of an action that belongs to no form field, in words (errors.json), announced.
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui';
import { apiErrors, errorMessage } from '../../graphql/errors';

export function ErrorNotice({ error, fallback }: { error: unknown; fallback?: string }) {
  const { t } = useTranslation('codev');
  const text = error
    ? apiErrors(error)
        .map((e) => errorMessage(t, e))
        .join(' ')
    : fallback;
  return <FormError>{text}</FormError>;
}
