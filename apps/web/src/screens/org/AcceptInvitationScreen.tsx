import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useMutation } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../graphql/errors';
import { useEnterOrganization } from './organization-session';
import { useSession } from '../../app/session';

const ACCEPT = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      role
      organization {
        id
        name
      }
    }
  }
`);

/**
 * The page an invitation e-mail links to: /invitations/accept?token=… Public: the invitee may have
 * no account yet, so signed out it says what the invitation is and leads to log in or sign up,
 * coming back here (with the token) to accept.
 */
export function Component() {
  const { t } = useTranslation('org');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const enter = useEnterOrganization();
  const [accept, { loading }] = useMutation(ACCEPT);
  const [error, setError] = useState<string | null>(null);

  const onAccept = async () => {
    setError(null);
    try {
      const { data } = await accept({ variables: { token } });
      if (!data) return;
      await enter(data.acceptInvitation.organization.id);
      await navigate('/');
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };

  return (
    <Page title={t('accept.title')}>
      {token && !signedIn ? (
        <>
          <p>{t('accept.intro')}</p>
          <p>{t('accept.signedOut')}</p>
          <p className="toolbar">
            <Link className="button button-primary" to={`/log-in?${next(token)}`}>
              {t('accept.logIn')}
            </Link>
            <Link className="button button-secondary" to={`/sign-up?${next(token)}`}>
              {t('accept.signUp')}
            </Link>
          </p>
        </>
      ) : token ? (
        <>
          <p>{t('accept.intro')}</p>
          <FormError>{error}</FormError>
          <Button onPress={() => void onAccept()} isDisabled={loading}>
            {t('accept.submit')}
          </Button>
        </>
      ) : (
        <p role="alert">{t('accept.noToken')}</p>
      )}
    </Page>
  );
}

/** The `next` parameter that brings the person back to this invitation once signed in. */
function next(token: string): string {
  return new URLSearchParams({
    next: `/invitations/accept?${new URLSearchParams({ token }).toString()}`,
  }).toString();
}
