import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql/generated';
import { useMutation } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../graphql/errors';

const RESEND = graphql(`
  mutation RequestEmailVerification {
    requestEmailVerification {
      emailVerified
    }
  }
`);

/** Asks a signed-in person to confirm their address, with a resend button. */
export function UnverifiedEmailNotice({ email }: { email: string }) {
  const { t } = useTranslation('auth');
  const [resend, { loading }] = useMutation(RESEND);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onResend = async () => {
    setError(null);
    try {
      await resend();
      setSent(true);
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };
  return (
    <section className="notice" aria-label={t('verifyEmail.title')}>
      <p>{t('unverified.notice', { email })}</p>
      {sent ? (
        <p role="status">{t('unverified.sent')}</p>
      ) : (
        <Button onPress={() => void onResend()} isDisabled={loading}>
          {t('unverified.resend')}
        </Button>
      )}
      <FormError>{error}</FormError>
    </section>
  );
}
