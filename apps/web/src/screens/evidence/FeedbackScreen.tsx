// /feedback/:awardId — the link the learner's notification carries: the survey about one award,
// answered once and changed for 30 days, deletable at any time; the reminder can be turned off;
// and the award can be shared with an employer (and the share taken back).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { apiErrors, errorMessage } from '../../graphql/errors';
import { ApiErrorNotice, useDate } from '../trust/trust-ui';
import {
  AWARD_FEEDBACK,
  DELETE_FEEDBACK,
  SUBMIT_FEEDBACK,
  TURN_OFF_FEEDBACK_REMINDER,
  type AwardFeedbackData,
} from './documents';
import { answerInputs, missingAnswers, SurveyQuestions, type Answers } from './SurveyQuestions';
import { AwardShares } from './AwardShares';
import './evidence.css';

const toAnswers = (feedback: AwardFeedbackData | undefined): Answers =>
  Object.fromEntries(
    (feedback?.response?.answers ?? []).map((a) => [
      a.key,
      { value: a.value, choices: a.choices, text: a.text },
    ]),
  );

function SurveyForm({ feedback }: { feedback: AwardFeedbackData }) {
  const { t } = useTranslation('evidence');
  const date = useDate();
  const [answers, setAnswers] = useState<Answers>(() => toAnswers(feedback));
  const [openedAt] = useState(() => Date.now());
  const [missing, setMissing] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [submit, { loading: submitting }] = useMutation(SUBMIT_FEEDBACK, {
    refetchQueries: ['AwardFeedback', 'MyFeedbackRequests'],
    awaitRefetchQueries: true,
  });
  const [remove, { loading: deleting }] = useMutation(DELETE_FEEDBACK, {
    refetchQueries: ['AwardFeedback', 'MyFeedbackRequests'],
    awaitRefetchQueries: true,
  });
  const [turnOff, { loading: turningOff }] = useMutation(TURN_OFF_FEEDBACK_REMINDER);
  const response = feedback.response;
  const editable = !feedback.revoked && (!response || new Date(response.editableUntil).getTime() > openedAt);
  const fail = (error: unknown) =>
    setServerError(
      apiErrors(error)
        .map((e) => errorMessage(t, e))
        .join(' '),
    );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    setServerError(null);
    const questions = feedback.survey.questions;
    const gaps = missingAnswers(questions, answers);
    setMissing(gaps);
    if (gaps.length) return;
    try {
      await submit({
        variables: {
          input: {
            awardId: feedback.awardId,
            answers: answerInputs(questions, answers),
            surveyVersion: response?.surveyVersion ?? feedback.survey.version,
            expectedRevision: response?.revision ?? null,
          },
        },
      });
      setStatus(t('feedback.saved'));
    } catch (error) {
      fail(error);
    }
  };
  const onDelete = async () => {
    setStatus(null);
    setServerError(null);
    try {
      await remove({ variables: { awardId: feedback.awardId } });
      setAnswers({});
      setStatus(t('feedback.deleted'));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      {response ? (
        <p data-testid="feedback-state">
          {editable
            ? t('feedback.editableUntil', { date: date(response.editableUntil) })
            : t('feedback.closed')}
        </p>
      ) : (
        <p data-testid="feedback-state">{t('feedback.notAnswered')}</p>
      )}
      <form
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        className="form"
        aria-label={t('feedback.formLabel')}
      >
        <SurveyQuestions
          questions={feedback.survey.questions}
          answers={answers}
          onChange={setAnswers}
          missing={missing}
          disabled={!editable}
        />
        {missing.length > 0 && <FormError>{t('survey.missing')}</FormError>}
        <FormError>{serverError}</FormError>
        {editable && (
          <Button type="submit" isDisabled={submitting}>
            {response ? t('feedback.update') : t('feedback.submit')}
          </Button>
        )}
      </form>
      <div role="status" className={status ? 'notice notice-success' : undefined}>
        {status}
      </div>
      <div className="toolbar">
        {response && (
          <Button variant="secondary" onPress={() => void onDelete()} isDisabled={deleting}>
            {t('feedback.delete')}
          </Button>
        )}
        {!response && !feedback.remindersOff && !feedback.revoked && (
          <Button
            variant="secondary"
            isDisabled={turningOff}
            onPress={() => void turnOff({ variables: { awardId: feedback.awardId } }).catch(fail)}
          >
            {t('feedback.remindersOff')}
          </Button>
        )}
        {feedback.remindersOff && !response && <span>{t('feedback.remindersAreOff')}</span>}
      </div>
    </>
  );
}

export function Component() {
  const { t } = useTranslation('evidence');
  const { awardId = '' } = useParams();
  const { data, loading, error } = useQuery(AWARD_FEEDBACK, { variables: { awardId } });
  const feedback = data?.awardFeedback;
  return (
    <Page
      title={feedback ? t('feedback.titleFor', { title: feedback.credentialTitle }) : t('feedback.title')}
    >
      <p>
        <Link to="/feedback">{t('feedback.all')}</Link>
      </p>
      <p>{t('feedback.intro')}</p>
      <ApiErrorNotice error={error} />
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : feedback ? (
        <>
          {feedback.revoked && <p className="notice notice-warning">{t('feedback.revoked')}</p>}
          <SurveyForm key={feedback.awardId} feedback={feedback} />
          <AwardShares awardId={feedback.awardId} />
        </>
      ) : null}
    </Page>
  );
}
