// The home page's decisions, loaded lazily by HomeScreen: an umbrella's administrators accept or
// decline requests to join, the operator verifies organizations — each after a confirmation.
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { FormError } from '../../ui/FormError';
import { useConfirm } from '../../ui/Confirm';
import { errorText } from '../../graphql/errors';
import type { HomeActionsQuery } from '../../graphql/generated/graphql';
import { RESPOND_TO_JOIN_REQUEST } from '../../graphql/documents';
import { HOME_ACTIONS, VERIFY_ORGANIZATION } from './home-documents';

export default function HomeDecisions({ data }: { data: HomeActionsQuery | undefined }) {
  return (
    <>
      <JoinRequests data={data} />
      <Unverified data={data} />
    </>
  );
}

function JoinRequests({ data }: { data: HomeActionsQuery | undefined }) {
  const { t, i18n } = useTranslation('org');
  const { confirm, dialog } = useConfirm();
  const [respond, { loading, error }] = useMutation(RESPOND_TO_JOIN_REQUEST, {
    refetchQueries: [HOME_ACTIONS],
  });
  const pending = (data?.umbrella?.umbrellaJoinRequests ?? []).filter((r) => r.state === 'PENDING');
  if (pending.length === 0) return null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const answer = async (id: string, organization: string, accept: boolean) => {
    const step = accept ? 'accept' : 'decline';
    const yes = await confirm({
      title: t(`home.joinRequests.${step}.title`, { organization }),
      body: <p>{t(`home.joinRequests.${step}.body`, { organization })}</p>,
      confirmLabel: t(`home.joinRequests.${step}.action`),
    });
    if (yes) await respond({ variables: { id, accept } }).catch(() => undefined);
  };
  return (
    <section aria-labelledby="join-requests">
      {dialog}
      <h2 id="join-requests">{t('home.joinRequests.title')}</h2>
      <FormError>{error && errorText(t, error)}</FormError>
      <ul className="plain-list">
        {pending.map((r) => (
          <li key={r.id} className="card">
            <p>
              {t('home.joinRequests.asks', {
                organization: r.organization.name,
                date: date.format(new Date(r.requestedAt)),
              })}
            </p>
            <div className="toolbar">
              <Button
                isDisabled={loading}
                onPress={() => void answer(r.id, r.organization.name, true)}
                aria-label={t('home.joinRequests.acceptFrom', { organization: r.organization.name })}
              >
                {t('home.joinRequests.accept.action')}
              </Button>
              <Button
                variant="secondary"
                isDisabled={loading}
                onPress={() => void answer(r.id, r.organization.name, false)}
                aria-label={t('home.joinRequests.declineFrom', { organization: r.organization.name })}
              >
                {t('home.joinRequests.decline.action')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Unverified({ data }: { data: HomeActionsQuery | undefined }) {
  const { t } = useTranslation('org');
  const { confirm, dialog } = useConfirm();
  const [verify, { loading, error }] = useMutation(VERIFY_ORGANIZATION, { refetchQueries: [HOME_ACTIONS] });
  const organizations = (data?.unverified?.edges ?? []).map((e) => e.node);
  if (organizations.length === 0) return null;
  const onVerify = async (id: string, name: string) => {
    const yes = await confirm({
      title: t('home.unverified.confirm.title', { organization: name }),
      body: <p>{t('home.unverified.confirm.body', { organization: name })}</p>,
      confirmLabel: t('home.unverified.confirm.action'),
    });
    if (yes) await verify({ variables: { id } }).catch(() => undefined);
  };
  return (
    <section aria-labelledby="unverified">
      {dialog}
      <h2 id="unverified">{t('home.unverified.title')}</h2>
      <FormError>{error && errorText(t, error)}</FormError>
      <ul className="plain-list">
        {organizations.map((o) => (
          <li key={o.id} className="card">
            <p>
              {o.name} · {t(`kinds.${o.kind}`)}
            </p>
            <Button
              isDisabled={loading}
              onPress={() => void onVerify(o.id, o.name)}
              aria-label={t('home.unverified.verifyOne', { organization: o.name })}
            >
              {t('home.unverified.confirm.action')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
