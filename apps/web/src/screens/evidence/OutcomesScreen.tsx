// /outcomes — an employer reports what happened to a cohort of a credential's holders: how many it
// hired, promoted and retained, how they perform on the job per competency (1–5), and whether
// the assessment reflected that performance. Only credentials the employer is tied to are offered.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { apiErrors, errorMessage } from '../../graphql/errors';
import { ApiErrorNotice, useDate, useWorkingAs } from '../trust/trust-ui';
import { SkillName } from '../codev/SkillName';
import { OUTCOME_REPORT_CREDENTIALS, REPORT_OUTCOMES } from './documents';
import './evidence.css';

const COUNTS = ['cohortSize', 'hired', 'promoted', 'retained'] as const;
type Count = (typeof COUNTS)[number];

function NumberInput({
  label,
  value,
  onChange,
  invalid,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  invalid: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function Component() {
  const { t } = useTranslation('evidence');
  const date = useDate();
  const { organization } = useWorkingAs();
  const organizationId = organization?.id ?? '';
  const { data, loading, error } = useQuery(OUTCOME_REPORT_CREDENTIALS, {
    variables: { organizationId },
    skip: !organizationId,
  });
  const [report, { loading: sending }] = useMutation(REPORT_OUTCOMES, {
    refetchQueries: ['OutcomeReportCredentials'],
    awaitRefetchQueries: true,
  });
  const [credentialId, setCredentialId] = useState('');
  const [counts, setCounts] = useState<Record<Count, string>>({
    cohortSize: '',
    hired: '',
    promoted: '',
    retained: '',
  });
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [reflected, setReflected] = useState<'' | 'yes' | 'no'>('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const credentials = data?.outcomeReportCredentials ?? [];
  const credential = credentials.find((c) => c.credentialId === credentialId);
  const titleOf = (id: string) => credentials.find((c) => c.credentialId === id)?.title ?? id;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    setServerError(null);
    const numbers = Object.fromEntries(COUNTS.map((k) => [k, Number(counts[k])])) as Record<Count, number>;
    const countsOk = COUNTS.every((k) => counts[k] !== '' && Number.isInteger(numbers[k]) && numbers[k] >= 0);
    if (!credential) return setInvalid(t('outcomes.chooseCredential'));
    if (
      !countsOk ||
      numbers.cohortSize < 1 ||
      numbers.hired > numbers.cohortSize ||
      numbers.promoted > numbers.cohortSize ||
      numbers.retained > numbers.cohortSize
    )
      return setInvalid(t('outcomes.countsInvalid'));
    if (credential.competencies.some((c) => !ratings[c])) return setInvalid(t('outcomes.rateAll'));
    if (!reflected) return setInvalid(t('outcomes.answerReflected'));
    setInvalid(null);
    try {
      await report({
        variables: {
          input: {
            organizationId,
            credentialId,
            ...numbers,
            assessmentReflectedJobPerformance: reflected === 'yes',
            ratings: credential.competencies.map((competency) => ({
              competency,
              rating: ratings[competency]!,
            })),
          },
        },
      });
      setStatus(t('outcomes.saved'));
      setCounts({ cohortSize: '', hired: '', promoted: '', retained: '' });
      setRatings({});
      setReflected('');
    } catch (failure) {
      setServerError(
        apiErrors(failure)
          .map((e) => errorMessage(t, e))
          .join(' '),
      );
    }
  };

  return (
    <Page title={t('outcomes.title')}>
      <p>{t('outcomes.intro')}</p>
      <ApiErrorNotice error={error} />
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : credentials.length === 0 ? (
        <p>{t('outcomes.noCredentials')}</p>
      ) : (
        <form
          className="form survey"
          noValidate
          onSubmit={(event) => void onSubmit(event)}
          aria-label={t('outcomes.formLabel')}
        >
          <div className="field">
            <label htmlFor="outcome-credential">{t('outcomes.credential')}</label>
            <select
              id="outcome-credential"
              value={credentialId}
              onChange={(e) => setCredentialId(e.target.value)}
            >
              <option value="">{t('outcomes.choose')}</option>
              {credentials.map((c) => (
                <option key={c.credentialId} value={c.credentialId}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          {COUNTS.map((k) => (
            <NumberInput
              key={k}
              label={t(`outcomes.${k}`)}
              value={counts[k]}
              invalid={invalid !== null && counts[k] === ''}
              onChange={(v) => setCounts({ ...counts, [k]: v })}
            />
          ))}
          {credential?.competencies.map((competency) => (
            <fieldset key={competency} data-competency={competency}>
              <legend>
                {t('outcomes.ratingFor')} <SkillName id={competency} />
              </legend>
              <p className="scale-ends">
                <span>1 = {t('outcomes.below')}</span>
                <span>5 = {t('outcomes.above')}</span>
              </p>
              <div className="choices">
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n}>
                    <input
                      type="radio"
                      name={`rating-${competency}`}
                      value={n}
                      checked={ratings[competency] === n}
                      onChange={() => setRatings({ ...ratings, [competency]: n })}
                    />
                    {n}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <fieldset>
            <legend>{t('outcomes.reflected')}</legend>
            <div className="choices">
              {(['yes', 'no'] as const).map((v) => (
                <label key={v}>
                  <input
                    type="radio"
                    name="reflected"
                    value={v}
                    checked={reflected === v}
                    onChange={() => setReflected(v)}
                  />
                  {t(`outcomes.${v}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <FormError>{invalid}</FormError>
          <FormError>{serverError}</FormError>
          <Button type="submit" isDisabled={sending}>
            {t('outcomes.submit')}
          </Button>
        </form>
      )}
      <div role="status" className={status ? 'notice notice-success' : undefined}>
        {status}
      </div>
      {(data?.outcomeReports.length ?? 0) > 0 && (
        <section aria-labelledby="reports-title" className="evidence-section">
          <h2 id="reports-title">{t('outcomes.reports')}</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="reports-title">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.credential')}</th>
                  <th scope="col">{t('outcomes.reportedAt')}</th>
                  <th scope="col">{t('outcomes.cohortSize')}</th>
                  <th scope="col">{t('outcomes.hired')}</th>
                  <th scope="col">{t('outcomes.promoted')}</th>
                  <th scope="col">{t('outcomes.retained')}</th>
                  <th scope="col">{t('outcomes.reflectedShort')}</th>
                </tr>
              </thead>
              <tbody>
                {data!.outcomeReports.map((r) => (
                  <tr key={r.id} data-testid="outcome-report">
                    <td>{titleOf(r.credentialId)}</td>
                    <td>{date(r.reportedAt)}</td>
                    <td>{r.cohortSize}</td>
                    <td>{r.hired}</td>
                    <td>{r.promoted}</td>
                    <td>{r.retained}</td>
                    <td>{r.assessmentReflectedJobPerformance ? t('outcomes.yes') : t('outcomes.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Page>
  );
}
