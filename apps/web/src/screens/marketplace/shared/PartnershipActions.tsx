// What either side of a proposal can do with it, wherever it shows (the partnerships screen, a
// ranked card): the side proposed to accepts or declines (with a message), the proposing side may
// withdraw it while unanswered.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import { Label, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { graphql } from '../../../graphql/generated';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { errorText } from '../../../graphql/errors';
import { PARTNERSHIPS, type Partnership } from './marketplace-documents';

const RESPOND = graphql(`
  mutation RespondToPartnership($id: ID!, $accept: Boolean!, $message: String) {
    respondToPartnership(id: $id, accept: $accept, message: $message) {
      ...PartnershipFields
    }
  }
`);
const WITHDRAW = graphql(`
  mutation WithdrawPartnership($id: ID!) {
    withdrawPartnership(id: $id) {
      ...PartnershipFields
    }
  }
`);

export function Respond({ partnership, counterpart }: { partnership: Partnership; counterpart: string }) {
  const { t } = useTranslation('marketplace');
  const [message, setMessage] = useState('');
  const [respond, { loading, error }] = useMutation(RESPOND, { refetchQueries: [PARTNERSHIPS] });
  // The answer replaces these controls: the keyboard goes to the partnership's heading, which now says its state.
  const answer = (accept: boolean) =>
    void respond({ variables: { id: partnership.id, accept, message: message.trim() || null } })
      .then(() => document.getElementById(`partnership-${partnership.id}`)?.focus())
      // A refused answer (someone answered first, the proposal was withdrawn): the client refetches
      // after every failed mutation (graphql/client.ts), so the card shows the real state.
      .catch(() => undefined);
  return (
    <div className="respond">
      <AriaTextField className="field" value={message} onChange={setMessage}>
        <Label>{t('partnerships.responseMessage', { name: counterpart })}</Label>
        <TextArea rows={2} />
      </AriaTextField>
      <FormError>{error && errorText(t, error)}</FormError>
      <div className="toolbar">
        <Button
          isDisabled={loading}
          onPress={() => answer(true)}
          aria-label={t('partnerships.acceptFrom', { name: counterpart, title: partnership.need.title })}
        >
          {t('partnerships.accept')}
        </Button>
        <Button
          variant="secondary"
          isDisabled={loading}
          onPress={() => answer(false)}
          aria-label={t('partnerships.declineFrom', { name: counterpart, title: partnership.need.title })}
        >
          {t('partnerships.decline')}
        </Button>
      </div>
    </div>
  );
}

export function Withdraw({ partnership, counterpart }: { partnership: Partnership; counterpart: string }) {
  const { t } = useTranslation('marketplace');
  const [withdraw, { loading, error }] = useMutation(WITHDRAW, { refetchQueries: [PARTNERSHIPS] });
  return (
    <div>
      <FormError>{error && errorText(t, error)}</FormError>
      <Button
        variant="secondary"
        isDisabled={loading}
        onPress={() => void withdraw({ variables: { id: partnership.id } }).catch(() => undefined)}
        aria-label={t('partnerships.withdrawTo', { name: counterpart, title: partnership.need.title })}
      >
        {t('partnerships.withdraw')}
      </Button>
    </div>
  );
}
