// The home page: what needs this organization's action now, by kind (employer, institution,
// umbrella, operator) and the person's role, with counts and links to the screens where it is
// done — and, while an employer has posted nothing or an institution described nothing, the first
// step to take. Umbrella administrators answer join requests here and operators verify
// organizations here (neither has another screen).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { lazy, Suspense } from 'react';
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/Page';
import { useCurrentOrganization, type Membership } from '../../app/current-organization';
import { UnverifiedEmailNotice } from '../auth/UnverifiedEmailNotice';
import { HOME_ACTIONS } from './home-documents';
import type { HomeActionsQuery } from '../../graphql/generated/graphql';

const OPEN_DESIGN = new Set(['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED']);

interface Action {
  readonly id: string;
  readonly count: number;
  readonly to: string;
}

/** The actions waiting on the organization, in the order they matter; only those with a count. */
function actionsOf(data: HomeActionsQuery | undefined, membership: Membership): Action[] {
  if (!data) return [];
  const organizationId = membership.organization.id;
  const designs = data.credentialDesigns.edges.map((e) => e.node);
  const waiting = designs.filter(
    (d) => OPEN_DESIGN.has(d.stage) && d.waitingOn.some((o) => o.id === organizationId),
  );
  const withDesign = new Set(designs.map((d) => d.partnershipId).filter(Boolean));
  const institution = membership.organization.kind === 'INSTITUTION';
  const admin = membership.role !== 'MEMBER';
  const actions: Action[] = [
    {
      id: 'proposals',
      count: data.proposalsToUs?.totalCount ?? 0,
      to: '/partnerships?direction=PROPOSED_TO_US&state=PROPOSED',
    },
    {
      id: 'reviewsOverdue',
      count: waiting.filter((d) => d.reviewOverdue).length,
      to: '/designs?stage=IN_REVIEW',
    },
    { id: 'designsWaiting', count: waiting.length, to: '/designs' },
    {
      id: 'partnershipsWithoutDesign',
      count: institution
        ? (data.acceptedPartnerships?.edges ?? []).filter((e) => !withDesign.has(e.node.id)).length
        : 0,
      to: '/partnerships?state=ACCEPTED',
    },
    {
      id: 'joinRequests',
      count: (data.umbrella?.umbrellaJoinRequests ?? []).filter((r) => r.state === 'PENDING').length,
      to: '#join-requests',
    },
    { id: 'unverified', count: data.unverified?.totalCount ?? 0, to: '#unverified' },
    { id: 'issue', count: institution && admin ? (data.issuable?.totalCount ?? 0) : 0, to: '/issuing' },
  ];
  return actions.filter((a) => a.count > 0);
}

