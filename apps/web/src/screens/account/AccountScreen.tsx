// Your account: change the password (the current one is needed; every other session ends and
// this one gets a new token) and sign out everywhere (every session ends, this one included).
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '../../graphql/generated';
import { Button, Form, FormError, Page, TextField, useConfirm } from '../../ui';
import { errorText, setServerErrors } from '../../graphql/errors';
import { sessionStore } from '../../app/session';
import { useCurrentOrganization } from '../../app/current-organization';

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
    }
  }
`);

const SIGN_OUT_EVERYWHERE = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

export function Component() {
  const { t } = useTranslation('auth');
  const { me } = useCurrentOrganization();
  return (
    <Page title={t('account.title')}>
      {me && <p>{t('account.signedInAs', { name: me.name, email: me.email })}</p>}
      <ChangePassword />
      <SignOutEverywhere />
    </Page>
  );
}

function ChangePassword() {
  const { t } = useTranslation('auth');
  const [changed, setChanged] = useState(false);
  const schema = useMemo(
    () =>
      z.object({
        currentPassword: z.string().min(1, t('validation.passwordRequired')),
        newPassword: z.string().min(15, t('validation.passwordLength')),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const [change] = useMutation(CHANGE_PASSWORD);
  const onSubmit = form.handleSubmit(async (values) => {
    setChanged(false);
    try {
      const { data } = await change({ variables: values });
      if (!data) return;
      // Every other session ended; this one goes on with the new token.
      sessionStore.signIn(data.changePassword.token);
      form.reset({ currentPassword: '', newPassword: '' });
      setChanged(true);
    } catch (error) {
      setServerErrors(error, form.setError, t, ['currentPassword', 'newPassword'], {
        'IDENTITY.WRONG_PASSWORD': 'currentPassword',
        password: 'newPassword',
      });
    }
  });
  return (
    <section aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t('account.changePassword')}</h2>
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting}
        submitLabel={t('account.changeSubmit')}
      >
        <TextField
          control={form.control}
          name="currentPassword"
          type="password"
          label={t('fields.currentPassword')}
          autoComplete="current-password"
        />
        <TextField
          control={form.control}
          name="newPassword"
          type="password"
          label={t('fields.newPassword')}
          description={t('fields.passwordHint')}
          autoComplete="new-password"
        />
      </Form>
      {changed && (
        <p role="status" className="notice notice-success">
          {t('account.changed')}
        </p>
      )}
    </section>
  );
}

function SignOutEverywhere() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const client = useApolloClient();
  const { confirm, dialog } = useConfirm();
  const [signOut, { loading, error }] = useMutation(SIGN_OUT_EVERYWHERE);
  const onPress = async () => {
    const yes = await confirm({
      title: t('account.everywhere.confirmTitle'),
      body: <p>{t('account.everywhere.confirmBody')}</p>,
      confirmLabel: t('account.everywhere.action'),
    });
    if (!yes) return;
    try {
      await signOut();
    } catch {
      return; // shown below
    }
    sessionStore.signOut();
    await client.clearStore();
    await navigate('/log-in');
  };
  return (
    <section aria-labelledby="everywhere-title">
      {dialog}
      <h2 id="everywhere-title">{t('account.everywhere.title')}</h2>
      <p>{t('account.everywhere.intro')}</p>
      <FormError>{error ? errorText(t, error) : undefined}</FormError>
      <Button variant="secondary" isDisabled={loading} onPress={() => void onPress()}>
        {t('account.everywhere.action')}
      </Button>
    </section>
  );
}
