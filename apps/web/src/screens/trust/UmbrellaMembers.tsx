// An umbrella's member organizations and the requests to join it. Its owners and admins accept or
// decline each request (nothing is shared before they accept) and remove a member (asked first);
// the others see the list.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../graphql/generated';
import { Button, FormError, useConfirm } from '../../ui';
import { errorText } from '../../graphql/errors';
import { ORGANIZATION_UMBRELLAS } from './documents';
import { useDate } from './trust-ui';
import { RESPOND_TO_JOIN_REQUEST } from '../../graphql/documents';

const JOIN_REQUESTS = graphql(`
  query UmbrellaJoinRequests($id: ID!) {
    organization(id: $id) {
      id
      umbrellaJoinRequests {
        id
        requestedAt
        organization {
          id
          name
          kind
        }
      }
    }
  }
`);
const REMOVE_MEMBER = graphql(`
  mutation RemoveUmbrellaMember($umbrellaId: ID!, $organizationId: ID!) {
    removeUmbrellaMember(umbrellaId: $umbrellaId, organizationId: $organizationId)
  }
`);

export function UmbrellaMembers({
  umbrellaId,
  umbrella,
  isAdmin,
}: {
  umbrellaId: string;
  umbrella: string;
  isAdmin: boolean;
}) {
  const { t } = useTranslation('trust');
  const date = useDate();
  const { confirm, dialog } = useConfirm();
  const { data } = useQuery(ORGANIZATION_UMBRELLAS, { variables: { id: umbrellaId } });
  const requests = useQuery(JOIN_REQUESTS, { variables: { id: umbrellaId }, skip: !isAdmin });
  const refetch = {
    refetchQueries: ['TrustOrganizationUmbrellas', 'UmbrellaJoinRequests'],
    awaitRefetchQueries: true,
  };
  const [respond] = useMutation(RESPOND_TO_JOIN_REQUEST, refetch);
  const [removeMember] = useMutation(REMOVE_MEMBER, refetch);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const members = data?.organization?.memberOrganizations ?? [];
  const pending = requests.data?.organization?.umbrellaJoinRequests ?? [];

  const run = async (action: () => Promise<unknown>, success: string) => {
    setProblem(null);
    setDone(null);
    try {
      await action();
      setDone(success);
    } catch (error) {
      setProblem(errorText(t, error));
    }
  };
  /** Accepting or declining cannot be undone from here: it asks first, as the home page does. */
  const onAnswer = async (id: string, name: string, accept: boolean) => {
    const step = accept ? 'acceptConfirm' : 'declineConfirm';
    const yes = await confirm({
      title: t(`umbrella.${step}.title`, { name }),
      body: <p>{t(`umbrella.${step}.body`, { name, umbrella })}</p>,
      confirmLabel: t(`umbrella.${step}.action`, { name }),
    });
    if (yes)
      await run(
        () => respond({ variables: { id, accept } }),
        t(accept ? 'umbrella.accepted' : 'umbrella.declined', { name }),
      );
  };
  const onRemove = async (organizationId: string, name: string) => {
    const yes = await confirm({
      title: t('umbrella.removeConfirm.title', { name }),
      body: <p>{t('umbrella.removeConfirm.body', { name, umbrella })}</p>,
      confirmLabel: t('umbrella.removeConfirm.action', { name }),
    });
    if (yes)
      await run(
        () => removeMember({ variables: { umbrellaId, organizationId } }),
        t('umbrella.removed', { name }),
      );
  };

  return (
    <>
      {dialog}
      <div aria-live="polite">
        {done && (
          <p role="status" className="notice notice-success">
            {done}
          </p>
        )}
      </div>
      <FormError>{problem ?? undefined}</FormError>
      {isAdmin && (
        <section aria-labelledby="join-requests-title">
          <h2 id="join-requests-title">{t('umbrella.requests', { count: pending.length })}</h2>
          {pending.length === 0 ? (
            <p>{t('umbrella.noRequests')}</p>
          ) : (
            <ul className="link-list" data-testid="join-requests">
              {pending.map((r) => (
                <li key={r.id} className="card">
                  <p>{t('umbrella.asksToJoin', { name: r.organization.name, date: date(r.requestedAt) })}</p>
                  <div className="toolbar">
                    <Button
                      onPress={() => void onAnswer(r.id, r.organization.name, true)}
                      aria-label={t('umbrella.acceptName', { name: r.organization.name })}
                    >
                      {t('umbrella.accept')}
                    </Button>
                    <Button
                      variant="secondary"
                      onPress={() => void onAnswer(r.id, r.organization.name, false)}
                      aria-label={t('umbrella.declineName', { name: r.organization.name })}
                    >
                      {t('umbrella.decline')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('umbrella.members', { count: members.length })}</h2>
        {members.length === 0 ? (
          <p>{t('umbrella.noMembers')}</p>
        ) : isAdmin ? (
          <ul data-testid="umbrella-members">
            {members.map((m) => (
              <li key={m.id}>
                {m.name}{' '}
                <Button
                  variant="link"
                  onPress={() => void onRemove(m.id, m.name)}
                  aria-label={t('umbrella.removeName', { name: m.name })}
                >
                  {t('umbrella.remove')}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p data-testid="umbrella-members">{members.map((m) => m.name).join(', ')}</p>
        )}
      </section>
    </>
  );
}
