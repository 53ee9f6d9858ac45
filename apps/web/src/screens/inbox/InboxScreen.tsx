import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useMutation, useQuery } from '@apollo/client/react';
import { Checkbox } from 'react-aria-components';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../graphql/errors';
import { UNREAD_COUNT } from '../../graphql/documents';
import { notificationText } from './notification-text';

const NOTIFICATIONS = graphql(`
  query Inbox($unreadOnly: Boolean) {
    notifications(unreadOnly: $unreadOnly, first: 50) {
      edges {
        node {
          id
          type
          title
          body
          code
          params
          read
          createdAt
          link
        }
      }
    }
  }
`);
const MARK_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

/** A link inside Lattice opens in the app; anything else is a plain link. */
function NotificationLink({ href, children }: { href: string; children: string }) {
  const url = new URL(href, window.location.origin);
  return url.origin === window.location.origin ? (
    <Link to={url.pathname + url.search}>{children}</Link>
  ) : (
    <a href={href}>{children}</a>
  );
}

export function Component() {
  const { t, i18n } = useTranslation('inbox');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error } = useQuery(NOTIFICATIONS, { variables: { unreadOnly } });
  const [markRead, marking] = useMutation(MARK_READ, {
    refetchQueries: [NOTIFICATIONS, UNREAD_COUNT],
    awaitRefetchQueries: true,
  });
  const items = data?.notifications.edges.map((e) => e.node) ?? [];
  const unread = items.filter((n) => !n.read).map((n) => n.id);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const failure = error ?? marking.error;

  return (
    <Page
      title={t('title')}
      actions={
        <Link to="/inbox/preferences" className="secondary-link">
          {t('preferencesLink')}
        </Link>
      }
    >
      <div className="toolbar">
        <Checkbox isSelected={unreadOnly} onChange={setUnreadOnly} className="checkbox">
          <span className="checkbox-box" aria-hidden="true" />
          {t('unreadOnly')}
        </Checkbox>
        <Button
          variant="secondary"
          isDisabled={unread.length === 0 || marking.loading}
          onPress={() => void markRead({ variables: { ids: unread } }).catch(() => undefined)}
        >
          {t('markAllRead')}
        </Button>
      </div>
      <FormError>{failure && errorText(t, failure)}</FormError>
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : items.length === 0 ? (
        <p>{unreadOnly ? t('emptyUnread') : t('empty')}</p>
      ) : (
        <ul className="notifications" aria-label={t('title')}>
          {items
            .map((n) => ({ ...n, ...notificationText(t, n, i18n.language) }))
            .map((n) => (
              <li
                key={n.id}
                className={n.read ? 'notification' : 'notification unread'}
                data-testid="notification"
              >
                <h2>
                  {!n.read && <span className="visually-hidden">{t('unreadLabel')} </span>}
                  {n.link ? <NotificationLink href={n.link}>{n.title}</NotificationLink> : n.title}
                </h2>
                <p>{n.body}</p>
                <p className="meta">
                  <time dateTime={n.createdAt}>{format.format(new Date(n.createdAt))}</time>
                  {!n.read && (
                    <Button
                      variant="link"
                      onPress={() => void markRead({ variables: { ids: [n.id] } }).catch(() => undefined)}
                    >
                      {t('markRead')}
                      <span className="visually-hidden">: {n.title}</span>
                    </Button>
                  )}
                </p>
              </li>
            ))}
        </ul>
      )}
    </Page>
  );
}
