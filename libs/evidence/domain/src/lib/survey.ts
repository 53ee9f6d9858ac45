// Surveys are data: a versioned list of questions in English and French. The learner survey asks
// about one award; the framework survey asks an institution about one published credential.
// Answers are checked against the version they answer, and reduced to what insights count.
import { EvidenceErrors } from './evidence.errors';

export const SURVEY_KINDS = ['LEARNER', 'FRAMEWORK'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const QUESTION_TYPES = ['SCALE', 'CHOICE', 'MULTI_CHOICE', 'TEXT'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Localized {
  readonly en: string;
  readonly fr: string;
}

export interface QuestionOption {
  readonly value: string;
  readonly label: Localized;
}

export interface SurveyQuestion {
  /** Stable across versions when the question means the same thing: insights group answers by it. */
  readonly key: string;
  readonly type: QuestionType;
  readonly label: Localized;
  readonly required: boolean;
  /** SCALE: the lowest and highest value, with their meaning. */
  readonly min?: number;
  readonly max?: number;
  readonly minLabel?: Localized;
  readonly maxLabel?: Localized;
  /** CHOICE and MULTI_CHOICE. */
  readonly options?: readonly QuestionOption[];
  /** TEXT: the longest answer. */
  readonly maxLength?: number;
}

/** One answer as a client sends it: the question's key and its value(s). */
export interface AnswerInput {
  readonly key: string;
  readonly value?: number | null;
  readonly choices?: readonly string[] | null;
  readonly text?: string | null;
}

/** What is kept: a score per SCALE question, the choices per CHOICE question, the free text. */
export interface NormalizedAnswers {
  readonly scores: Record<string, number>;
  readonly choices: Record<string, string[]>;
  readonly text: Record<string, string>;
}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const localized = (value: unknown): value is Localized =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Localized).en === 'string' &&
  typeof (value as Localized).fr === 'string' &&
  /\S/.test((value as Localized).en) &&
  /\S/.test((value as Localized).fr);

/** Refuses a question list that is not a well-formed survey (operators publish them). */
export function assertValidQuestions(questions: readonly SurveyQuestion[]): void {
  const problems: string[] = [];
  if (questions.length === 0 || questions.length > 40) problems.push('a survey has 1 to 40 questions');
  const keys = new Set<string>();
  for (const [index, q] of questions.entries()) {
    const at = `questions[${index}]`;
    if (!KEY.test(q.key ?? '')) problems.push(`${at}.key: lower-case letters, digits and _ (at most 40)`);
    if (keys.has(q.key)) problems.push(`${at}.key: ${q.key} appears twice`);
    keys.add(q.key);
    if (!(QUESTION_TYPES as readonly string[]).includes(q.type))
      problems.push(`${at}.type: one of ${QUESTION_TYPES.join(', ')}`);
    if (!localized(q.label)) problems.push(`${at}.label: English and French text`);
    if (
      q.type === 'SCALE' &&
      !(Number.isInteger(q.min) && Number.isInteger(q.max) && q.min! >= 0 && q.max! <= 10 && q.min! < q.max!)
    ) {
      problems.push(`${at}: a scale has integer min < max within 0..10`);
    }
    if (q.type === 'CHOICE' || q.type === 'MULTI_CHOICE') {
      const values = (q.options ?? []).map((o) => o.value);
      if (
        values.length < 2 ||
        values.length > 20 ||
        new Set(values).size !== values.length ||
        !values.every((v) => KEY.test(v)) ||
        !(q.options ?? []).every((o) => localized(o.label))
      ) {
        problems.push(`${at}.options: 2 to 20 distinct options, each a key with English and French labels`);
      }
    }
    if (q.type === 'TEXT' && !(Number.isInteger(q.maxLength) && q.maxLength! >= 1 && q.maxLength! <= 5000))
      problems.push(`${at}.maxLength: 1 to 5000`);
  }
  if (problems.length) throw EvidenceErrors.of('INVALID_SURVEY', problems.join('; '), { problems });
}

/**
 * Checks answers against a survey version: every key known, every value of the right type and in
 * range, each question at most once, required ones present. A rating out of range is its own code.
 */
export function normalizeAnswers(
  questions: readonly SurveyQuestion[],
  answers: readonly AnswerInput[],
): NormalizedAnswers {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const seen = new Set<string>();
  const scores: Record<string, number> = {};
  const choices: Record<string, string[]> = {};
  const text: Record<string, string> = {};
  for (const answer of answers) {
    const question = byKey.get(answer.key);
    if (!question)
      throw EvidenceErrors.of(
        'INVALID_ANSWER',
        `No question ${JSON.stringify(String(answer.key).slice(0, 40))} in this survey.`,
        { key: answer.key },
      );
    if (seen.has(answer.key))
      throw EvidenceErrors.of('INVALID_ANSWER', `Question ${answer.key} is answered twice.`, {
        key: answer.key,
      });
    seen.add(answer.key);
    if (question.type === 'SCALE') {
      if (answer.value === null || answer.value === undefined) continue;
      if (!Number.isInteger(answer.value) || answer.value < question.min! || answer.value > question.max!) {
        throw EvidenceErrors.of(
          'RATING_OUT_OF_RANGE',
          `${question.key} is a whole number from ${question.min} to ${question.max}.`,
          { key: question.key, min: question.min, max: question.max },
        );
      }
      scores[question.key] = answer.value;
    } else if (question.type === 'CHOICE' || question.type === 'MULTI_CHOICE') {
      const picked = [...new Set(answer.choices ?? [])];
      if (picked.length === 0) continue;
      const allowed = new Set((question.options ?? []).map((o) => o.value));
      const unknown = picked.filter((c) => !allowed.has(c));
      if (unknown.length || (question.type === 'CHOICE' && picked.length > 1)) {
        throw EvidenceErrors.of(
          'INVALID_ANSWER',
          `${question.key} takes ${question.type === 'CHOICE' ? 'one' : 'any'} of: ${[...allowed].join(', ')}.`,
          { key: question.key },
        );
      }
      choices[question.key] = picked.sort();
    } else {
      const value = (answer.text ?? '').trim();
      if (!value) continue;
      if (value.length > question.maxLength!)
        throw EvidenceErrors.of(
          'INVALID_ANSWER',
          `${question.key} is at most ${question.maxLength} characters.`,
          { key: question.key, maxLength: question.maxLength },
        );
      text[question.key] = value;
    }
  }
  const missing = questions
    .filter(
      (q) =>
        q.required &&
        scores[q.key] === undefined &&
        choices[q.key] === undefined &&
        text[q.key] === undefined,
    )
    .map((q) => q.key);
  if (missing.length)
    throw EvidenceErrors.of('INVALID_ANSWER', `Answer: ${missing.join(', ')}.`, { missing });
  return { scores, choices, text };
}

const scale = (
  key: string,
  en: string,
  fr: string,
  minEn: string,
  minFr: string,
  maxEn: string,
  maxFr: string,
): SurveyQuestion => ({
  key,
  type: 'SCALE',
  label: { en, fr },
  required: true,
  min: 1,
  max: 5,
  minLabel: { en: minEn, fr: minFr },
  maxLabel: { en: maxEn, fr: maxFr },
});

/** The first learner survey (version 1), seeded by migration. */
export const LEARNER_SURVEY_V1: readonly SurveyQuestion[] = [
  scale(
    'relevance',
    'How relevant is this credential to your work?',
    'Dans quelle mesure ce titre est-il pertinent pour votre travail?',
    'Not relevant',
    'Pas pertinent',
    'Highly relevant',
    'Très pertinent',
  ),
  scale(
    'workload',
    'How did the workload compare with the stated hours?',
    'Comment la charge de travail se comparait-elle aux heures annoncées?',
    'Much less',
    'Beaucoup moins',
    'Much more',
    'Beaucoup plus',
  ),
  scale(
    'authenticity',
    'Did the assessment feel like real work?',
    'L’évaluation ressemblait-elle à du vrai travail?',
    'Not at all',
    'Pas du tout',
    'Completely',
    'Tout à fait',
  ),
  scale(
    'recommend',
    'Would you recommend this credential?',
    'Recommanderiez-vous ce titre?',
    'Certainly not',
    'Certainement pas',
    'Certainly',
    'Certainement',
  ),
  {
    key: 'changes',
    type: 'MULTI_CHOICE',
    label: { en: 'What changed for you since?', fr: 'Qu’est-ce qui a changé pour vous depuis?' },
    required: false,
    options: [
      { value: 'new_job', label: { en: 'A new job', fr: 'Un nouvel emploi' } },
      { value: 'promotion', label: { en: 'A promotion', fr: 'Une promotion' } },
      { value: 'raise', label: { en: 'A raise', fr: 'Une augmentation' } },
      { value: 'new_duties', label: { en: 'New duties', fr: 'De nouvelles tâches' } },
      { value: 'none_yet', label: { en: 'Nothing yet', fr: 'Rien pour l’instant' } },
    ],
  },
  {
    key: 'comment',
    type: 'TEXT',
    label: {
      en: 'Anything else? (never shown with your name)',
      fr: 'Autre chose? (jamais affiché avec votre nom)',
    },
    required: false,
    maxLength: 2000,
  },
];

/** The six elements of eCampusOntario's framework, which the framework survey asks about. */
export const FRAMEWORK_ELEMENTS = [
  'competencies',
  'outcomes',
  'assessment',
  'duration',
  'stackability',
  'quality_assurance',
] as const;

const elementOptions: QuestionOption[] = [
  { value: 'competencies', label: { en: 'Competencies', fr: 'Compétences' } },
  { value: 'outcomes', label: { en: 'Learning outcomes', fr: 'Résultats d’apprentissage' } },
  { value: 'assessment', label: { en: 'Assessment', fr: 'Évaluation' } },
  { value: 'duration', label: { en: 'Duration and workload', fr: 'Durée et charge de travail' } },
  { value: 'stackability', label: { en: 'Stackability', fr: 'Cumul' } },
  { value: 'quality_assurance', label: { en: 'Quality assurance', fr: 'Assurance qualité' } },
];

/** The report's survey of pilot leads (version 1), offered to institutions after they publish. */
export const FRAMEWORK_SURVEY_V1: readonly SurveyQuestion[] = [
  {
    key: 'most_important',
    type: 'MULTI_CHOICE',
    label: {
      en: 'Which framework elements were most important?',
      fr: 'Quels éléments du cadre ont été les plus importants?',
    },
    required: true,
    options: elementOptions,
  },
  {
    key: 'least_important',
    type: 'MULTI_CHOICE',
    label: { en: 'Which were least important?', fr: 'Lesquels ont été les moins importants?' },
    required: false,
    options: elementOptions,
  },
  scale(
    'useful_blueprint',
    'Was the framework a useful blueprint?',
    'Le cadre a-t-il été un plan utile?',
    'Not useful',
    'Pas utile',
    'Very useful',
    'Très utile',
  ),
  {
    key: 'comment',
    type: 'TEXT',
    label: { en: 'What should the next version change?', fr: 'Que devrait changer la prochaine version?' },
    required: false,
    maxLength: 2000,
  },
];
