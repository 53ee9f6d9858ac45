// The API's refusal of an action that belongs to no form field, in words (errors.json), announced.
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../graphql/errors';

export function ErrorNotice({ error, fallback }: { error: unknown; fallback?: string }) {
  const { t } = useTranslation('codev');
  const text = error ? errorText(t, error) : fallback;
  return <FormError>{text}</FormError>;
}