function ActionList({ actions }: { actions: Action[] }) {
  const { t } = useTranslation('org');
  if (actions.length === 0) return <p data-testid="nothing-waiting">{t('home.actions.none')}</p>;
  return (
    <ul className="action-list" data-testid="home-actions">
      {actions.map((a) => (
        <li key={a.id} data-action={a.id}>
          <span className="action-count" aria-hidden="true">
            {a.count}
          </span>
          {a.to.startsWith('#') ? (
            <a href={a.to}>{t(`home.actions.${a.id}`, { count: a.count })}</a>
          ) : (
            <Link to={a.to}>{t(`home.actions.${a.id}`, { count: a.count })}</Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Post your first need" / "Describe your capabilities": the first step, while it is not taken. */
function FirstStep({ data, membership }: { data: HomeActionsQuery | undefined; membership: Membership }) {
  const { t } = useTranslation('org');
  if (!data) return null;
  const admin = membership.role !== 'MEMBER';
  const kind = membership.organization.kind;
  if (kind === 'EMPLOYER' && (data.needs?.totalCount ?? 0) === 0)
    return (
      <section className="card first-step" aria-labelledby="first-step">
        <h2 id="first-step">{t('home.firstNeed.title')}</h2>
        <p>{t('home.firstNeed.body')}</p>
        <Link className="button button-primary" to="/needs/new">
          {t('home.firstNeed.action')}
        </Link>
      </section>
    );
  if (kind === 'INSTITUTION' && data.capabilityProfile == null)
    return (
      <section className="card first-step" aria-labelledby="first-step">
        <h2 id="first-step">{t('home.capabilities.title')}</h2>
        <p>{t('home.capabilities.body')}</p>
        {admin ? (
          <Link className="button button-primary" to="/capabilities">
            {t('home.capabilities.action')}
          </Link>
        ) : (
          <p>{t('home.capabilities.askAdmin')}</p>
        )}
      </section>
    );
  return null;
}

// Answering join requests and verifying organizations (react-aria's buttons and confirmation
// dialog) load only for who has such decisions to take, not on every home page.
const Decisions = lazy(() => import('./HomeDecisions'));

function Actions({ membership }: { membership: Membership }) {
  const { t } = useTranslation('org');
  const kind = membership.organization.kind;
  const admin = membership.role !== 'MEMBER';
  const { data, loading } = useQuery(HOME_ACTIONS, {
    variables: {
      organizationId: membership.organization.id,
      marketplace: kind === 'EMPLOYER' || kind === 'INSTITUTION',
      employer: kind === 'EMPLOYER',
      institution: kind === 'INSTITUTION',
      umbrellaAdmin: kind === 'UMBRELLA' && admin,
      operator: kind === 'OPERATOR',
    },
    // A part the person may not see (FORBIDDEN) leaves the others shown.
    errorPolicy: 'all',
    fetchPolicy: 'cache-and-network',
  });
  return (
    <>
      <FirstStep data={data} membership={membership} />
      <section aria-labelledby="waiting-on-you">
        <h2 id="waiting-on-you">{t('home.actions.title')}</h2>
        {loading && !data ? (
          <p>{t('common:loading')}</p>
        ) : (
          <ActionList actions={actionsOf(data, membership)} />
        )}
      </section>
      {(data?.umbrella?.umbrellaJoinRequests.some((r) => r.state === 'PENDING') ||
        (data?.unverified?.edges.length ?? 0) > 0) && (
        <Suspense fallback={<p>{t('common:loading')}</p>}>
          <Decisions data={data} />
        </Suspense>
      )}
    </>
  );
}

export function Component() {
  const { t } = useTranslation('org');
  const { me, current, loading } = useCurrentOrganization();
  if (loading && !me) return <p>{t('common:loading')}</p>;
  return (
    <Page title={t('home.title', { name: me?.name ?? '' })}>
      {me && !me.emailVerified && <UnverifiedEmailNotice email={me.email} />}
      {current ? (
        <p data-testid="current-organization">
          {t('home.workingAs', { organization: current.organization.name, role: t(`roles.${current.role}`) })}
        </p>
      ) : (
        <p>{t('home.noOrganization')}</p>
      )}
      {current && <Actions key={current.organization.id} membership={current} />}
      <h2>{t('home.more')}</h2>
      <ul className="link-list">
        <li>
          <Link to="/organizations/new">{t('home.create')}</Link>
        </li>
        {current && current.role !== 'MEMBER' && (
          <li>
            <Link to="/organizations/invite">{t('home.invite')}</Link>
          </li>
        )}
        {current && (
          <li>
            <Link to="/organizations/members">{t('home.members')}</Link>
          </li>
        )}
        {current && (current.role === 'OWNER' || current.role === 'ADMIN') && (
          <>
            <li>
              <Link to="/organizations/api-keys">{t('home.apiKeys')}</Link>
            </li>
            <li>
              <Link to="/organizations/audit-log">{t('home.auditLog')}</Link>
            </li>
          </>
        )}
        {current && current.role !== 'MEMBER' && current.organization.kind !== 'UMBRELLA' && (
          <li>
            <Link to="/organizations/join-umbrella">{t('home.joinUmbrella')}</Link>
          </li>
        )}
        <li>
          <Link to="/inbox">{t('home.inbox')}</Link>
        </li>
        <li>
          <Link to="/account">{t('home.account')}</Link>
        </li>
      </ul>
    </Page>
  );
}
