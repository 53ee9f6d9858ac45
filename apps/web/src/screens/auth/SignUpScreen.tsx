import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useMutation } from '@apollo/client/react';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/fields';
import { setServerErrors } from '../../graphql/errors';
import { safeNext, sessionStore } from '../../app/session';

const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
    }
  }
`);

export function Component() {
  const { t, i18n } = useTranslation('auth');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t('validation.nameRequired')).max(200),
        email: z.email(t('validation.email')),
        password: z.string().min(15, t('validation.passwordLength')).max(256),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', email: '', password: '' },
  });
  const [signUp] = useMutation(SIGN_UP);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await signUp({ variables: { input: { ...values, locale: i18n.language } } });
      if (!data) return;
      sessionStore.signIn(data.signUp.token);
      // Someone who came from an invitation goes back to it; everyone else starts an organization.
      await navigate(params.get('next') ? safeNext(params.get('next')) : '/organizations/new', {
        replace: true,
      });
    } catch (error) {
      setServerErrors(error, form.setError, t, ['name', 'email', 'password'], {
        'IDENTITY.EMAIL_TAKEN': 'email',
      });
    }
  });

  return (
    <Page title={t('signUp.title')}>
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting}
        submitLabel={t('signUp.submit')}
      >
        <TextField control={form.control} name="name" label={t('fields.name')} autoComplete="name" />
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
          description={t('fields.passwordHint')}
          autoComplete="new-password"
        />
      </Form>
      <p>
        {t('signUp.haveAccount')}{' '}
        <Link to={`/log-in${params.size ? `?${params.toString()}` : ''}`}>{t('signUp.logIn')}</Link>
      </p>
    </Page>
  );
}
