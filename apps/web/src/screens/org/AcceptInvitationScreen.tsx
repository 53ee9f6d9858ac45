import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useMutation } from '@apollo/client/react';
import { Button, FormError, Page } from '../../ui';
import { apiErrors, errorMessage } from '../../graphql/errors';
import { useEnterOrganization } from './organization-session';

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

/** The page an invitation e-mail links to: /invitations/accept?token=… */
export function Component() {
  const { t } = useTranslation('org');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
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
      setError(
        apiErrors(failure)
          .map((e) => errorMessage(t, e))
          .join(' '),
      );
    }
  };

  return (
    <Page title={t('accept.title')}>
      {token ? (
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
