// The organization's audit log, for its owners and admins: newest first, fifty at a time, filtered
// (by the API, across the whole log) by action and by who acted (a person, an API key, Lattice);
// who acted is named from the organization's members and keys. "Export CSV" downloads the newest
// 10 000 entries with the same filters, as the API writes them (auditLogCsv).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { graphql } from '../../graphql/generated';
import { Role, type AuditLogQuery } from '../../graphql/generated/graphql';
import { Button, FormError, Page } from '../../ui';
import { errorText } from '../../graphql/errors';
import { useCurrentOrganization } from '../../app/current-organization';
import { useDateTime } from './ApiKeysScreen';

const PAGE = 50;

const AUDIT_LOG = graphql(`
  query AuditLog($organizationId: ID!, $first: Int, $after: String, $action: String, $actorKind: String) {
    auditLog(
      organizationId: $organizationId
      first: $first
      after: $after
      action: $action
      actorKind: $actorKind
    ) {
      edges {
        cursor
        node {
          id
          occurredAt
          action
          actorKind
          actorId
          targetType
          targetId
          details
          source
          requestId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const ACTORS = graphql(`
  query AuditActors($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      members {
        user {
          id
          name
        }
      }
    }
    apiKeys(organizationId: $organizationId) {
      id
      name
      prefix
    }
  }
`);
const AUDIT_CSV = graphql(`
  query AuditLogCsv($organizationId: ID!, $action: String, $actorKind: String) {
    auditLogCsv(organizationId: $organizationId, action: $action, actorKind: $actorKind)
  }
`);

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];
const ACTOR_KINDS = ['USER', 'API_KEY', 'SYSTEM'] as const;
/** Every action the log records (identity's own, and those other services report). */
const ACTIONS = [
  'invitation.created',
  'invitation.accepted',
  'member.role_changed',
  'member.removed',
  'member.left',
  'api_key.created',
  'api_key.revoked',
  'umbrella.join_requested',
  'umbrella.join_accepted',
  'umbrella.join_declined',
  'umbrella.member_removed',
  'credentials.award.revoked',
  'credentials.issuer_key.rotated',
  'webhook.created',
  'webhook.deleted',
] as const;

export function Component() {
  const { t } = useTranslation('org');
  const { current } = useCurrentOrganization();
  if (!current) return <Page title={t('audit.title')}>{t('home.noOrganization')}</Page>;
  if (current.role !== Role.Owner && current.role !== Role.Admin)
    return (
      <Page title={t('audit.title')}>
        <p className="notice notice-warning">{t('audit.adminsOnly')}</p>
      </Page>
    );
  return <AuditLog organizationId={current.organization.id} organization={current.organization.name} />;
}

function AuditLog({ organizationId, organization }: { organizationId: string; organization: string }) {
  const { t } = useTranslation('org');
  const when = useDateTime();
  const client = useApolloClient();
  const [action, setAction] = useState('');
  const [actorKind, setActorKind] = useState('');
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const filter = { action: action || null, actorKind: actorKind || null };
  const { data, loading, error, fetchMore } = useQuery(AUDIT_LOG, {
    variables: { organizationId, first: PAGE, ...filter },
  });
  const actors = useQuery(ACTORS, { variables: { organizationId } });
  const shown = data?.auditLog.edges.map((e) => e.node) ?? [];

  const names = new Map<string, string>();
  for (const m of actors.data?.organization?.members ?? []) if (m.user) names.set(m.user.id, m.user.name);
  for (const k of actors.data?.apiKeys ?? [])
    names.set(k.id, t('audit.keyActor', { name: k.name, prefix: k.prefix }));
  const actorOf = (e: Entry) =>
    e.actorKind === 'SYSTEM'
      ? t('audit.kinds.SYSTEM')
      : ((e.actorId && names.get(e.actorId)) ?? e.actorId ?? '—');

  const loadMore = () =>
    void fetchMore({
      variables: { after: data?.auditLog.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        auditLog: {
          ...fetchMoreResult.auditLog,
          edges: [...previous.auditLog.edges, ...fetchMoreResult.auditLog.edges],
        },
      }),
    });

  const exportCsv = async () => {
    setExportProblem(null);
    setExporting(true);
    try {
      const { data: csv } = await client.query({
        query: AUDIT_CSV,
        variables: { organizationId, ...filter },
        fetchPolicy: 'network-only',
      });
      const url = URL.createObjectURL(new Blob([csv?.auditLogCsv ?? ''], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `audit-log-${organizationId}-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setExportProblem(errorText(t, e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Page
      title={t('audit.title')}
      actions={
        <Button variant="secondary" isDisabled={exporting} onPress={() => void exportCsv()}>
          {t('audit.export')}
        </Button>
      }
    >
      <p>{t('audit.intro', { organization })}</p>
      <FormError>{exportProblem ?? (error ? errorText(t, error) : undefined)}</FormError>
      <div className="toolbar" role="group" aria-label={t('audit.filters')}>
        <div className="field narrow">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <select id="audit-action" value={action} onChange={(event) => setAction(event.target.value)}>
            <option value="">{t('audit.allActions')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`, { defaultValue: a })}
              </option>
            ))}
          </select>
        </div>
        <div className="field narrow">
          <label htmlFor="audit-actor-kind">{t('audit.actorKind')}</label>
          <select
            id="audit-actor-kind"
            value={actorKind}
            onChange={(event) => setActorKind(event.target.value)}
          >
            <option value="">{t('audit.allActors')}</option>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status">
        {data
          ? t(data.auditLog.pageInfo.hasNextPage ? 'audit.showingMore' : 'audit.showing', {
              count: shown.length,
            })
          : ''}
      </p>
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : shown.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <table className="table" data-testid="audit-log">
          <caption className="visually-hidden">{t('audit.caption', { organization })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id}>
                <td>{when(e.occurredAt)}</td>
                <th scope="row">{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</th>
                <td>
                  {actorOf(e)}{' '}
                  <span className="meta">
                    ({t(`audit.kinds.${e.actorKind}`, { defaultValue: e.actorKind })})
                  </span>
                </td>
                <td>
                  {e.targetType
                    ? `${e.targetType} ${e.targetType === 'user' ? (names.get(e.targetId ?? '') ?? e.targetId ?? '') : (e.targetId ?? '')}`
                    : '—'}
                </td>
                <td>
                  <code>{detailsText(e.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data?.auditLog.pageInfo.hasNextPage && (
        <Button variant="secondary" onPress={loadMore}>
          {t('audit.more')}
        </Button>
      )}
    </Page>
  );
}

function detailsText(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}
