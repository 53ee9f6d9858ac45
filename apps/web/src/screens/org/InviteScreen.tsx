import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql/generated';
import { useMutation } from '@apollo/client/react';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/fields';
import { setServerErrors } from '../../graphql/errors';
import { useCurrentOrganization } from '../../app/current-organization';
import { Role, type InviteMemberMutation } from '../../graphql/generated/graphql';

// An invitation makes a member or an admin; an organization has one owner, its creator.
const ROLES = [Role.Member, Role.Admin] as const;
const INVITE = graphql(`
  mutation InviteMember($organizationId: ID!, $email: String!, $role: Role!) {
    inviteMember(organizationId: $organizationId, email: $email, role: $role) {
      email
      acceptUrl
    }
  }
`);

export function Component() {
  const { t } = useTranslation('org');
  const { current } = useCurrentOrganization();
  const [invite] = useMutation(INVITE);
  const [sent, setSent] = useState<InviteMemberMutation['inviteMember'] | null>(null);
  const schema = useMemo(() => z.object({ email: z.email(t('validation.email')), role: z.enum(ROLES) }), [t]);
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: '', role: 'MEMBER' },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    if (!current) return;
    try {
      const { data } = await invite({ variables: { organizationId: current.organization.id, ...values } });
      if (data) setSent(data.inviteMember);
      form.reset({ email: '', role: values.role });
    } catch (error) {
      setServerErrors(error, form.setError, t, ['email', 'role'], {
        'IDENTITY.ALREADY_MEMBER': 'email',
        'IDENTITY.ONLY_OWNER_MAY_GRANT_OWNER': 'role',
      });
    }
  });

  if (!current) return <Page title={t('invite.title')}>{t('home.noOrganization')}</Page>;
  return (
    <Page title={t('invite.title')}>
      <p>{t('invite.intro', { organization: current.organization.name })}</p>
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting}
        submitLabel={t('invite.submit')}
      >
        <TextField control={form.control} name="email" type="email" label={t('fields.email')} />
        <SelectField
          control={form.control}
          name="role"
          label={t('fields.role')}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
      </Form>
      {sent && (
        <div role="status" className="notice notice-success">
          <p>{t('invite.sent', { email: sent.email })}</p>
          {sent.acceptUrl && (
            <p>
              {t('invite.link')}{' '}
              <a href={sent.acceptUrl} data-testid="accept-url">
                {sent.acceptUrl}
              </a>
            </p>
          )}
        </div>
      )}
    </Page>
  );
}
