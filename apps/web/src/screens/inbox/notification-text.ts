// A notification in the reader's language, from the code and parameters the server keeps beside
// its text (`Notification.code`, `params`); the stored title and body (in the language the
// recipient had when it was delivered) when the code is missing (delivered before codes) or not
// known to this app.
import type { TFunction } from 'i18next';
import en from '../../i18n/en/inbox.json';

const CODES = new Set(Object.keys(en.notifications));
const ROLES = new Set(['OWNER', 'ADMIN', 'MEMBER']);

export interface NotificationData {
  readonly title: string;
  readonly body: string;
  readonly code?: string | null;
  readonly params?: unknown;
}

export function notificationText(
  t: TFunction,
  notification: NotificationData,
  language: string,
): { title: string; body: string } {
  const code = notification.code;
  if (!code || !CODES.has(code)) return { title: notification.title, body: notification.body };
  const raw = (
    typeof notification.params === 'object' && notification.params !== null ? notification.params : {}
  ) as Record<string, unknown>;
  const text = (name: string) =>
    typeof raw[name] === 'string'
      ? (raw[name] as string)
      : typeof raw[name] === 'number'
        ? String(raw[name])
        : '';
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  const date = (name: string) => {
    const value = text(name);
    const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    return Number.isNaN(parsed.getTime()) ? value : day.format(parsed);
  };
  const role = (name: string) =>
    ROLES.has(text(name)) ? t(`notification.roles.${text(name)}`) : text(name).toLowerCase();
  const values = {
    ...Object.fromEntries(Object.keys(raw).map((name) => [name, text(name)])),
    version:
      typeof raw['version'] === 'number'
        ? new Intl.NumberFormat(language).format(raw['version'])
        : text('version'),
    neededBy: date('neededBy'),
    reviewDueAt: date('reviewDueAt'),
    role: role('role'),
    previousRole: role('previousRole'),
    said: text('message') ? t('notification.said', { message: text('message') }) : '',
    field: text('field') ? t('notification.field', { field: text('field') }) : '',
  };
  const title = t(`notifications.${code}.title`, values);
  return {
    title: raw['reminder'] === true ? t('notification.reminder', { title }) : title,
    body: t(`notifications.${code}.body`, values),
  };
}
