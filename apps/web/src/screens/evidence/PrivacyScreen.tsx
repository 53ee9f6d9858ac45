// /privacy — what the evidence service holds about the learner: voluntary self-identification
// (each group optional, "prefer not to say", deleted in one click), everything as JSON to
// download, and one action that deletes feedback, shares and self-identification.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { apiErrors, errorMessage } from '../../graphql/errors';
import { EquityAnswer, EquityGroup } from '../../graphql/generated/graphql';
import { ApiErrorNotice, useDate } from '../trust/trust-ui';
import {
  DELETE_MY_EVIDENCE_DATA,
  DELETE_SELF_IDENTIFICATION,
  MY_EVIDENCE_DATA,
  MY_SELF_IDENTIFICATION,
  SET_SELF_IDENTIFICATION,
} from './documents';
import './evidence.css';

type Choices = Partial<Record<EquityGroup, EquityAnswer>>;
const GROUPS = Object.values(EquityGroup);
const ANSWERS = Object.values(EquityAnswer);

function SelfIdentificationForm() {
  const { t } = useTranslation('evidence');
  const date = useDate();
  const { data, error: loadError } = useQuery(MY_SELF_IDENTIFICATION);
  const refetch = { refetchQueries: ['MySelfIdentification'], awaitRefetchQueries: true };
  const [save, { loading: saving }] = useMutation(SET_SELF_IDENTIFICATION, refetch);
  const [remove, { loading: removing }] = useMutation(DELETE_SELF_IDENTIFICATION, refetch);
  const stored = data?.mySelfIdentification;
  const [edited, setEdited] = useState<Choices | null>(null);
  const choices: Choices =
    edited ?? Object.fromEntries((stored?.answers ?? []).map((a) => [a.group, a.answer]));
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (failure: unknown) =>
    setError(
      apiErrors(failure)
        .map((e) => errorMessage(t, e))
        .join(' '),
    );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setStatus(null);
    const answers = GROUPS.flatMap((group) => (choices[group] ? [{ group, answer: choices[group] }] : []));
    try {
      await save({ variables: { answers } });
      setEdited(null);
      setStatus(answers.length ? t('self.saved') : t('self.deleted'));
    } catch (failure) {
      fail(failure);
    }
  };
  const onDelete = async () => {
    setError(null);
    try {
      await remove();
      setEdited(null);
      setStatus(t('self.deleted'));
    } catch (failure) {
      fail(failure);
    }
  };

  return (
    <section aria-labelledby="self-title" className="evidence-section">
      <h2 id="self-title">{t('self.title')}</h2>
      <p>{t('self.intro')}</p>
      <ApiErrorNotice error={loadError} />
      <p data-testid="self-state">
        {stored ? t('self.stored', { date: date(stored.updatedAt) }) : t('self.none')}
      </p>
      <form
        className="form survey"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-labelledby="self-title"
      >
        {GROUPS.map((group) => (
          <fieldset key={group}>
            <legend>{t(`self.group.${group}`)}</legend>
            <div className="choices">
              {ANSWERS.map((answer) => (
                <label key={answer}>
                  <input
                    type="radio"
                    name={`self-${group}`}
                    value={answer}
                    checked={choices[group] === answer}
                    onChange={() => setEdited({ ...choices, [group]: answer })}
                  />
                  {t(`self.answer.${answer}`)}
                </label>
              ))}
              <label>
                <input
                  type="radio"
                  name={`self-${group}`}
                  value=""
                  checked={!choices[group]}
                  onChange={() => setEdited({ ...choices, [group]: undefined })}
                />
                {t('self.answer.NONE')}
              </label>
            </div>
          </fieldset>
        ))}
        <FormError>{error}</FormError>
        <div className="toolbar">
          <Button type="submit" isDisabled={saving}>
            {t('self.save')}
          </Button>
          {stored && (
            <Button variant="secondary" isDisabled={removing} onPress={() => void onDelete()}>
              {t('self.delete')}
            </Button>
          )}
        </div>
      </form>
      <div role="status" className={status ? 'notice notice-success' : undefined}>
        {status}
      </div>
    </section>
  );
}

function MyData() {
  const { t } = useTranslation('evidence');
  const client = useApolloClient();
  const [href, setHref] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [removeAll, { loading: deleting }] = useMutation(DELETE_MY_EVIDENCE_DATA, {
    refetchQueries: ['MySelfIdentification', 'MyAwardShares', 'MyFeedbackRequests'],
  });
  const fail = (failure: unknown) =>
    setError(
      apiErrors(failure)
        .map((e) => errorMessage(t, e))
        .join(' '),
    );
  const prepare = async () => {
    setError(null);
    try {
      const result = await client.query({ query: MY_EVIDENCE_DATA, fetchPolicy: 'network-only' });
      setHref(
        `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(result.data?.myEvidenceData ?? {}, null, 2))}`,
      );
    } catch (failure) {
      fail(failure);
    }
  };
  const deleteAll = async () => {
    setError(null);
    try {
      const result = await removeAll();
      const d = result.data?.deleteMyEvidenceData;
      setConfirming(false);
      setHref(null);
      setStatus(t('privacy.deletedAll', { feedback: d?.feedback ?? 0, shares: d?.shares ?? 0 }));
    } catch (failure) {
      fail(failure);
    }
  };
  return (
    <section aria-labelledby="data-title" className="evidence-section">
      <h2 id="data-title">{t('privacy.dataTitle')}</h2>
      <p>{t('privacy.dataIntro')}</p>
      <div className="toolbar">
        <Button variant="secondary" onPress={() => void prepare()}>
          {t('privacy.prepare')}
        </Button>
        {href && (
          <a className="button button-primary" href={href} download="lattice-evidence.json">
            {t('privacy.download')}
          </a>
        )}
      </div>
      <h2 id="delete-title">{t('privacy.deleteTitle')}</h2>
      <p>{t('privacy.deleteIntro')}</p>
      {confirming ? (
        <div className="toolbar" role="group" aria-labelledby="delete-title">
          <span>{t('privacy.confirm')}</span>
          <Button isDisabled={deleting} onPress={() => void deleteAll()}>
            {t('privacy.confirmDelete')}
          </Button>
          <Button variant="secondary" onPress={() => setConfirming(false)}>
            {t('privacy.cancel')}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onPress={() => setConfirming(true)}>
          {t('privacy.deleteAll')}
        </Button>
      )}
      <FormError>{error}</FormError>
      <div role="status" className={status ? 'notice notice-success' : undefined}>
        {status}
      </div>
    </section>
  );
}

export function Component() {
  const { t } = useTranslation('evidence');
  return (
    <Page title={t('privacy.title')}>
      <p>{t('privacy.intro')}</p>
      <SelfIdentificationForm />
      <MyData />
    </Page>
  );
}
