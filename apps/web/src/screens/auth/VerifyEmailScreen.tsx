import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../graphql/errors';
import { ME, REFRESH_TOKEN } from '../../graphql/documents';
import { sessionStore, useSession } from '../../app/session';

const VERIFY = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      id
      email
    }
  }
`);

/**
 * The page the verification e-mail links to: /verify-email?token=…  It asks for a click rather
 * than verifying on load, so a mail scanner that follows links proves nothing.
 */
export function Component() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { signedIn } = useSession();
  const client = useApolloClient();
  const [verify, { loading }] = useMutation(VERIFY);
  const [refresh] = useMutation(REFRESH_TOKEN);
  const [verified, setVerified] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onVerify = async () => {
    setError(null);
    try {
      const { data } = await verify({ variables: { token } });
      if (!data) return;
      if (signedIn) {
        // A fresh token carries the proof (what is found by address opens at once), and the
        // cached profile learns it before the page says "confirmed", so no screen shows it stale.
        const fresh = await refresh();
        if (fresh.data) sessionStore.signIn(fresh.data.refreshToken.token);
        await client.query({ query: ME, fetchPolicy: 'network-only' });
      }
      setVerified(data.verifyEmail.email);
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };

  return (
    <Page title={t('verifyEmail.title')}>
      {verified ? (
        <>
          <p role="status">{t('verifyEmail.done', { email: verified })}</p>
          <Link to={signedIn ? '/' : '/log-in'}>
            {signedIn ? t('verifyEmail.continue') : t('verifyEmail.logIn')}
          </Link>
        </>
      ) : token ? (
        <>
          <p>{t('verifyEmail.intro')}</p>
          <FormError>{error}</FormError>
          <Button onPress={() => void onVerify()} isDisabled={loading}>
            {t('verifyEmail.submit')}
          </Button>
        </>
      ) : (
        <p role="alert">{t('verifyEmail.noToken')}</p>
      )}
    </Page>
  );
}
