// /framework-survey/:credentialId — the link the issuer's admins receive after publishing: which
// framework elements mattered most and least, and whether the framework was a useful blueprint.
// Answering again replaces the earlier answer.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { apiErrors, errorMessage } from '../../graphql/errors';
import { ApiErrorNotice } from '../trust/trust-ui';
import { ANSWER_FRAMEWORK_SURVEY, FRAMEWORK_SURVEY } from './documents';
import { answerInputs, missingAnswers, SurveyQuestions, type Answers } from './SurveyQuestions';
import './evidence.css';

export function Component() {
  const { t } = useTranslation('evidence');
  const { credentialId = '' } = useParams();
  const { data, loading, error } = useQuery(FRAMEWORK_SURVEY, { variables: { credentialId } });
  const [answer, { loading: sending }] = useMutation(ANSWER_FRAMEWORK_SURVEY);
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const questions = data?.survey.questions ?? [];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    setServerError(null);
    const gaps = missingAnswers(questions, answers);
    setMissing(gaps);
    if (gaps.length) return;
    try {
      await answer({ variables: { credentialId, answers: answerInputs(questions, answers) } });
      setStatus(t('framework.saved'));
    } catch (failure) {
      setServerError(
        apiErrors(failure)
          .map((e) => errorMessage(t, e))
          .join(' '),
      );
    }
  };

  const title = data?.credential?.title;
  return (
    <Page title={title ? t('framework.titleFor', { title }) : t('framework.title')}>
      <p>{t('framework.intro')}</p>
      {data?.credential && (
        <p>
          <Link to={`/catalogue/${data.credential.id}`}>{t('framework.credentialLink')}</Link>
        </p>
      )}
      <ApiErrorNotice error={error} />
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : data ? (
        <form
          onSubmit={(event) => void onSubmit(event)}
          noValidate
          className="form"
          aria-label={t('framework.title')}
        >
          <SurveyQuestions questions={questions} answers={answers} onChange={setAnswers} missing={missing} />
          {missing.length > 0 && <FormError>{t('survey.missing')}</FormError>}
          <FormError>{serverError}</FormError>
          <Button type="submit" isDisabled={sending}>
            {t('framework.submit')}
          </Button>
        </form>
      ) : null}
      <div role="status" className={status ? 'notice notice-success' : undefined}>
        {status}
      </div>
    </Page>
  );
}
