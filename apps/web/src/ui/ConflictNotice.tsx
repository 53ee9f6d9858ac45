import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import type { FieldChange } from '../graphql/conflict';

/**
 * Shown when a save answers CONFLICT. `changes` comes from changedFields(loaded, refetched);
 * `labels` names each field for people; Reload replaces the form with the server's copy.
 */
export function ConflictNotice({
  changes,
  labels,
  onReload,
}: {
  changes: FieldChange[];
  labels: Record<string, string>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const show = (value: unknown) =>
    value === null || value === undefined || value === ''
      ? '—'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  return (
    <div role="alert" className="notice notice-warning">
      <p>{t('conflict.message')}</p>
      {changes.length > 0 && (
        <dl className="changes">
          {changes.map((change) => (
            <div key={change.field}>
              <dt>{labels[change.field] ?? change.field}</dt>
              <dd>
                <del>{show(change.before)}</del> → <ins>{show(change.after)}</ins>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Button onPress={onReload}>{t('conflict.reload')}</Button>
    </div>
  );
}
