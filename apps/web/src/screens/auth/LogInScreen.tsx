import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
// zod/mini: the log-in page is a first page; the full zod would add ~20 kB gzip to it.
import { z } from 'zod/mini';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useMutation } from '@apollo/client/react';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/fields';
import { setServerErrors } from '../../graphql/errors';
import { safeNext, sessionStore } from '../../app/session';

const LOG_IN = graphql(`
  mutation LogIn($email: String!, $password: String!) {
    logIn(email: $email, password: $password) {
      token
    }
  }
`);

export function Component() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const schema = useMemo(
    () =>
      z.object({
        email: z.email(t('validation.email')),
        password: z.string().check(z.minLength(1, t('validation.passwordRequired'))),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: '', password: '' } });
  const [logIn] = useMutation(LOG_IN);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await logIn({ variables: values });
      if (!data) return;
      sessionStore.signIn(data.logIn.token);
      await navigate(next, { replace: true });
    } catch (error) {
      setServerErrors(error, form.setError, t, ['email', 'password'], {
        'IDENTITY.INVALID_CREDENTIALS': 'password',
      });
    }
  });

  return (
    <Page title={t('logIn.title')}>
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting}
        submitLabel={t('logIn.submit')}
      >
        <TextField
          control={form.control}
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="email"
        />
        <TextField
          control={form.control}
          name="password"
          type="password"
          label={t('fields.password')}
          autoComplete="current-password"
        />
      </Form>
      <p>
        <Link to="/reset-password">{t('logIn.forgot')}</Link>
      </p>
      <p>
        {t('logIn.noAccount')}{' '}
        <Link to={`/sign-up${params.size ? `?${params.toString()}` : ''}`}>{t('logIn.signUp')}</Link>
      </p>
    </Page>
  );
}
