// A survey's questions as a form's fields, in the reader's language: a scale or a single choice is
// a group of radio buttons, a multiple choice a group of check boxes, free text a text area. The
// questions are data (the API's survey version); the answers go back keyed by question.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackAnswerInput } from '../../graphql/generated/graphql';
import type { SurveyQuestion } from './documents';

export interface Answer {
  value?: number | null;
  choices?: string[] | null;
  text?: string | null;
}
export type Answers = Record<string, Answer>;

/** The answers as the API takes them (unanswered questions left out). */
export function answerInputs(questions: readonly SurveyQuestion[], answers: Answers): FeedbackAnswerInput[] {
  return questions.flatMap((q): FeedbackAnswerInput[] => {
    const a = answers[q.key];
    if (!a) return [];
    if (q.type === 'SCALE') return a.value != null ? [{ key: q.key, value: a.value }] : [];
    if (q.type === 'TEXT') return a.text && a.text.trim() ? [{ key: q.key, text: a.text }] : [];
    return a.choices && a.choices.length ? [{ key: q.key, choices: a.choices }] : [];
  });
}

/** The questions a required answer is missing for. */
export const missingAnswers = (questions: readonly SurveyQuestion[], answers: Answers) => {
  const given = new Set(answerInputs(questions, answers).map((a) => a.key));
  return questions.filter((q) => q.required && !given.has(q.key)).map((q) => q.key);
};

export function useLocalized() {
  const { i18n } = useTranslation();
  return (text: { en: string; fr: string } | null | undefined) =>
    text ? (i18n.language.startsWith('fr') ? text.fr : text.en) : '';
}

function Question({
  question,
  answer,
  onChange,
  missing,
  disabled,
}: {
  question: SurveyQuestion;
  answer: Answer | undefined;
  onChange: (a: Answer) => void;
  missing: boolean;
  disabled: boolean;
}) {
  const { t } = useTranslation('evidence');
  const local = useLocalized();
  const id = useId();
  const label = local(question.label);
  const errorId = `${id}-error`;
  const error = missing ? (
    <span id={errorId} className="field-error">
      {t('survey.required')}
    </span>
  ) : null;
  if (question.type === 'TEXT') {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          className="textarea"
          rows={4}
          maxLength={question.maxLength ?? undefined}
          value={answer?.text ?? ''}
          disabled={disabled}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? errorId : undefined}
          onChange={(e) => onChange({ text: e.target.value })}
        />
        {error}
      </div>
    );
  }
  const options =
    question.type === 'SCALE'
      ? Array.from({ length: (question.max ?? 5) - (question.min ?? 1) + 1 }, (_, i) => {
          const value = (question.min ?? 1) + i;
          return { value: String(value), label: String(value) };
        })
      : (question.options ?? []).map((o) => ({ value: o.value, label: local(o.label) }));
  const multi = question.type === 'MULTI_CHOICE';
  const selected =
    question.type === 'SCALE'
      ? answer?.value != null
        ? [String(answer.value)]
        : []
      : (answer?.choices ?? []);
  const toggle = (value: string, checked: boolean) => {
    if (question.type === 'SCALE') return onChange({ value: Number(value) });
    if (!multi) return onChange({ choices: [value] });
    const next = checked ? [...selected, value] : selected.filter((v) => v !== value);
    onChange({ choices: next });
  };
  return (
    <fieldset aria-describedby={missing ? errorId : undefined} data-question={question.key}>
      <legend>
        {label}
        {question.required && <span aria-hidden="true"> *</span>}
      </legend>
      {question.type === 'SCALE' && (question.minLabel || question.maxLabel) && (
        <p className="scale-ends" id={`${id}-ends`}>
          <span>
            {question.min ?? 1} = {local(question.minLabel)}
          </span>
          <span>
            {question.max ?? 5} = {local(question.maxLabel)}
          </span>
        </p>
      )}
      <div className="choices">
        {options.map((o) => (
          <label key={o.value}>
            <input
              type={multi ? 'checkbox' : 'radio'}
              name={`${id}-${question.key}`}
              value={o.value}
              checked={selected.includes(o.value)}
              disabled={disabled}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error}
    </fieldset>
  );
}

export function SurveyQuestions({
  questions,
  answers,
  onChange,
  missing,
  disabled = false,
}: {
  questions: readonly SurveyQuestion[];
  answers: Answers;
  onChange: (answers: Answers) => void;
  missing: readonly string[];
  disabled?: boolean;
}) {
  return (
    <div className="survey form">
      {questions.map((q) => (
        <Question
          key={q.key}
          question={q}
          answer={answers[q.key]}
          missing={missing.includes(q.key)}
          disabled={disabled}
          onChange={(a) => onChange({ ...answers, [q.key]: a })}
        />
      ))}
    </div>
  );
}
