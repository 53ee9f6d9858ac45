import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql/generated';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../graphql/errors';
import { EmailMode, type NotificationPreferencesQuery } from '../../graphql/generated/graphql';

type Preference = NotificationPreferencesQuery['notificationPreferences'][number];
const PREFERENCES = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      eventType
      channel
      enabled
      emailMode
      custom
    }
  }
`);
const UPDATE = graphql(`
  mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!) {
    updateNotificationPreferences(input: $input) {
      eventType
      channel
      enabled
      emailMode
      custom
    }
  }
`);

/** One row per event type: shown in the inbox or not, and how e-mail about it arrives. */
interface Row {
  eventType: string;
  inApp: boolean;
  email: EmailMode;
}
function toRows(preferences: Preference[]): Row[] {
  const rows = new Map<string, Row>();
  for (const p of preferences) {
    const row = rows.get(p.eventType) ?? { eventType: p.eventType, inApp: true, email: EmailMode.Immediate };
    if (p.channel === 'IN_APP') row.inApp = p.enabled;
    if (p.channel === 'EMAIL') row.email = p.enabled ? (p.emailMode ?? 'IMMEDIATE') : 'OFF';
    rows.set(p.eventType, row);
  }
  return [...rows.values()];
}

export function Component() {
  const { t } = useTranslation('inbox');
  const { data, loading } = useQuery(PREFERENCES);
  const [update, saving] = useMutation(UPDATE, { refetchQueries: [PREFERENCES] });
  // What the user changed since the last load, over what the server says.
  const [edits, setEdits] = useState<Record<string, Partial<Row>>>({});
  const [saved, setSaved] = useState(false);
  const rows = toRows(data?.notificationPreferences ?? []).map((row) => ({
    ...row,
    ...edits[row.eventType],
  }));
  const change = (eventType: string, patch: Partial<Row>) => {
    setSaved(false);
    setEdits((current) => ({ ...current, [eventType]: { ...current[eventType], ...patch } }));
  };
  const save = async () => {
    const input = rows.flatMap((r) => [
      { eventType: r.eventType, channel: 'IN_APP', enabled: r.inApp },
      { eventType: r.eventType, channel: 'EMAIL', enabled: r.email !== 'OFF', emailMode: r.email },
    ]);
    const result = await update({ variables: { input }, awaitRefetchQueries: true }).catch(() => null);
    if (result?.data) setEdits({});
    setSaved(Boolean(result?.data));
  };
  const label = (eventType: string) =>
    eventType === '*'
      ? t('events.all')
      : t(`events.${eventType.replaceAll('.', '_')}`, { defaultValue: eventType });

  return (
    <Page title={t('preferences.title')}>
      <p>{t('preferences.intro')}</p>
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <table className="table">
            <caption className="visually-hidden">{t('preferences.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('preferences.event')}</th>
                <th scope="col">{t('preferences.inApp')}</th>
                <th scope="col">{t('preferences.email')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.eventType}>
                  <th scope="row">{label(row.eventType)}</th>
                  <td>
                    <input
                      type="checkbox"
                      checked={row.inApp}
                      onChange={(e) => change(row.eventType, { inApp: e.target.checked })}
                      aria-label={t('preferences.inAppFor', { event: label(row.eventType) })}
                    />
                  </td>
                  <td>
                    <select
                      value={row.email}
                      onChange={(e) => change(row.eventType, { email: e.target.value as EmailMode })}
                      aria-label={t('preferences.emailFor', { event: label(row.eventType) })}
                    >
                      {Object.values(EmailMode).map((mode) => (
                        <option key={mode} value={mode}>
                          {t(`preferences.modes.${mode}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <FormError>{saving.error && errorText(t, saving.error)}</FormError>
          <Button type="submit" isDisabled={saving.loading}>
            {t('preferences.save')}
          </Button>
          {saved && (
            <p role="status" className="notice notice-success">
              {t('preferences.saved')}
            </p>
          )}
        </form>
      )}
    </Page>
  );
}
