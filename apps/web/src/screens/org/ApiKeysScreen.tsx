// The organization's API keys, for its owners and admins: create one (a name, a role, how long it
// lasts) and see its secret once, with a button that copies it; the list shows each key's visible
// prefix, role, expiry and last use; revoking asks first and takes effect at once.
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../graphql/generated';
import { Role, type ApiKeysQuery, type CreateApiKeyMutation } from '../../graphql/generated/graphql';
import { Button, Form, FormError, Page, SelectField, TextField, useConfirm } from '../../ui';
import { errorText, setServerErrors } from '../../graphql/errors';
import { useCurrentOrganization } from '../../app/current-organization';

const KEY_ROLES = [Role.Member, Role.Admin] as const;
const LIFETIMES = ['30', '90', '180', '365'] as const;
const DAY_MS = 86_400_000;
/** The moment `days` from now, for the API (the server refuses more than 366 days). */
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const isPast = (iso: string) => new Date(iso).getTime() <= Date.now();

const API_KEYS = graphql(`
  query ApiKeys($organizationId: ID!) {
    apiKeys(organizationId: $organizationId) {
      id
      name
      role
      prefix
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
    }
  }
`);
const CREATE = graphql(`
  mutation CreateApiKey($organizationId: ID!, $name: String!, $role: Role!, $expiresAt: DateTime) {
    createApiKey(organizationId: $organizationId, name: $name, role: $role, expiresAt: $expiresAt) {
      secret
      apiKey {
        id
        name
        prefix
      }
    }
  }
`);
const REVOKE = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

type ApiKey = ApiKeysQuery['apiKeys'][number];

export function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (value: string | null | undefined) => (value ? format.format(new Date(value)) : null);
}

export function Component() {
  const { t } = useTranslation('org');
  const { current } = useCurrentOrganization();
  if (!current) return <Page title={t('apiKeys.title')}>{t('home.noOrganization')}</Page>;
  if (current.role !== Role.Owner && current.role !== Role.Admin)
    return (
      <Page title={t('apiKeys.title')}>
        <p className="notice notice-warning">{t('apiKeys.adminsOnly')}</p>
      </Page>
    );
  return (
    <Page title={t('apiKeys.title')}>
      <p>{t('apiKeys.intro', { organization: current.organization.name })}</p>
      <CreateKey organizationId={current.organization.id} />
      <KeyList organizationId={current.organization.id} />
    </Page>
  );
}

function CreateKey({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('org');
  const [created, setCreated] = useState<CreateApiKeyMutation['createApiKey'] | null>(null);
  const [create] = useMutation(CREATE, { refetchQueries: ['ApiKeys'], awaitRefetchQueries: true });
  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t('validation.keyName')).max(100, t('validation.keyName')),
        role: z.enum(KEY_ROLES),
        lifetime: z.enum(LIFETIMES),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', role: Role.Member, lifetime: '90' },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setCreated(null);
    const expiresAt = daysFromNow(Number(values.lifetime));
    try {
      const { data } = await create({
        variables: { organizationId, name: values.name, role: values.role, expiresAt },
      });
      if (data) setCreated(data.createApiKey);
      form.reset({ name: '', role: values.role, lifetime: values.lifetime });
    } catch (error) {
      setServerErrors(error, form.setError, t, ['name', 'role'], { expiresAt: 'lifetime' } as Record<
        string,
        'lifetime'
      >);
    }
  });
  return (
    <section aria-labelledby="create-key-title">
      <h2 id="create-key-title">{t('apiKeys.create')}</h2>
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting}
        submitLabel={t('apiKeys.createSubmit')}
      >
        <TextField
          control={form.control}
          name="name"
          label={t('apiKeys.name')}
          description={t('apiKeys.nameHint')}
        />
        <SelectField
          control={form.control}
          name="role"
          label={t('fields.role')}
          description={t('apiKeys.roleHint')}
          options={KEY_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SelectField
          control={form.control}
          name="lifetime"
          label={t('apiKeys.lifetime')}
          options={LIFETIMES.map((days) => ({
            value: days,
            label: t('apiKeys.days', { count: Number(days) }),
          }))}
        />
      </Form>
      {created && <Secret created={created} />}
    </section>
  );
}

/** The whole key, once: after this screen it cannot be shown again. */
function Secret({ created }: { created: CreateApiKeyMutation['createApiKey'] }) {
  const { t } = useTranslation('org');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="notice notice-success" role="region" aria-labelledby="secret-title">
      <h3 id="secret-title">{t('apiKeys.createdTitle', { name: created.apiKey.name })}</h3>
      <p>{t('apiKeys.onlyOnce')}</p>
      <p>
        <code data-testid="api-key-secret" className="secret">
          {created.secret}
        </code>
      </p>
      <Button variant="secondary" onPress={() => void copy()}>
        {t('apiKeys.copy')}
      </Button>
      <p role="status">
        {copied === 'yes' ? t('apiKeys.copied') : copied === 'failed' ? t('apiKeys.copyFailed') : ''}
      </p>
    </div>
  );
}

function KeyList({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('org');
  const when = useDateTime();
  const { confirm, dialog } = useConfirm();
  const { data, loading, error } = useQuery(API_KEYS, { variables: { organizationId } });
  const [revoke] = useMutation(REVOKE, { refetchQueries: ['ApiKeys'], awaitRefetchQueries: true });
  const [problem, setProblem] = useState<string | null>(null);
  const keys = data?.apiKeys ?? [];
  const onRevoke = async (key: ApiKey) => {
    const yes = await confirm({
      title: t('apiKeys.revokeConfirm.title', { name: key.name }),
      body: <p>{t('apiKeys.revokeConfirm.body', { name: key.name, prefix: key.prefix })}</p>,
      confirmLabel: t('apiKeys.revokeConfirm.action', { name: key.name }),
    });
    if (!yes) return;
    setProblem(null);
    try {
      await revoke({ variables: { id: key.id } });
    } catch (e) {
      setProblem(errorText(t, e));
    }
  };
  const state = (key: ApiKey) =>
    key.revokedAt
      ? t('apiKeys.revokedOn', { date: when(key.revokedAt) })
      : isPast(key.expiresAt)
        ? t('apiKeys.expired')
        : t('apiKeys.active');
  return (
    <section aria-labelledby="keys-title">
      {dialog}
      <h2 id="keys-title">{t('apiKeys.list')}</h2>
      <FormError>{problem ?? (error ? errorText(t, error) : undefined)}</FormError>
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : keys.length === 0 ? (
        <p>{t('apiKeys.none')}</p>
      ) : (
        <table className="table" data-testid="api-keys">
          <caption className="visually-hidden">{t('apiKeys.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('apiKeys.name')}</th>
              <th scope="col">{t('apiKeys.prefix')}</th>
              <th scope="col">{t('fields.role')}</th>
              <th scope="col">{t('apiKeys.expires')}</th>
              <th scope="col">{t('apiKeys.lastUsed')}</th>
              <th scope="col">{t('apiKeys.state')}</th>
              <th scope="col">{t('members.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td>
                  <code>{key.prefix}</code>
                </td>
                <td>{t(`roles.${key.role}`)}</td>
                <td>{when(key.expiresAt)}</td>
                <td>{when(key.lastUsedAt) ?? t('apiKeys.neverUsed')}</td>
                <td>{state(key)}</td>
                <td>
                  {!key.revokedAt && (
                    <Button
                      variant="secondary"
                      onPress={() => void onRevoke(key)}
                      aria-label={t('apiKeys.revokeName', { name: key.name })}
                    >
                      {t('apiKeys.revoke')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
