// The link a password-reset e-mail carries (/reset-password?token=…): choose a new password.
// Without a token: ask for the e-mail (same answer whether or not an account has that address).
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../graphql/generated';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/fields';
import { setServerErrors } from '../../graphql/errors';

const REQUEST_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const RESET = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

export function Component() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ChooseNewPassword token={token} /> : <AskForLink />;
}

function AskForLink() {
  const { t } = useTranslation('auth');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const schema = useMemo(() => z.object({ email: z.email(t('validation.email')) }), [t]);
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: '' } });
  const [request] = useMutation(REQUEST_RESET);
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await request({ variables: values });
      setSentTo(values.email);
    } catch (error) {
      setServerErrors(error, form.setError, t, ['email']);
    }
  });
  return (
    <Page title={t('resetPassword.askTitle')}>
      {sentTo ? (
        <p role="status">{t('resetPassword.sent', { email: sentTo })}</p>
      ) : (
        <Form
          onSubmit={onSubmit}
          serverError={form.formState.errors.root?.['server']?.message}
          submitting={form.formState.isSubmitting}
          submitLabel={t('resetPassword.askSubmit')}
        >
          <TextField
            control={form.control}
            name="email"
            type="email"
            label={t('fields.email')}
            autoComplete="email"
          />
        </Form>
      )}
      <p>
        <Link to="/log-in">{t('resetPassword.backToLogIn')}</Link>
      </p>
    </Page>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const [done, setDone] = useState(false);
  const schema = useMemo(
    () => z.object({ newPassword: z.string().min(15, t('validation.passwordLength')) }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { newPassword: '' } });
  const [reset] = useMutation(RESET);
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await reset({ variables: { token, newPassword: values.newPassword } });
      setDone(true);
    } catch (error) {
      setServerErrors(error, form.setError, t, ['newPassword'], { password: 'newPassword' });
    }
  });
  return (
    <Page title={t('resetPassword.chooseTitle')}>
      {done ? (
        <p role="status">
          {t('resetPassword.done')} <Link to="/log-in">{t('resetPassword.logIn')}</Link>
        </p>
      ) : (
        <Form
          onSubmit={onSubmit}
          serverError={form.formState.errors.root?.['server']?.message}
          submitting={form.formState.isSubmitting}
          submitLabel={t('resetPassword.chooseSubmit')}
        >
          <TextField
            control={form.control}
            name="newPassword"
            type="password"
            label={t('fields.newPassword')}
            autoComplete="new-password"
          />
        </Form>
      )}
    </Page>
  );
}
